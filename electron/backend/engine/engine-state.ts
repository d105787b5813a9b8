import { readFile, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { join } from 'node:path';
import type { EngineStore } from '../../../shared/api/methods/engine.js';

/** What a running `monotable engine` writes into its folder so that `--embedded` on other verbs can find it. */
export interface EngineState {
  port: number;
  pid: number;
  /** The engine folder (state file and LevelDB data). */
  dataDir: string;
  inMemory: boolean;
  startedAt: string;
  /** On disk: what the start-time integrity check read. */
  store?: EngineStore;
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
      ...(value.store && typeof value.store === 'object' && { store: value.store }),
    };
  } catch {
    return undefined;
  }
}

export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Whether a DynamoDB engine answers on the port: an empty ListTables must come back with a DynamoDB request id
 * (dynalite, DynamoDB Local and AWS all send one, even for an unsigned request they refuse). A port now held by
 * another program (the engine died and its port and pid were reused) is not taken for the engine.
 */
function engineAnswers(port: number, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/',
        headers: { 'Content-Type': 'application/x-amz-json-1.0', 'X-Amz-Target': 'DynamoDB_20120810.ListTables' },
        timeout: timeoutMs,
      },
      (res) => {
        res.resume();
        resolve(typeof res.headers['x-amzn-requestid'] === 'string');
      },
    );
    req.once('timeout', () => req.destroy());
    req.once('error', () => resolve(false));
    req.end('{}');
  });
}

/**
 * The engine running on this folder, if its process is alive and a DynamoDB engine answers on its port; a stale
 * state file (the engine was killed, or its pid and port went to other programs) is ignored, never blocking a start.
 */
export async function findRunningEngine(engineDir: string): Promise<EngineState | undefined> {
  const state = await readEngineState(engineDir);
  if (!state || !processAlive(state.pid)) return undefined;
  return (await engineAnswers(state.port, 1_000)) ? state : undefined;
}
