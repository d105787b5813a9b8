import type { Envelope } from '../../shared/api/define.js';
import { assertSafeInput } from '../../shared/api/input-guard.js';
import { isMonotableError } from '../../shared/errors/monotable-error.js';
import type { DocumentState, HostEvent, MonotableBridge, SavePathRequest } from '../../shared/api/ipc-bridge.js';

/**
 * The IPC the bridge uses, one function per fixed channel (preload.ts maps each to ipcRenderer with its
 * IPC_CHANNELS name; the IpcRendererEvent is stripped there and never reaches the page).
 */
export interface PreloadIpc {
  call(payload: { callId: string; method: string; input: unknown }): Promise<unknown>;
  cancel(payload: { callId: string }): void;
  reportDocument(payload: DocumentState): void;
  chooseSavePath(payload: SavePathRequest): Promise<unknown>;
  onEvent(listener: (payload: unknown) => void): void;
  onHost(listener: (payload: unknown) => void): void;
}

const MAX_CALL_ID = 128;
const MAX_EARLY_HOST_EVENTS = 20;

function checkCallId(callId: unknown): string {
  if (typeof callId !== 'string' || callId.length === 0 || callId.length > MAX_CALL_ID)
    throw new TypeError(`callId must be a string of 1-${MAX_CALL_ID} characters`);
  return callId;
}

function checkListener<T>(listener: unknown): (value: T) => void {
  if (typeof listener !== 'function') throw new TypeError('listener must be a function');
  return listener as (value: T) => void;
}

const MAX_SAVE_NAME = 200;
const EXTENSION = /^[A-Za-z0-9]{1,12}$/;

/** A save dialog request with only known fields: a plain file name (no folder), a few plain extensions. */
export function checkSavePathRequest(request: unknown): SavePathRequest {
  if (!isObject(request)) throw new TypeError('chooseSavePath needs { title, defaultName, extensions }');
  const { title, defaultName, extensions } = request;
  if (typeof title !== 'string' || title.length > MAX_SAVE_NAME) throw new TypeError('title must be a short string');
  if (
    typeof defaultName !== 'string' ||
    defaultName.length === 0 ||
    defaultName.length > MAX_SAVE_NAME ||
    /[\\/\0]/.test(defaultName) ||
    defaultName.startsWith('.')
  )
    throw new TypeError('defaultName must be a file name without a folder');
  if (
    !Array.isArray(extensions) ||
    extensions.length > 5 ||
    !extensions.every((e) => typeof e === 'string' && EXTENSION.test(e))
  )
    throw new TypeError('extensions must be up to 5 plain extensions, e.g. ["csv"]');
  return { title, defaultName, extensions: [...extensions] as string[] };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function transportFailure(method: string, error: unknown): Envelope<unknown> {
  return {
    ok: false,
    error: {
      code: 'INTERNAL',
      message: `${method} could not reach the Monotable backend (${error instanceof Error ? error.message : 'IPC failed'}).`,
      details: { hint: 'Restart Monotable if this repeats.' },
    },
  };
}

/**
 * The preload's side of the IPC transport, independent of Electron (tests pass an in-memory `PreloadIpc`):
 * each function uses one fixed channel, checks its arguments, and routes main's events to the call that owns them.
 */
export function createBridge(ipc: PreloadIpc): MonotableBridge {
  const callListeners = new Map<string, Set<(event: unknown) => void>>();
  const hostListeners = new Set<(event: HostEvent) => void>();
  // Host events sent before the page subscribed (a file to open, given at launch) wait for the first listener.
  const early: HostEvent[] = [];

  ipc.onEvent((payload) => {
    if (!isObject(payload) || typeof payload.callId !== 'string') return;
    for (const listener of callListeners.get(payload.callId) ?? []) listener(payload.event);
  });
  ipc.onHost((payload) => {
    if (!isObject(payload) || typeof payload.kind !== 'string') return;
    if (hostListeners.size === 0) {
      if (early.length < MAX_EARLY_HOST_EVENTS) early.push(payload as HostEvent);
      return;
    }
    for (const listener of hostListeners) listener(payload as HostEvent);
  });

  return {
    async invoke(method, input, callId) {
      if (typeof method !== 'string') throw new TypeError('method must be a string');
      const id = checkCallId(callId);
      try {
        // The dispatcher's own structure guard, before IPC serialization (which would fail on absurd nesting with
        // a less useful error): the same NESTING_TOO_DEEP / FORBIDDEN_KEY envelope as every other transport.
        assertSafeInput(input);
      } catch (error) {
        if (isMonotableError(error))
          return { ok: false, error: { code: error.code, message: error.message, details: { ...error.details } } };
        throw error;
      }
      try {
        return (await ipc.call({ callId: id, method, input })) as Envelope<unknown>;
      } catch (error) {
        return transportFailure(method, error);
      }
    },
    subscribe(callId, listener) {
      const id = checkCallId(callId);
      const fn = checkListener<unknown>(listener);
      let set = callListeners.get(id);
      if (!set) callListeners.set(id, (set = new Set()));
      set.add(fn);
      return () => {
        set.delete(fn);
        if (set.size === 0 && callListeners.get(id) === set) callListeners.delete(id);
      };
    },
    cancel(callId) {
      ipc.cancel({ callId: checkCallId(callId) });
    },
    onHostEvent(listener) {
      const fn = checkListener<HostEvent>(listener);
      hostListeners.add(fn);
      for (const event of early.splice(0)) fn(event);
      return () => {
        hostListeners.delete(fn);
      };
    },
    reportDocument(state: DocumentState) {
      if (!isObject(state) || typeof state.dirty !== 'boolean') throw new TypeError('reportDocument needs { dirty }');
      const clean: DocumentState = { dirty: state.dirty };
      if (typeof state.path === 'string') clean.path = state.path;
      if (typeof state.title === 'string') clean.title = state.title.slice(0, 200);
      ipc.reportDocument(clean);
    },
    async chooseSavePath(request: SavePathRequest) {
      const path = await ipc.chooseSavePath(checkSavePathRequest(request));
      return typeof path === 'string' && path.length > 0 ? path : undefined;
    },
  };
}
