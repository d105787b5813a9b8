import type { Envelope } from '../../../shared/api/define.js';
import type { Dispatch } from '../../backend/api/dispatcher.js';
import type { FileScope } from '../../backend/files/file-scope.js';
import type { BackendToMain, MainToBackend } from '../ipc/backend-messages.js';
import { isMainMessage } from '../ipc/backend-messages.js';

/** A message port as the backend sees it: Electron's `process.parentPort` or a worker_threads MessagePort in tests. */
export interface HostPort {
  post(message: BackendToMain): void;
  listen(handler: (message: unknown) => void): void;
}

export interface HostOptions {
  dispatch: Dispatch;
  /** Where the file methods may go (the desktop app: not confined; the user data folder for journal and recents). */
  files?: FileScope;
  /** Stops what the backend started (the engine) before the app quits. */
  shutdown(): Promise<void>;
  /** Messages that are not calls (the engine process relay). */
  other?(message: MainToBackend): void;
}

/**
 * Remembers how the app last started the engine, so that the engine can be started again the same way after its
 * process died: the engine's folder and mode come from the app's own `engine.start` call, not from a guess.
 */
export function createEngineSupervisor(dispatch: Dispatch, post: (message: BackendToMain) => void) {
  let lastStart: unknown;
  let restarting = false;
  return {
    noteCall(method: string, input: unknown, envelope: Envelope<unknown>): void {
      if (method === 'engine.start' && envelope.ok) lastStart = input;
      if (method === 'engine.stop' && envelope.ok) lastStart = undefined;
    },
    /** Whether an unexpected engine exit will be followed by a restart. */
    get willRestart(): boolean {
      return lastStart !== undefined;
    },
    /** Starts the engine again with the last `engine.start` input; reports the outcome to main. */
    async restart(): Promise<Envelope<unknown> | undefined> {
      if (lastStart === undefined || restarting) return undefined;
      restarting = true;
      try {
        const envelope = await dispatch('engine.start', lastStart, {
          signal: new AbortController().signal,
          emit: () => {},
        });
        if (envelope.ok)
          post({ type: 'engine-restarted', endpoint: (envelope.value as { endpoint?: string }).endpoint ?? '' });
        else post({ type: 'engine-restart-failed', message: envelope.error.message });
        return envelope;
      } finally {
        restarting = false;
      }
    },
  };
}

/**
 * The backend process's side of the IPC transport: each `call` runs through the one dispatcher with its own abort
 * signal; its events and result go back under the call's id; `cancel` aborts; `shutdown` stops the engine.
 */
export function serveBackend(port: HostPort, options: HostOptions) {
  const running = new Map<string, AbortController>();
  const supervisor = createEngineSupervisor(options.dispatch, (m) => port.post(m));

  async function run(id: string, method: string, input: unknown): Promise<void> {
    const controller = new AbortController();
    running.set(id, controller);
    let envelope: Envelope<unknown>;
    try {
      envelope = await options.dispatch(method, input, {
        signal: controller.signal,
        emit: (event) => port.post({ type: 'event', id, event }),
        ...(options.files ? { files: options.files } : {}),
      });
    } finally {
      running.delete(id);
    }
    supervisor.noteCall(method, input, envelope);
    port.post({ type: 'result', id, envelope });
  }

  port.listen((message) => {
    if (!isMainMessage(message)) return;
    switch (message.type) {
      case 'call':
        void run(message.id, message.method, message.input);
        return;
      case 'cancel':
        running.get(message.id)?.abort();
        return;
      case 'shutdown':
        for (const controller of running.values()) controller.abort();
        void options
          .shutdown()
          .catch(() => undefined)
          .then(() => port.post({ type: 'shutdown-done' }));
        return;
      default:
        options.other?.(message);
    }
  });
  port.post({ type: 'ready' });
  return { supervisor };
}
