import { z } from 'zod';
import { ERROR_CODES, type ErrorCode } from '../errors/error-codes.js';

/**
 * One api method: `noun.verb` name, zod input and output schemas, and optionally the schema of the events it
 * streams while it runs (seed progress, engine status). The renderer's client, the Electron IPC handler, the
 * HTTP server and the in-process caller are all derived from these tables.
 */
export interface MethodSpec<
  I extends z.ZodType = z.ZodType,
  O extends z.ZodType = z.ZodType,
  E extends z.ZodType | undefined = z.ZodType | undefined,
> {
  summary: string;
  input: I;
  output: O;
  events?: E;
}

export function defineMethods<const T extends Record<string, MethodSpec>>(methods: T): T {
  return methods;
}

export type MethodTable = Record<string, MethodSpec>;
export type InputOf<M extends MethodSpec> = z.input<M['input']>;
export type OutputOf<M extends MethodSpec> = z.output<M['output']>;
export type EventOf<M extends MethodSpec> = M['events'] extends z.ZodType ? z.output<M['events']> : never;

export const ApiErrorSchema = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  details: z.record(z.string(), z.unknown()),
});
export type ApiError = { code: ErrorCode; message: string; details: Record<string, unknown> };

/** What every call returns: errors never cross a boundary as thrown strings. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ApiError };
