import type { Contract, MethodName } from '../../../shared/api/contract.js';
import type { Envelope, EventOf, InputOf, OutputOf } from '../../../shared/api/define.js';
import { dispatch as backendDispatch, type Dispatch } from './dispatcher.js';

export interface CallOptions<M extends MethodName> {
  /** Cancels the call; the handler sees it as `ctx.signal`. */
  signal?: AbortSignal;
  /** Receives the method's events (already validated against its `events` schema). */
  onEvent?: (event: EventOf<Contract[M]>) => void;
}

/**
 * The typed client every transport offers: `client.call('model.validate', { model })` → `Envelope<output>`.
 * Method names, inputs, outputs and events are all derived from `contract`, so a renamed field is a type error
 * at every call site. One `call` function (not a proxy) keeps the method name a checked string literal that
 * is easy to grep and the same string that goes over IPC/HTTP.
 */
export interface ApiClient {
  call<M extends MethodName>(method: M, input: InputOf<Contract[M]>, options?: CallOptions<M>): Promise<Envelope<OutputOf<Contract[M]>>>;
}

/** Direct calls into the backend dispatcher, for tests and the CLI. Same validation as every other transport. */
export function createInProcessClient(dispatch: Dispatch = backendDispatch): ApiClient {
  return {
    async call(method, input, options = {}) {
      const signal = options.signal ?? new AbortController().signal;
      const emit = (event: unknown): void => options.onEvent?.(event as never);
      return (await dispatch(method, input, { signal, emit })) as never;
    },
  };
}
