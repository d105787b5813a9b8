import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const REPO = join(import.meta.dirname, '..', '..');
const CLI = join(REPO, 'bin', 'monotable.js');

export interface ServeHandle {
  /** The printed url, with the launch token. */
  url: string;
  /** `http://127.0.0.1:PORT`. */
  origin: string;
  port: number;
  /** The user data folder this server keeps its journal in (MONOTABLE_DATA_DIR). */
  dataDir: string;
  process: ChildProcess;
  /** Stops the server the way Ctrl-C would (SIGTERM) and waits for it to exit. */
  stop(): Promise<void>;
  /** Kills the server without warning (SIGKILL), as a crash would, and waits for it to be gone. */
  kill(): Promise<void>;
}

export interface StartServeOptions {
  root: string;
  /** The FILE argument of `monotable serve`. */
  file?: string;
  /** Reuse a data folder (to find a journal again after a restart); default a fresh temp folder, removed on stop. */
  dataDir?: string;
  port?: number;
  /** More environment for the server (e.g. a temp AWS_CONFIG_FILE); the test's own environment is the base. */
  env?: Record<string, string>;
}

/**
 * Starts the built CLI as a user would (`node bin/monotable.js serve --port 0 --root ROOT [FILE]`) and waits for its
 * one `url:` line. Needs `npm run build:node` (the CLI) and `npm run build:ui` (the page); `npm test` runs both.
 */
export async function startServe(options: StartServeOptions): Promise<ServeHandle> {
  if (!existsSync(join(REPO, 'dist', 'electron', 'cli', 'main.js'))) {
    throw new Error('The CLI is not built: run `npm run build:node` (npm test does) before the e2e specs.');
  }
  const ownData = options.dataDir === undefined;
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'monotable-e2e-data-')));
  const args = [CLI, 'serve', '--port', String(options.port ?? 0), '--root', options.root];
  if (options.file) args.push(options.file);
  const child = spawn(process.execPath, args, {
    cwd: options.root,
    env: { ...process.env, ...options.env, MONOTABLE_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
  const url = await new Promise<string>((resolve, reject) => {
    let stdout = '';
    const timer = setTimeout(() => fail('no url line within 20 s'), 20_000);
    function fail(why: string): void {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`monotable serve did not start (${why}).\nstdout: ${stdout}\nstderr: ${stderr}`));
    }
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      const line = /^url: (\S+)$/m.exec(stdout);
      if (line) {
        clearTimeout(timer);
        resolve(line[1]!);
      }
    });
    child.once('exit', (code, signal) => fail(`it exited with ${code ?? signal}`));
  });
  const origin = new URL(url).origin;
  const cleanup = async (): Promise<void> => {
    if (ownData) await rm(dataDir, { recursive: true, force: true });
  };
  const end = async (signal: NodeJS.Signals): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  return {
    url,
    origin,
    port: Number(new URL(url).port),
    dataDir,
    process: child,
    async stop() {
      await end('SIGTERM');
      await cleanup();
    },
    async kill() {
      await end('SIGKILL');
      await cleanup();
    },
  };
}
