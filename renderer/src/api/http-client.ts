import type { ApiClient } from '../../../shared/api/client.js';
import type { Envelope } from '../../../shared/api/define.js';
import { assertSafeInput } from '../../../shared/api/input-guard.js';
import { isMonotableError } from '../../../shared/errors/monotable-error.js';

/** The part of the WebSocket api the client uses (the browser's and the `ws` package's both have it). */
export interface WebSocketLike {
  readonly readyState: number;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: unknown) => void) | null;
  onerror: ((event: unknown) => void) | null;
  close(): void;
}
export type WebSocketConstructor = new (url: string) => WebSocketLike;

export interface HttpClientOptions {
  /** `http://127.0.0.1:PORT` outside a page; default: the page's own origin (relative urls). */
  baseUrl?: string;
  WebSocketImpl?: WebSocketConstructor;
  fetchImpl?: typeof fetch;
}

export interface HttpApiClient extends ApiClient {
  /** Closes the event socket (a page never needs to; tests and tools do). */
  close(): void;
}

const OPEN = 1;

function networkError(detail: string): Envelope<never> {
  return {
    ok: false,
    error: {
      code: 'NETWORK',
      message: `The Monotable server is unreachable (${detail}). Restart \`monotable serve\` and open the url it prints.`,
      details: { hint: 'Your unsaved edits are kept in the autosave journal and are offered back after the restart.' },
    },
  };
}

function cancelled(method: string): Envelope<never> {
  return {
    ok: false,
    error: { code: 'CANCELLED', message: `${method} was cancelled before it started.`, details: {} },
  };
}

/**
 * The request body as JSON text, or the error envelope the dispatcher would give for input JSON cannot carry
 * (nesting so deep that JSON.stringify overflows: NESTING_TOO_DEEP, as over every other transport).
 */
function requestText(body: unknown): { text: string } | Envelope<never> {
  try {
    return { text: JSON.stringify(body) };
  } catch (error) {
    try {
      assertSafeInput(body);
    } catch (guarded) {
      if (isMonotableError(guarded)) {
        return { ok: false, error: { code: guarded.code, message: guarded.message, details: { ...guarded.details } } };
      }
    }
    const reason = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      error: { code: 'BAD_INPUT', message: `The input cannot be sent as JSON (${reason}).`, details: {} },
    };
  }
}

function isEnvelope(value: unknown): value is Envelope<unknown> {
  if (value === null || typeof value !== 'object') return false;
  const v = value as { ok?: unknown; error?: { code?: unknown } };
  return v.ok === true || (v.ok === false && typeof v.error?.code === 'string');
}

function newCallId(): string {
  const c = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  if (c?.randomUUID) return c.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}-${Math.random().toString(36).slice(2)}`;
}

function socketUrl(baseUrl: string | undefined): string {
  if (baseUrl) return `${baseUrl.replace(/^http/, 'ws').replace(/\/$/, '')}/api/events`;
  const location = (globalThis as { location?: { protocol: string; host: string } }).location;
  if (!location) throw new Error('createHttpClient needs a baseUrl outside a web page.');
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api/events`;
}

interface Listener {
  onEvent(event: unknown): void;
  /** The server sent `{id, done}`: every event of the call has arrived. */
  onDone(): void;
}

/**
 * The api client of browser mode (`monotable serve`): `POST /api/call` with the session cookie, events over one
 * WebSocket (`GET /api/events`) routed by call id, `POST /api/cancel` when the signal aborts. A call that streams
 * events resolves after both its HTTP answer and the server's `{id, done}` (events and the answer travel on
 * different connections). A server that cannot be reached is a NETWORK error envelope, never a thrown error.
 */
export function createHttpClient(options: HttpClientOptions = {}): HttpApiClient {
  const base = options.baseUrl?.replace(/\/$/, '') ?? '';
  const doFetch: typeof fetch = options.fetchImpl ?? ((input, init) => fetch(input, init));
  const listeners = new Map<string, Listener>();
  let socket: WebSocketLike | undefined;
  let opening: Promise<boolean> | undefined;

  const dropSocket = (): void => {
    socket = undefined;
    opening = undefined;
    for (const listener of listeners.values()) listener.onDone(); // no more events can come for these calls
    listeners.clear();
  };

  /** Opens the event socket once (again after it closed); false when it cannot be opened. */
  const ensureSocket = (): Promise<boolean> => {
    if (socket?.readyState === OPEN) return Promise.resolve(true);
    if (opening) return opening;
    const Impl = options.WebSocketImpl ?? (globalThis as { WebSocket?: WebSocketConstructor }).WebSocket;
    if (!Impl) return Promise.resolve(false);
    opening = new Promise<boolean>((resolve) => {
      let ws: WebSocketLike;
      try {
        ws = new Impl(socketUrl(options.baseUrl));
      } catch {
        opening = undefined;
        resolve(false);
        return;
      }
      ws.onopen = () => {
        socket = ws;
        resolve(true);
      };
      ws.onerror = () => {};
      ws.onclose = () => {
        if (socket === ws) dropSocket();
        else opening = undefined;
        resolve(false);
      };
      ws.onmessage = (message) => {
        if (typeof message.data !== 'string') return;
        let parsed: { id?: unknown; event?: unknown; done?: unknown };
        try {
          parsed = JSON.parse(message.data) as typeof parsed;
        } catch {
          return;
        }
        const listener = typeof parsed.id === 'string' ? listeners.get(parsed.id) : undefined;
        if (!listener) return;
        if (parsed.done === true) listener.onDone();
        else if ('event' in parsed) listener.onEvent(parsed.event);
      };
    });
    return opening;
  };

  const post = async (path: string, body: unknown): Promise<Envelope<unknown>> => {
    const request = requestText(body);
    if (!('text' in request)) return request;
    let response: Response;
    try {
      response = await doFetch(`${base}${path}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: request.text,
        credentials: 'same-origin',
      });
    } catch (error) {
      return networkError(error instanceof Error ? error.message : String(error));
    }
    let value: unknown;
    try {
      value = await response.json();
    } catch {
      return networkError(`HTTP ${response.status} without an api answer`);
    }
    return isEnvelope(value) ? value : networkError(`HTTP ${response.status} without an api answer`);
  };

  return {
    async call(method, input, callOptions = {}) {
      const { signal, onEvent } = callOptions;
      if (signal?.aborted) return cancelled(method) as never;
      const id = newCallId();
      let allEvents: Promise<void> = Promise.resolve();
      if (onEvent && (await ensureSocket())) {
        allEvents = new Promise<void>((resolve) => {
          listeners.set(id, { onEvent: (event) => onEvent(event as never), onDone: resolve });
        });
      }
      const onAbort = (): void => {
        void post('/api/cancel', { id });
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      try {
        const envelope = await post('/api/call', { id, method, input });
        if (envelope.ok || envelope.error.code !== 'NETWORK') await allEvents;
        return envelope as never;
      } finally {
        listeners.delete(id);
        (signal as { removeEventListener?: (t: 'abort', l: () => void) => void } | undefined)?.removeEventListener?.(
          'abort',
          onAbort,
        );
      }
    },
    close() {
      const ws = socket;
      dropSocket();
      ws?.close();
    },
  };
}
