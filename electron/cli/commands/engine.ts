import { resolve } from 'node:path';
import { MonotableError, isMonotableError } from '../../../shared/errors/monotable-error.js';
import { call } from '../api.js';
import { EXIT, type Command } from '../command.js';

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

export const engineCommand: Command = {
  name: 'engine',
  usage: `Usage: monotable engine [--port N] [--data DIR | --in-memory]

Runs the embedded engine on 127.0.0.1 (never on other interfaces) and prints its endpoint.
Other commands with --embedded connect to it; Ctrl-C (SIGINT) or SIGTERM stops it.

Options:
  --port N       port to listen on (default 0: a free port)
  --data DIR     engine folder (default: $MONOTABLE_DATA_DIR, else the user data folder, e.g.
                 ~/.local/share/monotable/engine); tables persist on disk there
  --in-memory    keep tables in memory only (they are gone when the engine stops)`,
  options: {
    port: { type: 'string' },
    data: { type: 'string' },
    'in-memory': { type: 'boolean' },
  },
  async run({ values }, io) {
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
