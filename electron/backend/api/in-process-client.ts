import type { AbortSignalLike, ApiClient } from '../../../shared/api/client.js';
import type { FileScope } from '../files/file-scope.js';
import { dispatch as backendDispatch, type Dispatch } from './dispatcher.js';

export type { ApiClient, CallOptions } from '../../../shared/api/client.js';

function abortSignal(signal: AbortSignalLike | undefined): AbortSignal {
  if (signal instanceof AbortSignal) return signal;
  const controller = new AbortController();
  if (signal?.aborted) controller.abort();
  else signal?.addEventListener('abort', () => controller.abort(), { once: true });
  return controller.signal;
}

/**
 * Direct calls into the backend dispatcher, for tests and the CLI. Same validation as every other transport.
 * `files`: where the file methods may go; without it, the current folder, not confined (see defaultFileScope).
 */
export function createInProcessClient(dispatch: Dispatch = backendDispatch, files?: FileScope): ApiClient {
  return {
    async call(method, input, options = {}) {
      const signal = abortSignal(options.signal);
      const emit = (event: unknown): unknown => options.onEvent?.(event as never);
      return (await dispatch(method, input, { signal, emit, ...(files ? { files } : {}) })) as never;
    },
  };
}
