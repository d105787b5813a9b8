import { EventEmitter } from 'node:events';
import { PassThrough } from 'node:stream';
import type { EngineForker, EngineProcess } from '../../backend/engine/start-engine.js';
import type { BackendToMain, MainToBackend } from '../ipc/backend-messages.js';

type EngineNotice = Extract<MainToBackend, { key: string }>;

/**
 * An engine process started by the main process on the backend's behalf, seen from the backend as the small
 * ChildProcess surface startEngine uses: `pid`, `once('message' | 'exit')`, `stderr`, `kill()`.
 */
class RemoteEngineProcess extends EventEmitter {
  pid: number | undefined = undefined;
  exitCode: number | null = null;
  signalCode: NodeJS.Signals | null = null;
  readonly stderr = new PassThrough();
  killed = false;

  constructor(
    readonly key: string,
    private readonly post: (message: BackendToMain) => void,
  ) {
    super();
  }

  kill(): boolean {
    if (this.exitCode !== null) return false;
    this.killed = true;
    this.post({ type: 'engine-kill', key: this.key });
    return true;
  }
}

/**
 * The EngineForker of the desktop backend: posts `engine-fork` to main, which starts the script in a utilityProcess
 * and relays its messages, stderr and exit back here. `onUnexpectedExit` hears of an engine that died on its own.
 */
export function createEngineProcessProxy(
  post: (message: BackendToMain) => void,
  onUnexpectedExit: (code: number) => void,
) {
  const processes = new Map<string, RemoteEngineProcess>();
  let next = 0;

  const fork: EngineForker = (_script, args) => {
    const key = `engine-${++next}`;
    const child = new RemoteEngineProcess(key, post);
    processes.set(key, child);
    post({ type: 'engine-fork', key, args });
    return child as unknown as EngineProcess;
  };

  function handle(message: EngineNotice): void {
    const child = processes.get(message.key);
    if (!child) return;
    switch (message.type) {
      case 'engine-spawned':
        child.pid = message.pid;
        return;
      case 'engine-message':
        child.emit('message', message.message);
        return;
      case 'engine-stderr':
        child.stderr.write(message.text);
        return;
      case 'engine-exit': {
        processes.delete(message.key);
        child.exitCode = message.code;
        child.stderr.end();
        child.emit('exit', message.code, null);
        // After the engine manager has seen the exit (its `exited` callbacks run as microtasks after this emit),
        // so that a restart starts a new engine instead of reporting the dead one.
        if (!child.killed && !message.expected) setImmediate(() => onUnexpectedExit(message.code));
        return;
      }
    }
  }

  return { fork, handle };
}
