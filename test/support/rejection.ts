import { isMonotableError, type MonotableError } from '../../shared/errors/monotable-error.js';

/** What `promise` rejects with; a promise that resolves fails the test. */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a failure');
}

/** The MonotableError `promise` rejects with; any other error is rethrown and a promise that resolves fails the test. */
export async function monotableRejection(promise: Promise<unknown>): Promise<MonotableError> {
  const error = await rejection(promise);
  if (isMonotableError(error)) return error;
  throw error;
}
