import type { ApiClient } from '../../../shared/api/client.js';
import type { Envelope } from '../../../shared/api/define.js';
import type { DocumentState, HostEvent, MonotableBridge } from '../../../shared/api/ipc-bridge.js';

export type { DocumentState, HostCommand, HostEvent, MonotableBridge } from '../../../shared/api/ipc-bridge.js';

/** The desktop app's bridge (`window.monotable`, set by the preload), or undefined in a browser. */
export function desktopBridge(): MonotableBridge | undefined {
  return (globalThis as { monotable?: MonotableBridge }).monotable;
}

function newCallId(): string {
  return globalThis.crypto.randomUUID();
}

/**
 * The ApiClient of the desktop app: each call gets a fresh call id, subscribes to its events (when the caller wants
 * them) before it starts, forwards an abort as `cancel`, and returns the envelope the backend produced.
 */
export function createIpcClient(bridge: MonotableBridge | undefined = desktopBridge()): ApiClient {
  if (!bridge) throw new Error('createIpcClient: window.monotable is missing (not running in the desktop app).');
  return {
    async call(method, input, options = {}) {
      const { signal, onEvent } = options;
      if (signal?.aborted)
        return {
          ok: false,
          error: { code: 'CANCELLED', message: `${method} was cancelled before it started.`, details: {} },
        };
      const callId = newCallId();
      const unsubscribe = onEvent ? bridge.subscribe(callId, (event) => onEvent(event as never)) : undefined;
      let done = false;
      signal?.addEventListener(
        'abort',
        () => {
          if (!done) bridge.cancel(callId);
        },
        { once: true },
      );
      try {
        return (await bridge.invoke(method, input, callId)) as Envelope<never>;
      } finally {
        done = true;
        unsubscribe?.();
      }
    },
  };
}

/** Menu commands and process notices of the desktop app (nothing happens in a browser). */
export function onHostEvent(listener: (event: HostEvent) => void): () => void {
  return desktopBridge()?.onHostEvent(listener) ?? (() => {});
}

/** Tells the desktop app about the open document (title bar, Save, the unsaved-changes prompt on close). */
export function reportDocument(state: DocumentState): void {
  desktopBridge()?.reportDocument(state);
}
