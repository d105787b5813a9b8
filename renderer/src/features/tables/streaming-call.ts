import type { CallOptions } from '../../../../shared/api/client.js';
import type { Contract, MethodName } from '../../../../shared/api/contract.js';
import type { InputOf, OutputOf } from '../../../../shared/api/define.js';
import { getApiClient } from '../../api/index.js';
import { ApiFailure } from '../../files/api-call.js';

/** One api call with its events and a cancel signal; a failure throws ApiFailure (its details kept for resuming). */
export async function callStreaming<M extends MethodName>(
  method: M,
  input: InputOf<Contract[M]>,
  options: CallOptions<M>,
): Promise<OutputOf<Contract[M]>> {
  const envelope = await getApiClient().call(method, input, options);
  if (envelope.ok) return envelope.value;
  const hint = envelope.error.details.hint;
  const failure = new ApiFailure(
    envelope.error.code,
    envelope.error.message,
    typeof hint === 'string' ? hint : undefined,
  );
  (failure as ApiFailure & { details?: Record<string, unknown> }).details = envelope.error.details;
  throw failure;
}

/** Bytes for people: 1.2 MB. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}
