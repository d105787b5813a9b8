import type { ErrorCode } from './error-codes.js';

/** Structured detail carried with an error: where it happened and how to fix it. */
export interface ErrorDetails {
  /** File the error is about, if any. */
  file?: string;
  /** JSON path (`$.tables[0].entities[2].keys.pk`) or `line:column`. */
  path?: string;
  /** What the user can do about it. */
  hint?: string;
  [extra: string]: unknown;
}

/** The one error type. `message` says what was wrong; details say where and how to fix it. */
export class MonotableError extends Error {
  override readonly name = 'MonotableError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: ErrorDetails = {},
  ) {
    super(message);
  }

  toJSON(): { code: ErrorCode; message: string; details: ErrorDetails } {
    return { code: this.code, message: this.message, details: this.details };
  }
}

export function isMonotableError(value: unknown): value is MonotableError {
  return value instanceof MonotableError;
}
