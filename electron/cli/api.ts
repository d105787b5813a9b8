import type { CallOptions } from '../../shared/api/client.js';
import type { Contract, MethodName } from '../../shared/api/contract.js';
import type { InputOf, OutputOf } from '../../shared/api/define.js';
import { MonotableError } from '../../shared/errors/monotable-error.js';
import { createInProcessClient } from '../backend/api/in-process-client.js';

/**
 * The CLI's one door into the backend: the in-process client of the api contract (the same dispatcher, input
 * checks and use-case functions the UI reaches over IPC or HTTP). No other module under electron/cli imports
 * electron/backend (test/architecture/cli-one-door.test.ts).
 */
const client = createInProcessClient();

/** Calls a contract method; an error envelope comes back as the MonotableError it was (code, message, details). */
export async function call<M extends MethodName>(
  method: M,
  input: InputOf<Contract[M]>,
  options?: CallOptions<M>,
): Promise<OutputOf<Contract[M]>> {
  const envelope = await client.call(method, input, options);
  if (envelope.ok) return envelope.value;
  throw new MonotableError(envelope.error.code, envelope.error.message, envelope.error.details);
}
