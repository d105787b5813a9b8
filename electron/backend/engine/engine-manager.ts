import { defaultEngineDir } from './data-dir.js';
import { findRunningEngine } from './engine-state.js';
import { startEngineService, type EngineService } from './run-engine.js';

export interface EngineStatus {
  running: boolean;
  endpoint?: string;
  port?: number;
  pid?: number;
  dataDir: string;
  inMemory: boolean;
}

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
  };
}

/** Starts the engine, or reports the one already running on that folder (this backend's or another process's). */
export async function ensureEngine(
  options: { port?: number; dataDir?: string; inMemory?: boolean } = {},
): Promise<EngineStatus> {
  const dataDir = options.dataDir ?? defaultEngineDir();
  if (current && current.engineDir === dataDir) return statusOf(current);
  const running = await findRunningEngine(dataDir);
  if (running)
    return {
      running: true,
      endpoint: `http://127.0.0.1:${running.port}`,
      port: running.port,
      pid: running.pid,
      dataDir,
      inMemory: running.inMemory,
    };
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

export async function engineStatus(): Promise<EngineStatus> {
  if (current) return statusOf(current);
  const dataDir = defaultEngineDir();
  const running = await findRunningEngine(dataDir);
  if (running)
    return {
      running: true,
      endpoint: `http://127.0.0.1:${running.port}`,
      port: running.port,
      pid: running.pid,
      dataDir,
      inMemory: running.inMemory,
    };
  return { running: false, dataDir, inMemory: false };
}

/** Stops the engine this backend started; an engine of another process is left alone. */
export async function stopEngine(): Promise<boolean> {
  const engine = current;
  if (!engine) return false;
  current = undefined;
  await engine.stop();
  return true;
}
