import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';
import { MonotableError } from '../../../shared/errors/monotable-error.js';
import { startServer } from '../../server/start-server.js';
import { call } from '../api.js';
import { stringOption } from '../arguments.js';
import { EXIT, type Command } from '../command.js';

const usage = `Usage: monotable serve [FILE] [--port N] [--root DIR] [--open]

Serves the Monotable UI in your browser (browser mode) on 127.0.0.1 only and prints one line:
  url: http://127.0.0.1:PORT/?token=…
Open that url: its one-launch token is exchanged for a session cookie; any other request is refused.
The UI may open and save files only inside the root folder. Ctrl-C (SIGINT) or SIGTERM stops the server.

Options:
  FILE           a model file (inside the root) the UI opens first
  --port N       port to listen on (default 0: a free port)
  --root DIR     the only folder the UI may read and write (default: the current folder)
  --open         also open the url in the system browser (if one can be started)`;

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

function onPath(program: string): boolean {
  return (process.env.PATH ?? '').split(delimiter).some((dir) => dir && existsSync(join(dir, program)));
}

/** Starts the system browser on `url` if there is a launcher; never fails the command (false when it cannot). */
export function openInBrowser(url: string, platform: NodeJS.Platform = process.platform): boolean {
  const [program, args] =
    platform === 'darwin'
      ? ['open', [url]]
      : platform === 'win32'
        ? ['cmd', ['/c', 'start', '""', url]]
        : ['xdg-open', [url]];
  if (platform !== 'win32' && !onPath(program)) return false;
  try {
    const child = spawn(program, args, { stdio: 'ignore', detached: true, windowsHide: true });
    child.on('error', () => {});
    child.unref();
    return true;
  } catch {
    return false;
  }
}

export const serveCommand: Command = {
  name: 'serve',
  runsUntilStopped: true,
  usage,
  options: { port: { type: 'string' }, root: { type: 'string' }, open: { type: 'boolean' } },
  async run({ values, positionals }, io) {
    if (positionals.length > 1) {
      throw new MonotableError('BAD_INPUT', `Expected at most one FILE, got ${positionals.length}.`, {
        hint: usage.split('\n')[0],
      });
    }
    const port = parsePort(values.port);
    const root = resolve(io.cwd, stringOption(values, 'root') ?? '.');
    const file = positionals[0] ? resolve(io.cwd, positionals[0]) : undefined;
    const server = await startServer({ root, port, ...(file ? { initialFile: file } : {}) });
    io.stdout.write(`url: ${server.url}\n`);
    io.stderr.write(`Serving ${root} on ${server.origin} (127.0.0.1 only). Press Ctrl-C to stop.\n`);
    if (!server.uiBuilt) {
      io.stderr.write(
        `warning: the UI is not built (no ${join(server.staticDir, 'index.html')}); run npm run build:ui in the Monotable folder.\n`,
      );
    }
    if (values.open === true && !openInBrowser(server.url)) {
      io.stderr.write('Could not start a browser here; open the url above yourself.\n');
    }
    await new Promise<void>((done) => {
      if (io.signal.aborted) done();
      else io.signal.addEventListener('abort', () => done(), { once: true });
    });
    await server.close();
    await releaseBackend();
    io.stderr.write('server stopped\n');
    return EXIT.OK;
  },
};

/**
 * The connections the UI opened and the embedded engine it started end with the server: the engine is a child
 * process, and an open child keeps Node (and the terminal) waiting after Ctrl-C.
 */
async function releaseBackend(): Promise<void> {
  const open = await call('connection.list', {}).catch(() => ({ connections: [] }));
  for (const c of open.connections) await call('connection.close', { connectionId: c.connectionId }).catch(() => {});
  await call('engine.stop', {}).catch(() => {});
}
