import type { EngineStatus, EngineStore } from '../../../shared/api/methods/engine.js';
import { MonotableError } from '../../../shared/errors/monotable-error.js';
import { lstat } from 'node:fs/promises';
import { defaultEngineDir, levelDbPath } from './data-dir.js';
import { findRunningEngine } from './engine-state.js';
import { startEngineService, type EngineService } from './run-engine.js';
import { checkStore, salvageStore } from './store-check.js';
import { storeOf, storeStatus } from './store-damage.js';

export type { EngineStatus };

/** The one embedded engine a backend (the app) starts on demand and stops on quit. */
let current: EngineService | undefined;

function statusOf(engine: EngineService): EngineStatus {
  return {
    running: true,
    endpoint: engine.endpoint,
    port: engine.port,
    pid: engine.pid,
    dataDir: engine.engineDir,
    inMemory: engine.inMemory,
    ...(engine.store && { store: storeOf(engine.store) }),
  };
}

/**
 * Starts the engine, or reports the one already running on that folder (this backend's or another process's);
 * with `ifRunning: 'fail'` a running one is ENGINE_START_FAILED instead (`monotable engine` must own its engine).
 */
export async function ensureEngine(
  options: { port?: number; dataDir?: string; inMemory?: boolean; ifRunning?: 'report' | 'fail' } = {},
): Promise<EngineStatus> {
  const dataDir = options.dataDir ?? defaultEngineDir();
  const found = current && current.engineDir === dataDir ? statusOf(current) : await runningStatus(dataDir);
  if (found && options.ifRunning === 'fail') {
    throw new MonotableError(
      'ENGINE_START_FAILED',
      `An engine already runs on ${dataDir} (pid ${found.pid}, ${found.endpoint}).`,
      {
        file: dataDir,
        hint: 'Use that one (--embedded connects to it), stop it first, or choose another folder with --data.',
      },
    );
  }
  if (found) return found;
  if (current) await stopEngine();
  const engine = await startEngineService({
    port: options.port ?? 0,
    engineDir: dataDir,
    inMemory: options.inMemory === true,
  });
  current = engine;
  void engine.exited.then(() => {
    if (current === engine) current = undefined;
  });
  return statusOf(engine);
}

async function runningStatus(dataDir: string): Promise<EngineStatus | undefined> {
  const running = await findRunningEngine(dataDir);
  return (
    running && {
      running: true,
      endpoint: `http://127.0.0.1:${running.port}`,
      port: running.port,
      pid: running.pid,
      dataDir,
      inMemory: running.inMemory,
      ...(running.store && { store: running.store }),
    }
  );
}

/**
 * The engine of `dataDir` (default: this backend's, else the default folder): running, where, and the integrity of
 * its data. When none runs, the folder's data is checked now, on a copy (the folder is never changed).
 */
export async function engineStatus(dataDir?: string): Promise<EngineStatus> {
  if (current && (dataDir === undefined || dataDir === current.engineDir)) return statusOf(current);
  const folder = dataDir ?? defaultEngineDir();
  const running = await runningStatus(folder);
  if (running) return running;
  const data = levelDbPath(folder);
  // No store yet (or in memory); a folder this process may not enter is checked, so that it is reported, not empty.
  if ((await lstat(data).catch((error: NodeJS.ErrnoException) => error.code)) === 'ENOENT')
    return { running: false, dataDir: folder, inMemory: false };
  const check = await checkStore(data);
  // Held by a process that left no state file (another program's dynalite): nothing was read, nothing to say.
  if (check.locked) return { running: false, dataDir: folder, inMemory: false };
  return { running: false, dataDir: folder, inMemory: false, store: storeStatus(data, check) };
}

/**
 * Resolves when the engine this backend started stops on its own (`exited`), or when `signal` aborts
 * (`cancelled`); at once with `not-running` when there is none.
 */
export async function watchEngine(
  signal: AbortSignal,
): Promise<{ outcome: 'exited' | 'cancelled' | 'not-running'; exitCode?: number; signal?: string }> {
  const engine = current;
  if (!engine) return { outcome: 'not-running' };
  if (signal.aborted) return { outcome: 'cancelled' };
  let onAbort = (): void => undefined;
  const cancelled = new Promise<'cancelled'>((resolve) => {
    onAbort = () => resolve('cancelled');
    signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    const outcome = await Promise.race([cancelled, engine.exited]);
    if (outcome === 'cancelled') return { outcome };
    return {
      outcome: 'exited',
      ...(outcome.code !== null && { exitCode: outcome.code }),
      ...(outcome.signal !== null && { signal: outcome.signal }),
    };
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}

/** Stops the engine this backend started; an engine of another process is left alone. */
export async function stopEngine(): Promise<boolean> {
  const engine = current;
  if (!engine) return false;
  current = undefined;
  await engine.stop();
  return true;
}

/**
 * Salvages the damaged data of an engine folder (`engine.salvage`, an explicit action): see salvageStore. The damaged
 * original is kept beside it, unchanged.
 */
export async function salvageEngineFolder(
  dataDir?: string,
): Promise<{ keptAt: string; before: EngineStore; after: EngineStore }> {
  const folder = dataDir ?? (current ? current.engineDir : defaultEngineDir());
  const running = current?.engineDir === folder ? statusOf(current) : await runningStatus(folder);
  if (running)
    throw new MonotableError(
      'BAD_INPUT',
      `An engine runs on ${folder} (pid ${running.pid}); its data is not damaged.`,
      {
        file: folder,
        hint: 'An engine only starts on a sound folder; stop it first if you still want to act on the folder.',
      },
    );
  const data = levelDbPath(folder);
  try {
    const { keptAt, before, after } = await salvageStore(data);
    return { keptAt, before: storeStatus(data, before), after: storeStatus(data, after) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'NOT_DAMAGED')
      throw new MonotableError('BAD_INPUT', `The data in ${data} is not damaged: there is nothing to salvage.`, {
        file: data,
        hint: '`monotable engine status` shows what it holds.',
      });
    if (code === 'LOCKED')
      throw new MonotableError('BAD_INPUT', `The data in ${data} is in use by another process.`, {
        file: data,
        hint: 'Stop the program that uses it first.',
      });
    throw new MonotableError('FILE_UNREADABLE', `Could not salvage ${data}: ${(error as Error).message}`, {
      file: data,
      hint: 'The folder was left as it was (or put back); check that its parent folder is writable.',
    });
  }
}
