import type { Contract, MethodName } from '../../../shared/api/contract.js';
import type { InputOf, OutputOf } from '../../../shared/api/define.js';
import type { ErrorCode } from '../../../shared/errors/error-codes.js';
import { getApiClient } from '../api/index.js';

/** A failed api call as the UI shows it: the error code, the backend's message and its hint. */
export class ApiFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly hint: string | undefined,
  ) {
    super(message);
  }
}

/** Calls one api method and returns its value, or throws an ApiFailure with the backend's message and hint. */
export async function callApi<M extends MethodName>(
  method: M,
  input: InputOf<Contract[M]>,
): Promise<OutputOf<Contract[M]>> {
  const envelope = await getApiClient().call(method, input);
  if (envelope.ok) return envelope.value;
  const hint = envelope.error.details.hint;
  throw new ApiFailure(envelope.error.code, envelope.error.message, typeof hint === 'string' ? hint : undefined);
}

export function failureText(error: unknown): string {
  if (error instanceof ApiFailure) return error.hint ? `${error.message} ${error.hint}` : error.message;
  return error instanceof Error ? error.message : String(error);
}
