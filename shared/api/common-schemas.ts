import { z } from 'zod';
import type { Diagnostic } from '../model/diagnostic.js';

/** Schemas several api areas share. */
export const DiagnosticSchema: z.ZodType<Diagnostic> = z.strictObject({
  code: z.string(),
  severity: z.enum(['error', 'warning', 'info']),
  path: z.string(),
  message: z.string(),
  hint: z.string().optional(),
});

export const DiagnosticListSchema = z.array(DiagnosticSchema);

/** No input: callers pass `{}`. */
export const EmptyInputSchema = z.strictObject({});
