import type { Contract, MethodName } from './contract.js';
import type { Envelope, EventOf, InputOf, OutputOf } from './define.js';

/** The part of AbortSignal a client needs (shared/ compiles without DOM or Node types). */
export interface AbortSignalLike {
  readonly aborted: boolean;
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
}

export interface CallOptions<M extends MethodName> {
  /** Cancels the call; the handler sees it as `ctx.signal`. */
  signal?: AbortSignalLike;
  /**
   * Receives the method's events (already validated against its `events` schema). A promise it returns holds the
   * method back until it settles (the in-process client awaits it): a reader writing streamed pages to a file
   * returns the write, so memory stays bounded by a page.
   */
  onEvent?: (event: EventOf<Contract[M]>) => unknown;
}

/**
 * The typed client every transport offers (in-process, Electron IPC, HTTP): `client.call('model.validate', { model })`
 * → `Envelope<output>`. Method names, inputs, outputs and events are all derived from `contract`, so a renamed field
 * is a type error at every call site. One `call` function (not a proxy) keeps the method name a checked string
 * literal that is easy to grep and is the same string that travels over IPC/HTTP.
 */
export interface ApiClient {
  call<M extends MethodName>(
    method: M,
    input: InputOf<Contract[M]>,
    options?: CallOptions<M>,
  ): Promise<Envelope<OutputOf<Contract[M]>>>;
}
