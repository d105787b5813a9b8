import type { Envelope } from '../../../shared/api/define.js';

/**
 * Messages between the main process and the backend process (a utilityProcess; a worker_threads MessagePort in
 * tests). Structured clone carries them, so values keep their types (numbers, Uint8Array, Set).
 */
export type MainToBackend =
  | { type: 'call'; id: string; method: string; input: unknown }
  | { type: 'cancel'; id: string }
  | { type: 'shutdown' }
  /** The engine process main started for the backend: spawned (pid), a message, stderr text, its exit. */
  | { type: 'engine-spawned'; key: string; pid: number }
  | { type: 'engine-message'; key: string; message: unknown }
  | { type: 'engine-stderr'; key: string; text: string }
  | { type: 'engine-exit'; key: string; code: number; expected: boolean };

export type BackendToMain =
  | { type: 'ready' }
  | { type: 'result'; id: string; envelope: Envelope<unknown> }
  | { type: 'event'; id: string; event: unknown }
  | { type: 'shutdown-done' }
  /**
   * Ask main to start the engine (engine-host.js, which runs engine-child.js) in a utilityProcess: child_process.fork
   * needs the RunAsNode fuse, which the packaged app turns off. Main starts nothing else on request.
   */
  | { type: 'engine-fork'; key: string; args: string[] }
  | { type: 'engine-kill'; key: string }
  /** The engine process ended on its own; `restarting`: the backend starts it again as it was last started. */
  | { type: 'engine-crashed'; code: number; restarting: boolean }
  | { type: 'engine-restarted'; endpoint: string }
  | { type: 'engine-restart-failed'; message: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Narrowing for messages read off a port (the other side is ours, but a port carries `unknown`). */
export function isBackendMessage(value: unknown): value is BackendToMain {
  return isRecord(value) && typeof value.type === 'string';
}

export function isMainMessage(value: unknown): value is MainToBackend {
  return isRecord(value) && typeof value.type === 'string';
}
