import { readFile, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { join } from 'node:path';

/** What a running `monotable engine` writes into its folder so that `--embedded` on other verbs can find it. */
export interface EngineState {
  port: number;
  pid: number;
  /** The engine folder (state file and LevelDB data). */
  dataDir: string;
  inMemory: boolean;
  startedAt: string;
}

export function stateFilePath(engineDir: string): string {
  return join(engineDir, 'engine.json');
}

export async function writeEngineState(state: EngineState): Promise<void> {
  await writeFile(stateFilePath(state.dataDir), `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 });
}

/** Removes the state file, but only if it still describes the engine with this pid. */
export async function clearEngineState(engineDir: string, pid: number): Promise<void> {
  const state = await readEngineState(engineDir);
  if (state?.pid === pid) await rm(stateFilePath(engineDir), { force: true });
}

export async function readEngineState(engineDir: string): Promise<EngineState | undefined> {
  let text: string;
  try {
    text = await readFile(stateFilePath(engineDir), 'utf8');
  } catch {
    return undefined;
  }
  try {
    const value = JSON.parse(text) as Partial<EngineState>;
    if (typeof value.port !== 'number' || typeof value.pid !== 'number') return undefined;
    return {
      port: value.port,
      pid: value.pid,
      dataDir: engineDir,
      inMemory: value.inMemory === true,
      startedAt: String(value.startedAt ?? ''),
    };
  } catch {
    return undefined;
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function portAnswers(port: number, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    const done = (ok: boolean): void => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** The engine running on this folder, if its process is alive and its port answers; a stale state file is ignored. */
export async function findRunningEngine(engineDir: string): Promise<EngineState | undefined> {
  const state = await readEngineState(engineDir);
  if (!state || !processAlive(state.pid)) return undefined;
  return (await portAnswers(state.port, 1_000)) ? state : undefined;
}
