// The embedded DynamoDB engine in its own process, so that it gets its own core: dynalite's storage, validation and
// item operations behind Monotable's front (front/), which adds what matters most from DynamoDB (transactions, TTL),
// enforces its expression limits before dynalite parses, and keeps one failing request from ending the process.
// Plain JavaScript on purpose: it is forked as-is from both the sources and the build.
// Protocol: argv = JSON options; it sends {type:'listening', port, store?} or {type:'error', code, message} or
// {type:'damaged', report} (see store-check.js) over IPC.
import { mkdir } from 'node:fs/promises';
import { ClassicLevel } from 'classic-level';
import { checkStore } from './store-check.js';

const options = JSON.parse(process.argv[2] ?? '{}');
if (options.skipDynalitePatches?.length) {
  process.env.MONOTABLE_SKIP_DYNALITE_PATCHES = options.skipDynalitePatches.join(',');
}
// Loaded after the options are read: dynalite's sources are patched as they load.
const { createEngineFront } = await import('./front/engine-front.js');
const { createHttpFront } = await import('./front/http-front.js');
const { db } = await import('./front/load-dynalite.js');
const { describeStore } = await import('./front/errors.js');
const { currentRequest, inFlight } = await import('./front/request-context.js');

// dynalite opens LevelDB lazily and reports a failure only on the first request, and LevelDB hides most damage (it
// drops an unreadable log tail, starts empty without CURRENT). So the folder is checked and read end to end first
// (store-check.js): a lock held by another engine, an unwritable folder, a missing native binary or a damaged store
// is reported at start, with what could be read and what could not, and the folder is left as it was.
/** Tells the parent why the engine cannot start, then ends (once the message is out). */
function report(message) {
  if (!process.send) process.exit(3);
  process.send(message, () => process.exit(3));
  return new Promise(() => undefined);
}

let storeCheck;
if (options.dataDir) {
  try {
    await mkdir(options.dataDir, { recursive: true });
    storeCheck = await checkStore(options.dataDir);
  } catch (error) {
    await report({ type: 'error', code: 'DATA_DIR', message: error.message });
  }
  if (storeCheck.locked) await report({ type: 'error', code: 'DATA_DIR', message: storeCheck.locked });
  else if (storeCheck.damaged) await report({ type: 'damaged', report: storeCheck });
  else {
    // Sound (or new: created now): opened once here, so that an unwritable folder, a lock taken in the meantime or a
    // missing native binary is reported at start rather than on the first request.
    try {
      const probe = new ClassicLevel(options.dataDir);
      await probe.open();
      await probe.close();
    } catch (error) {
      const cause = error?.cause?.message ?? '';
      await report({ type: 'error', code: 'DATA_DIR', message: `${error.message}${cause ? `: ${cause}` : ''}` });
    }
  }
  describeStore({ dataDir: options.dataDir });
}

const store = db.create({
  path: options.dataDir || undefined,
  createTableMs: options.createTableMs ?? 20,
  deleteTableMs: options.deleteTableMs ?? 20,
  updateTableMs: options.updateTableMs ?? 20,
});
const front = createEngineFront({ store, ttlSweepMs: options.ttlSweepMs ?? 5_000 });
const server = createHttpFront(front);

// An error thrown inside dynalite's callbacks cannot be caught where it happens. Where the request it belongs to is
// known (front/request-context.js binds dynalite's continuations to their request; most such errors are already
// answered there), that request gets a 500 naming its operation and releases its locks; with a single request in
// flight it must be that one. The engine keeps serving with its data. A dropped client connection is simply gone.
function onUncaught(error) {
  if (error?.code === 'ECONNRESET' || error?.code === 'ERR_STREAM_PREMATURE_CLOSE' || error?.message === 'aborted')
    return;
  const context = currentRequest() ?? (inFlight.size === 1 ? [...inFlight][0] : undefined);
  process.stderr.write(`[engine] ${context?.operation ?? 'a request'} failed: ${error?.stack ?? error}\n`);
  context?.fail(error);
}
process.on('uncaughtException', onUncaught);
process.on('unhandledRejection', onUncaught);

server.on('error', (error) => {
  process.send?.({ type: 'error', code: error.code ?? 'UNKNOWN', message: error.message });
  process.exit(3);
});
await front.ready;
server.listen(options.port ?? 0, '127.0.0.1', () => {
  const address = server.address();
  process.send?.({
    type: 'listening',
    port: typeof address === 'object' && address ? address.port : options.port,
    host: '127.0.0.1',
    ...(storeCheck && {
      store: { tables: storeCheck.tables, entries: storeCheck.entries, notes: storeCheck.notes, ms: storeCheck.ms },
    }),
  });
});

let stopping = false;
function shutdown() {
  if (stopping) return;
  stopping = true;
  front.close();
  server.close();
  server.closeAllConnections?.();
  store.db.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 2000).unref();
}
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
process.on('disconnect', shutdown);
