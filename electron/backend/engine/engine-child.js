// The embedded DynamoDB engine (dynalite) in its own process, so that it gets its own core.
// Plain JavaScript on purpose: it is forked as-is from both the sources and the build.
// Protocol: argv = JSON options; it sends {type:'listening', port} or {type:'error', code, message} over IPC.
import { mkdir } from 'node:fs/promises';
import dynalite from 'dynalite';
import { ClassicLevel } from 'classic-level';

const options = JSON.parse(process.argv[2] ?? '{}');

// dynalite opens LevelDB lazily and reports a failure only on the first request, so open (and close) the folder
// first: a lock held by another engine, an unwritable folder or a missing native binary is reported at start.
if (options.dataDir) {
  try {
    await mkdir(options.dataDir, { recursive: true });
    const probe = new ClassicLevel(options.dataDir);
    await probe.open();
    await probe.close();
  } catch (error) {
    const cause = error?.cause?.message ?? '';
    process.send?.({ type: 'error', code: 'DATA_DIR', message: `${error.message}${cause ? `: ${cause}` : ''}` });
    process.exit(3);
  }
}

const server = dynalite({
  path: options.dataDir || undefined,
  createTableMs: options.createTableMs ?? 20,
  deleteTableMs: options.deleteTableMs ?? 20,
  updateTableMs: options.updateTableMs ?? 20,
});

// dynalite rethrows request stream errors (`req.on('error', (err) => { throw err })`), so a client that drops the
// connection in the middle of a request body would take the whole engine down. Such a request is simply gone;
// every other uncaught error still ends the process (exit 1), as Node would.
process.on('uncaughtException', (error) => {
  if (error?.code === 'ECONNRESET' || error?.code === 'ERR_STREAM_PREMATURE_CLOSE' || error?.message === 'aborted')
    return;
  process.stderr.write(`${error?.stack ?? error}\n`);
  process.exit(1);
});

server.on('error', (error) => {
  process.send?.({ type: 'error', code: error.code ?? 'UNKNOWN', message: error.message });
  process.exit(3);
});
server.listen(options.port ?? 0, '127.0.0.1', () => {
  const address = server.address();
  process.send?.({
    type: 'listening',
    port: typeof address === 'object' && address ? address.port : options.port,
    host: '127.0.0.1',
  });
});

function shutdown() {
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 2000).unref();
}
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
process.on('disconnect', shutdown);
