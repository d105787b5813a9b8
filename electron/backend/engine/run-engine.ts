import { MonotableError } from '../../../shared/errors/monotable-error.js';
import { ensureEngineFolder, levelDbPath } from './data-dir.js';
import { clearEngineState, findRunningEngine, writeEngineState } from './engine-state.js';
import { startEngine, type RunningEngine } from './start-engine.js';

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
  await ensureEngineFolder(engineDir);
  const engine = await startEngine({
    port: options.port ?? 0,
    dataDir: inMemory ? undefined : levelDbPath(engineDir),
    createTableMs: options.createTableMs,
    deleteTableMs: options.deleteTableMs,
    updateTableMs: options.updateTableMs,
  });
  try {
    await writeEngineState({
      port: engine.port,
      pid: engine.pid,
      dataDir: engineDir,
      inMemory,
      startedAt: new Date().toISOString(),
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
  void engine.exited.then(() => clearEngineState(engineDir, engine.pid).catch(() => undefined));
  return {
    ...engine,
    engineDir,
    inMemory,
    async stop() {
      await engine.stop();
      await clearEngineState(engineDir, engine.pid).catch(() => undefined);
    },
  };
}
