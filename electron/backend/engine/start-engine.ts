import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { MonotableError } from '../../../shared/errors/monotable-error.js';
import type { StoreCheck, StoreTable } from './store-check.js';
import { storeDamagedError } from './store-damage.js';

export interface EngineOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** On-disk data folder (LevelDB); undefined keeps everything in memory. */
  dataDir?: string;
  createTableMs?: number;
  deleteTableMs?: number;
  updateTableMs?: number;
  /** How often the engine deletes expired TTL items (default 5,000 ms). */
  ttlSweepMs?: number;
  /** Tests only: dynalite fixes (by name, see front/dynalite-patches.js) left out, to show the engine survives the bug. */
  skipDynalitePatches?: string[];
  /** How long stop() waits after SIGTERM before it kills the process (default 5,000 ms). */
  stopTimeoutMs?: number;
}

export interface RunningEngine {
  endpoint: string;
  port: number;
  pid: number;
  /** Resolves when the process has ended, for any reason. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** On disk: what the start-time integrity check read. */
  store?: StoreSummary;
  stop(): Promise<void>;
}

const CHILD = fileURLToPath(new URL('./engine-child.js', import.meta.url));

type ChildMessage =
  | { type: 'listening'; port: number; store?: StoreSummary }
  | { type: 'error'; code: string; message: string }
  | { type: 'damaged'; report: StoreCheck };

/** What the start-time check of an on-disk store read (store-check.js): every table and item, end to end. */
export interface StoreSummary {
  tables: StoreTable[];
  entries: number;
  notes?: string[];
  ms: number;
}

/** The parts of a child process startEngine uses; a Node ChildProcess is one. */
export type EngineProcess = Pick<ChildProcess, 'pid' | 'exitCode' | 'signalCode' | 'stderr' | 'once' | 'kill'>;

/** Starts the engine script with its arguments (one JSON string) and an IPC channel for its messages. */
export type EngineForker = (script: string, args: string[]) => EngineProcess;

const forkWithNode: EngineForker = (script, args) => fork(script, args, { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
let forkEngine: EngineForker = forkWithNode;

/**
 * Replaces how the engine process is started. The desktop app's backend runs in an Electron utilityProcess, where
 * child_process.fork needs the RunAsNode fuse (off in the packaged app), so it asks the main process to start the
 * engine as a utilityProcess instead (electron/main/backend-host/engine-process-proxy.ts).
 */
export function setEngineForker(forker: EngineForker | undefined): void {
  forkEngine = forker ?? forkWithNode;
}

/** Starts dynalite in a child process bound to 127.0.0.1 and waits until it listens. */
export async function startEngine(options: EngineOptions = {}): Promise<RunningEngine> {
  const child = forkEngine(CHILD, [JSON.stringify(options)]);
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });
  let store: StoreSummary | undefined;
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (message: ChildMessage) => {
      if (message.type === 'listening') {
        store = message.store;
        resolve(message.port);
      } else if (message.type === 'damaged') {
        reject(storeDamagedError(options.dataDir ?? '', message.report));
      } else if (message.code === 'EADDRINUSE') {
        reject(
          new MonotableError('PORT_IN_USE', `Port ${options.port} on 127.0.0.1 is already in use by another program.`, {
            hint: 'Choose another port with --port, or --port 0 to pick a free one.',
          }),
        );
      } else if (message.code === 'DATA_DIR') {
        reject(
          new MonotableError(
            'ENGINE_START_FAILED',
            `The local engine could not open its data folder ${options.dataDir}: ${message.message}`,
            {
              file: options.dataDir,
              hint: /lock/i.test(message.message)
                ? 'Another Monotable process uses this folder (a command that started its own engine, or another app): wait for it to finish, or run `monotable engine` once so that every command shares that engine.'
                : /corrupt/i.test(message.message)
                  ? `The stored tables are damaged (an unclean shutdown?): move ${options.dataDir} aside to start with an empty engine.`
                  : 'Check that the folder is writable (or choose another with --data, or use --in-memory).',
            },
          ),
        );
      } else
        reject(
          new MonotableError('ENGINE_START_FAILED', `The local engine could not start: ${message.message}`, {
            hint: 'Check the data folder and try again.',
          }),
        );
    });
    void exited.then(({ code, signal }) =>
      reject(
        new MonotableError(
          'ENGINE_START_FAILED',
          `The local engine stopped while starting (exit ${code ?? signal}). ${stderr.trim()}`.trim(),
          {
            hint: options.dataDir
              ? `Check that ${options.dataDir} is writable and not used by another Monotable.`
              : 'Run with --debug for details.',
          },
        ),
      ),
    );
  });
  return {
    endpoint: `http://127.0.0.1:${port}`,
    port,
    pid: child.pid!,
    exited,
    ...(store && { store }),
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      // A process that does not stop within the grace period (its event loop stuck in some request) is killed:
      // LevelDB's log keeps every acknowledged write, so the data folder opens again.
      const kill = setTimeout(() => child.kill('SIGKILL'), options.stopTimeoutMs ?? 5_000);
      await exited;
      clearTimeout(kill);
    },
  };
}
