import { z } from 'zod';
import { EmptyInputSchema } from '../common-schemas.js';
import { ApiErrorSchema, defineMethods } from '../define.js';
import { SeedProgressSchema, SeedSummarySchema, seedMethods } from './seed.js';

export const SeedJobSchema = z.strictObject({
  jobId: z.string(),
  table: z.string(),
  /** Items the plan holds (known before the first write). */
  planned: z.number(),
  connectionId: z.string(),
  startedAt: z.string(),
  state: z.enum(['running', 'done', 'failed', 'cancelled']),
  progress: SeedProgressSchema.optional(),
  summary: SeedSummarySchema.optional(),
  error: ApiErrorSchema.optional(),
});

/**
 * A seed that outlives its caller: it runs in the backend as a job, so a browser reload (or a closed window)
 * does not stop it, and the page finds its progress again with `seed.status` + `seed.attach`.
 */
export const seedJobMethods = defineMethods({
  'seed.start': {
    summary: 'Start writing a seed as a backend job (same input as seed.run); returns at once with the job.',
    input: seedMethods['seed.run'].input,
    output: SeedJobSchema,
  },
  'seed.status': {
    summary: 'The seed jobs of this backend (running and finished), newest first.',
    input: EmptyInputSchema,
    output: z.strictObject({ jobs: z.array(SeedJobSchema) }),
  },
  'seed.attach': {
    summary:
      "Progress events of a job until it ends; returns the job's end state. Cancelling the watch leaves the job running.",
    input: z.strictObject({ jobId: z.string().min(1) }),
    output: SeedJobSchema,
    events: SeedProgressSchema,
  },
  'seed.cancel': {
    summary: 'Stop a running job: no new batch starts; the summary counts what was written.',
    input: z.strictObject({ jobId: z.string().min(1) }),
    output: SeedJobSchema,
  },
});
