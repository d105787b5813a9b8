import { resolve } from 'node:path';
import { MonotableError } from '../../../shared/errors/monotable-error.js';
import { defaultEngineDir } from '../../backend/engine/data-dir.js';
import { startEngineService } from '../../backend/engine/run-engine.js';
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
    const engineDir = typeof values.data === 'string' ? resolve(io.cwd, values.data) : defaultEngineDir();
    const engine = await startEngineService({ port, engineDir, inMemory });
    io.stdout.write(`endpoint: ${engine.endpoint}\n`);
    io.stdout.write(`data: ${inMemory ? 'in memory' : engineDir}\n`);
    io.stderr.write('The embedded engine is running; other commands reach it with --embedded. Press Ctrl-C to stop.\n');
    const stopped = new Promise<'signal'>((done) => {
      if (io.signal.aborted) done('signal');
      else io.signal.addEventListener('abort', () => done('signal'), { once: true });
    });
    const outcome = await Promise.race([stopped, engine.exited.then(() => 'exited' as const)]);
    // Ctrl-C in a terminal signals the engine process too; it may exit a moment before our own handler runs.
    if (outcome === 'exited') await new Promise((resolve) => setTimeout(resolve, 200));
    if (outcome === 'exited' && !io.signal.aborted) {
      const { code, signal } = await engine.exited;
      io.stderr.write(
        `error [ENGINE_START_FAILED]: the engine process stopped unexpectedly (exit ${code ?? signal}).\n  hint: start it again; if it keeps stopping, try --in-memory or another --data folder.\n`,
      );
      await engine.stop();
      return EXIT.FAILURE;
    }
    await engine.stop();
    io.stderr.write('engine stopped\n');
    return EXIT.OK;
  },
};
