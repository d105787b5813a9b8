import { randomBytes } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { MonotableError } from '../../../shared/errors/monotable-error.js';
import { ensureEngineFolder, levelDbPath } from './data-dir.js';
import { clearEngineState, findRunningEngine, processAlive, writeEngineState } from './engine-state.js';
import { startEngine, type RunningEngine } from './start-engine.js';
import { storeOf } from './store-damage.js';

export interface EngineServiceOptions {
  /** 0 picks a free port. */
  port?: number;
  /** The engine folder: state file, and the LevelDB data unless inMemory. */
  engineDir: string;
  inMemory?: boolean;
  createTableMs?: number;
  deleteTableMs?: number;
  updateTableMs?: number;
}

export interface EngineService extends RunningEngine {
  engineDir: string;
  inMemory: boolean;
}

/**
 * Starts the shared engine of a folder (what `monotable engine` and the app run) and writes its state file so that
 * other commands with `--embedded` connect to it; stop() removes the state file.
 */
export async function startEngineService(options: EngineServiceOptions): Promise<EngineService> {
  const { engineDir, inMemory = false } = options;
  await ensureEngineFolder(engineDir);
  const lock = await takeFolderLock(engineDir);
  try {
    return await startLocked(options, lock);
  } catch (error) {
    await lock.release();
    throw error;
  }
}

/**
 * One engine per folder, also when two start at the same moment: `engine.lock` is created exclusively (O_EXCL) and
 * holds the owner's pid and a token; it is removed when that engine stops. A lock whose process is gone (a crash)
 * is stale and taken over, so it never blocks the next start.
 */
interface FolderLock {
  /** Hands the lock to the engine process once it runs: when that process dies, the lock is stale. */
  handTo(pid: number): Promise<void>;
  release(): Promise<void>;
}

async function takeFolderLock(engineDir: string): Promise<FolderLock> {
  const path = join(engineDir, 'engine.lock');
  const token = randomBytes(8).toString('hex');
  const ours = async () => (await readFile(path, 'utf8').catch(() => '')).trim().endsWith(` ${token}`);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await writeFile(path, `${process.pid} ${token}\n`, { flag: 'wx', mode: 0o600 });
      return {
        async handTo(pid) {
          if (await ours()) await writeFile(path, `${pid} ${token}\n`, { mode: 0o600 });
        },
        async release() {
          if (await ours()) await rm(path, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = Number((await readFile(path, 'utf8').catch(() => '')).split(' ')[0]);
    if (Number.isInteger(holder) && holder > 0 && processAlive(holder)) {
      const running = await findRunningEngine(engineDir);
      throw new MonotableError(
        'ENGINE_START_FAILED',
        running
          ? `An engine already runs on ${engineDir} (pid ${running.pid}, http://127.0.0.1:${running.port}).`
          : `Another engine is starting or running on ${engineDir} (process ${holder}); this one did not start.`,
        {
          file: engineDir,
          hint: 'Use that one (--embedded connects to it), stop it first, or choose another folder with --data.',
        },
      );
    }
    await rm(path, { force: true }); // left by a process that is gone
  }
  throw new MonotableError('ENGINE_START_FAILED', `Cannot take the engine lock of ${engineDir}.`, {
    file: engineDir,
    hint: 'Try again; if it persists, remove engine.lock from that folder.',
  });
}

async function startLocked(options: EngineServiceOptions, lock: FolderLock): Promise<EngineService> {
  const { engineDir, inMemory = false } = options;
  const running = await findRunningEngine(engineDir);
  if (running) {
    throw new MonotableError(
      'ENGINE_START_FAILED',
      `An engine already runs on ${engineDir} (pid ${running.pid}, http://127.0.0.1:${running.port}).`,
      {
        file: engineDir,
        hint: 'Use that one (--embedded connects to it), stop it first, or choose another folder with --data.',
      },
    );
  }
  const engine = await startEngine({
    port: options.port ?? 0,
    dataDir: inMemory ? undefined : levelDbPath(engineDir),
    createTableMs: options.createTableMs,
    deleteTableMs: options.deleteTableMs,
    updateTableMs: options.updateTableMs,
  });
  try {
    await lock.handTo(engine.pid);
    await writeEngineState({
      port: engine.port,
      pid: engine.pid,
      dataDir: engineDir,
      inMemory,
      startedAt: new Date().toISOString(),
      ...(engine.store && { store: storeOf(engine.store) }),
    });
  } catch (error) {
    await engine.stop();
    throw new MonotableError(
      'ENGINE_START_FAILED',
      `Cannot write the engine state file in ${engineDir}: ${(error as Error).message}`,
      {
        file: engineDir,
        hint: 'Choose a writable folder with --data DIR, or set MONOTABLE_DATA_DIR.',
      },
    );
  }
  void engine.exited.then(async () => {
    await clearEngineState(engineDir, engine.pid).catch(() => undefined);
    await lock.release().catch(() => undefined);
  });
  return {
    ...engine,
    engineDir,
    inMemory,
    async stop() {
      await engine.stop();
      await clearEngineState(engineDir, engine.pid).catch(() => undefined);
      await lock.release().catch(() => undefined);
    },
  };
}
