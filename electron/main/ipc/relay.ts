import type { Envelope } from '../../../shared/api/define.js';
import { type IpcSender, isTrustedSender } from '../policy/sender-check.js';
import type { BackendToMain, MainToBackend } from './backend-messages.js';

export interface RelayOptions {
  /** Posts to the backend process. */
  post(message: MainToBackend): void;
  /** Sends one call's event to the window that made the call. */
  deliverEvent(webContentsId: number, callId: string, event: unknown): void;
  /** The webContents ids of the app's own windows (the sender check). */
  appWindows(): ReadonlySet<number>;
  /** A fresh id for the backend (call ids chosen by pages may collide across windows). */
  newId(): string;
}

interface Pending {
  webContentsId: number;
  callId: string;
  method: string;
  resolve(envelope: Envelope<unknown>): void;
}

const MAX_CALL_ID = 128;
/** The caller id of main's own calls (webContents ids are positive). */
const MAIN_PROCESS = -1;

function refused(message: string, code: 'BAD_INPUT' | 'ACCESS_DENIED'): Envelope<unknown> {
  return { ok: false, error: { code, message, details: {} } };
}

/**
 * Main's side of the IPC transport, independent of Electron: checks the sender of every message, forwards calls to
 * the backend process under its own ids, routes results and events back to the calling window by call id, cancels
 * a window's calls when its page goes away, and ends calls in flight when the backend process dies.
 */
export function createRelay(options: RelayOptions) {
  const pending = new Map<string, Pending>();
  const byCaller = new Map<string, string>(); // `${webContentsId}:${callId}` → backend id

  const callerKey = (webContentsId: number, callId: string): string => `${webContentsId}:${callId}`;

  function finish(id: string, envelope: Envelope<unknown>): void {
    const call = pending.get(id);
    if (!call) return;
    pending.delete(id);
    byCaller.delete(callerKey(call.webContentsId, call.callId));
    call.resolve(envelope);
  }

  return {
    /** `ipcMain.handle(call)`: resolves with the envelope (refusals are envelopes too). */
    call(sender: IpcSender, payload: unknown): Promise<Envelope<unknown>> {
      if (!isTrustedSender(sender, options.appWindows()))
        return Promise.resolve(
          refused(
            `IPC refused: the sender is not the app's own page (${sender.frame?.url ?? 'no frame'}).`,
            'ACCESS_DENIED',
          ),
        );
      if (typeof payload !== 'object' || payload === null)
        return Promise.resolve(refused('IPC call payload must be { callId, method, input }.', 'BAD_INPUT'));
      const { callId, method, input } = payload as Record<string, unknown>;
      if (typeof callId !== 'string' || callId.length === 0 || callId.length > MAX_CALL_ID)
        return Promise.resolve(refused(`IPC call needs a callId of 1-${MAX_CALL_ID} characters.`, 'BAD_INPUT'));
      if (typeof method !== 'string')
        return Promise.resolve(refused('IPC call needs a method name (a string).', 'BAD_INPUT'));
      const key = callerKey(sender.webContentsId, callId);
      if (byCaller.has(key))
        return Promise.resolve(refused(`IPC call id ${callId} is already in use by a running call.`, 'BAD_INPUT'));
      const id = options.newId();
      byCaller.set(key, id);
      return new Promise((resolve) => {
        pending.set(id, { webContentsId: sender.webContentsId, callId, method, resolve });
        options.post({ type: 'call', id, method, input });
      });
    },

    /** A call made by main itself (menu data: templates, recent files); main is trusted, no window is involved. */
    callFromMain(method: string, input: unknown): Promise<Envelope<unknown>> {
      const id = options.newId();
      return new Promise((resolve) => {
        pending.set(id, { webContentsId: MAIN_PROCESS, callId: id, method, resolve });
        options.post({ type: 'call', id, method, input });
      });
    },

    /** `ipcMain.on(cancel)`: aborts the caller's own call; other windows' calls are out of reach. */
    cancel(sender: IpcSender, payload: unknown): void {
      if (!isTrustedSender(sender, options.appWindows())) return;
      const callId = (payload as { callId?: unknown } | null)?.callId;
      if (typeof callId !== 'string') return;
      const id = byCaller.get(callerKey(sender.webContentsId, callId));
      if (id) options.post({ type: 'cancel', id });
    },

    /** The window reloaded, navigated or closed: its calls are cancelled and their results dropped. */
    dropWindow(webContentsId: number): void {
      for (const [id, call] of pending) {
        if (call.webContentsId !== webContentsId) continue;
        options.post({ type: 'cancel', id });
        finish(id, { ok: false, error: { code: 'CANCELLED', message: `${call.method} was cancelled.`, details: {} } });
      }
    },

    /** A result or event from the backend; returns false for messages that are not about calls. */
    fromBackend(message: BackendToMain): boolean {
      if (message.type === 'result') {
        finish(message.id, message.envelope);
        return true;
      }
      if (message.type === 'event') {
        const call = pending.get(message.id);
        if (call && call.webContentsId !== MAIN_PROCESS)
          options.deliverEvent(call.webContentsId, call.callId, message.event);
        return true;
      }
      return false;
    },

    /** The backend process ended: every call in flight ends with INTERNAL naming the method. */
    backendGone(reason: string): void {
      for (const [id, call] of pending)
        finish(id, {
          ok: false,
          error: {
            code: 'INTERNAL',
            message: `${call.method} did not finish: the Monotable backend process stopped (${reason}). It has been restarted; try again.`,
            details: { hint: 'If this repeats, run `monotable serve` from a terminal to see the backend log.' },
          },
        });
    },

    /** Calls in flight (for tests and the quit sequence). */
    get inFlight(): number {
      return pending.size;
    },
  };
}

export type Relay = ReturnType<typeof createRelay>;
