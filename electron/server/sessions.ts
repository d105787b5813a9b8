import { randomBytes } from 'node:crypto';
import type { WebSocket } from 'ws';

/** Cancels that arrived before their call (fetches may overtake each other); bounded, oldest dropped first. */
const MAX_EARLY_CANCELS = 256;

/** One browser session: made when the launch token is exchanged for a cookie; owns its calls and event sockets. */
export class Session {
  readonly id = randomBytes(32).toString('base64url');
  readonly sockets = new Set<WebSocket>();
  private readonly calls = new Map<string, AbortController>();
  private readonly earlyCancels = new Set<string>();

  /** Registers a running call; undefined when a call with this id is already running. */
  startCall(id: string): AbortController | undefined {
    if (this.calls.has(id)) return undefined;
    const controller = new AbortController();
    this.calls.set(id, controller);
    if (this.earlyCancels.delete(id)) controller.abort();
    return controller;
  }

  endCall(id: string): void {
    this.calls.delete(id);
  }

  /** Aborts a running call; a cancel for a call not seen yet is remembered for when it arrives. */
  cancel(id: string): boolean {
    const call = this.calls.get(id);
    if (call) {
      call.abort();
      return true;
    }
    this.earlyCancels.add(id);
    if (this.earlyCancels.size > MAX_EARLY_CANCELS) this.earlyCancels.delete(this.earlyCancels.values().next().value!);
    return false;
  }

  /**
   * Sends one message to every event socket of the session (a tab ignores ids of calls it did not make). Settles when
   * every open socket has handed the message to the operating system, so a streamed read that awaits its page
   * events waits for a slow tab instead of buffering pages in the server (memory bounded by a page, as in-process).
   */
  send(message: unknown): Promise<void> {
    const text = JSON.stringify(message);
    const sent: Promise<void>[] = [];
    for (const socket of this.sockets) {
      if (socket.readyState !== socket.OPEN) continue;
      sent.push(new Promise<void>((resolve) => socket.send(text, () => resolve())));
    }
    return Promise.all(sent).then(() => undefined);
  }

  close(): void {
    for (const call of this.calls.values()) call.abort();
    this.calls.clear();
    for (const socket of this.sockets) socket.terminate();
    this.sockets.clear();
  }
}
