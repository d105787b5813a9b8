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
    readonly details: Readonly<Record<string, unknown>> = {},
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
  throw new ApiFailure(
    envelope.error.code,
    envelope.error.message,
    typeof hint === 'string' ? hint : undefined,
    envelope.error.details,
  );
}

export function failureText(error: unknown): string {
  if (error instanceof ApiFailure) return error.hint ? `${error.message} ${error.hint}` : error.message;
  return error instanceof Error ? error.message : String(error);
}

/**
 * A save or journal write refused because the model is not a valid model file yet (a name cleared to be retyped):
 * where and what, in the model's own paths, or undefined for any other failure.
 */
export function incompleteModel(error: unknown): string | undefined {
  if (!(error instanceof ApiFailure) || error.code !== 'BAD_INPUT') return undefined;
  const issues = error.details.issues;
  const first = Array.isArray(issues) ? (issues[0] as { path?: unknown; message?: unknown } | undefined) : undefined;
  if (typeof first?.path !== 'string' || !first.path.startsWith('$.model')) return undefined;
  return `${first.path.replace('$.model', '$')}: ${String(first.message)}`;
}
