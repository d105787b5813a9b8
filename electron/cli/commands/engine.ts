import { resolve } from 'node:path';
import { MonotableError, isMonotableError } from '../../../shared/errors/monotable-error.js';
import { call } from '../api.js';
import { EXIT, type Command, type CommandIo } from '../command.js';

function parsePort(value: unknown): number {
  if (value === undefined) return 0;
  const port = Number(value);
  if (typeof value !== 'string' || !/^\d+$/.test(value) || port > 65_535) {
    throw new MonotableError('BAD_INPUT', `--port must be a number from 0 to 65535, got "${String(value)}".`, {
      hint: 'Use --port 0 (or leave it out) to pick a free port.',
    });
  }
  return port;
}

/**
 * Calls `onGone` once when the process that started this one goes away (`npx monotable engine &` and then
 * `kill $!` kills npx, which may not pass the signal on: this process is then re-parented). POSIX only: on
 * Windows the parent id never changes.
 */
function watchParent(onGone: () => void, everyMs = 500): () => void {
  const parent = process.ppid;
  const timer = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(timer);
    onGone();
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}

const items = (n: number): string => `${n.toLocaleString('en-US')} item${n === 1 ? '' : 's'}`;

/** `monotable engine status`: running or not, where, and what the data folder holds (or could not be read). */
async function printStatus(values: Record<string, unknown>, io: CommandIo): Promise<number> {
  const dataDir = typeof values.data === 'string' ? resolve(io.cwd, values.data) : undefined;
  const status = await call('engine.status', { ...(dataDir !== undefined && { dataDir }) });
  const damaged = status.store?.state === 'damaged';
  if (values.json === true) {
    io.stdout.write(`${JSON.stringify(status)}\n`);
    return damaged ? EXIT.FINDINGS : EXIT.OK;
  }
  const lines = [
    status.running ? `running: ${status.endpoint} (pid ${status.pid})` : 'running: no',
    `data: ${status.inMemory ? 'in memory' : status.dataDir}`,
  ];
  const store = status.store;
  if (store && store.state !== 'damaged') {
    lines.push(`store: ${store.state}${store.tables.length ? `, ${store.tables.length} table(s)` : ''}`);
    for (const t of store.tables) lines.push(`  ${t.name}: ${items(t.items)}`);
    for (const note of store.notes ?? []) lines.push(`note: ${note}`);
  }
  io.stdout.write(`${lines.join('\n')}\n`);
  if (store?.state === 'damaged') {
    io.stderr.write(
      `error [ENGINE_DATA_DAMAGED] ${status.dataDir}: ${store.message ?? store.problems.join('; ')}\n${store.hint ? `  hint: ${store.hint}\n` : ''}`,
    );
  }
  return damaged ? EXIT.FINDINGS : EXIT.OK;
}

const tablesText = (tables: readonly { name: string; items: number }[]): string =>
  tables.length === 0 ? 'no tables' : tables.map((t) => `${t.name} ${items(t.items)}`).join(', ');

/** `monotable engine salvage`: LevelDB's repair on a copy; the damaged folder is kept beside it. */
async function salvage(values: Record<string, unknown>, io: CommandIo): Promise<number> {
  const dataDir = typeof values.data === 'string' ? resolve(io.cwd, values.data) : undefined;
  const result = await call('engine.salvage', { ...(dataDir !== undefined && { dataDir }) });
  io.stdout.write(
    [
      `before: ${tablesText(result.before.tables)} could be read`,
      `now: ${tablesText(result.after.tables)}${result.after.state === 'damaged' ? ' (still damaged)' : ''}`,
      `the damaged folder is kept, unchanged, at ${result.keptAt}`,
    ].join('\n') + '\n',
  );
  io.stderr.write(
    'Salvaged. Index entries of the rescued items may not all match them: check the indexes you rely on (a Scan of the index), and delete the kept folder once you have what you need.\n',
  );
  if (result.after.state === 'damaged') {
    io.stderr.write(`error [ENGINE_DATA_DAMAGED]: ${result.after.message ?? result.after.problems.join('; ')}\n`);
    return EXIT.FINDINGS;
  }
  return EXIT.OK;
}

export const engineCommand: Command = {
  name: 'engine',
  runsUntilStopped: true,
  usage: `Usage: monotable engine [--port N] [--data DIR | --in-memory]
       monotable engine status [--data DIR] [--json]
       monotable engine salvage [--data DIR]

Runs the embedded engine on 127.0.0.1 (never on other interfaces) and prints its endpoint.
Other commands with --embedded connect to it; Ctrl-C (SIGINT) or SIGTERM stops it (exit 0).
At start it reads its data folder end to end: a damaged folder is reported (what could be read, what could not)
and the engine does not start on it; the folder is never changed.

\`engine status\` says whether an engine runs on the folder and what its data holds (tables and item counts, from
the check at its start, or checked now on a copy when none runs). Exit 0 sound, 1 damaged, 2 failure.

\`engine salvage\` rescues what can be read from a damaged folder: LevelDB's repair runs on a copy, the damaged
folder is kept beside it unchanged (DIR/leveldb.damaged-STAMP) and the repaired copy takes its place.

Options:
  --port N       port to listen on (default 0: a free port)
  --data DIR     engine folder (default: $MONOTABLE_DATA_DIR, else the user data folder, e.g.
                 ~/.local/share/monotable/engine); tables persist on disk there
  --in-memory    keep tables in memory only (they are gone when the engine stops)
  --json         with status: print the status as one JSON object`,
  options: {
    port: { type: 'string' },
    data: { type: 'string' },
    'in-memory': { type: 'boolean' },
    json: { type: 'boolean' },
  },
  async run({ values, positionals }, io) {
    if (positionals[0] === 'status' && positionals.length === 1) return printStatus(values, io);
    if (positionals[0] === 'salvage' && positionals.length === 1) return salvage(values, io);
    if (positionals.length > 0) {
      throw new MonotableError('BAD_INPUT', `Unexpected "${positionals.join(' ')}" after \`monotable engine\`.`, {
        hint: 'Run `monotable engine` to start the engine, `monotable engine status` to see it, or `monotable engine salvage` to rescue a damaged one.',
      });
    }
    const port = parsePort(values.port);
    const inMemory = values['in-memory'] === true;
    if (inMemory && values.data !== undefined) {
      throw new MonotableError('BAD_INPUT', '--data and --in-memory exclude each other.', {
        hint: 'Keep --data DIR to persist tables, or --in-memory for a scratch engine.',
      });
    }
    const dataDir = typeof values.data === 'string' ? resolve(io.cwd, values.data) : undefined;
    const engine = await call('engine.start', {
      port,
      inMemory,
      ...(dataDir !== undefined && { dataDir }),
      ifRunning: 'fail',
    });
    io.stdout.write(`endpoint: ${engine.endpoint}\n`);
    io.stdout.write(`data: ${inMemory ? 'in memory' : engine.dataDir}\n`);
    if (engine.store) {
      const tables = engine.store.tables.map((t) => `${t.name} ${items(t.items)}`).join(', ');
      io.stdout.write(`store: checked, every item read${tables ? ` (${tables})` : ' (no tables yet)'}\n`);
      for (const note of engine.store.notes ?? []) io.stdout.write(`note: ${note}\n`);
    }
    io.stderr.write('The embedded engine is running; other commands reach it with --embedded. Press Ctrl-C to stop.\n');
    const stop = new AbortController();
    const onSignal = (): void => stop.abort();
    io.signal.addEventListener('abort', onSignal, { once: true });
    let orphaned = false;
    const unwatch = watchParent(() => {
      orphaned = true;
      stop.abort();
    });
    let stopped = false;
    try {
      if (io.signal.aborted) stop.abort();
      const watched = await call('engine.watch', {}, { signal: stop.signal }).catch((error: unknown) => {
        if (isMonotableError(error) && error.code === 'CANCELLED') return { outcome: 'cancelled' as const };
        throw error;
      });
      // Ctrl-C in a terminal signals the engine process too; it may exit a moment before our own handler runs.
      if (watched.outcome === 'exited') await new Promise((done) => setTimeout(done, 200));
      await call('engine.stop', {});
      stopped = true;
      if (watched.outcome === 'exited' && !stop.signal.aborted) {
        io.stderr.write(
          `error [ENGINE_START_FAILED]: the engine process stopped unexpectedly (exit ${watched.exitCode ?? watched.signal}).\n  hint: start it again; if it keeps stopping, try --in-memory or another --data folder.\n`,
        );
        return EXIT.FAILURE;
      }
      io.stderr.write(orphaned ? 'engine stopped: the process that started it is gone\n' : 'engine stopped\n');
      return EXIT.OK;
    } finally {
      unwatch();
      io.signal.removeEventListener('abort', onSignal);
      if (!stopped) await call('engine.stop', {}).catch(() => undefined); // never leave the engine behind
    }
  },
};
