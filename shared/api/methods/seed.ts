import { z } from 'zod';
import { ItemSchema } from '../../model/attribute-value-schema.js';
import { ModelSchema } from '../../model/schema.js';
import type { SeedOptions } from '../../seed/seed-types.js';
import { DiagnosticListSchema } from '../common-schemas.js';
import { defineMethods } from '../define.js';

/**
 * What to generate: the fields of shared/seed's `SeedOptions` (checked below: the schema's output must be one),
 * plus the model. `scale` and `counts` exclude each other (the seed use case refuses both at once).
 */
const seedOptions = {
  model: ModelSchema,
  table: z.string().min(1).optional(),
  scale: z.number().min(0).optional(),
  counts: z.record(z.string(), z.number().int().min(0)).optional(),
  seed: z.number().int().optional(),
  locale: z.string().min(1).optional(),
  refDate: z.string().optional(),
};

const SeedOptionsSchema = z.strictObject(seedOptions);
// Compile-time checks that the api's seed options are exactly shared/seed's options, so the two cannot drift apart:
// the schema's output is a SeedOptions, and every SeedOptions field is in the schema (else: the missing names).
const seedOptionsMatch: (options: z.output<typeof SeedOptionsSchema>) => SeedOptions & { model: unknown } = (o) => o;
type NotInApi = Exclude<keyof SeedOptions, keyof z.output<typeof SeedOptionsSchema>>;
const everyOptionInApi: [NotInApi] extends [never] ? true : NotInApi = true;
void seedOptionsMatch;
void everyOptionInApi;

export const SeedProgressSchema = z.strictObject({
  planned: z.number(),
  written: z.number(),
  failed: z.number(),
  skippedExisting: z.number(),
  ratePerSecond: z.number(),
  etaSeconds: z.number().optional(),
  /** Requests sent again after throttling, a server error or a dropped connection (the SDK's and the seeder's). */
  retries: z.number().optional(),
  /** Why the last retry happened, for people: `throttled (ProvisionedThroughputExceededException)`. */
  lastRetry: z.string().optional(),
});

export type SeedProgress = z.output<typeof SeedProgressSchema>;

export const SeedSummarySchema = z.strictObject({
  table: z.string(),
  planned: z.number(),
  written: z.number(),
  failed: z.number(),
  skippedExisting: z.number(),
  unknown: z.number(),
  notStarted: z.number(),
  cancelled: z.boolean(),
  seconds: z.number(),
  ratePerSecond: z.number(),
  checkedExisting: z.boolean(),
  failures: z.array(z.strictObject({ key: z.string(), reason: z.string() })),
});

export type SeedSummary = z.output<typeof SeedSummarySchema>;
/** A summary lists at most this many failures; `failed` has the full count. */
export const MAX_LISTED_FAILURES = 1000;
export type SeedFailure = SeedSummary['failures'][number];

export const SeedPlanInfoSchema = z.strictObject({
  table: z.string(),
  planned: z.number(),
  counts: z.array(z.strictObject({ entity: z.string(), count: z.number(), parent: z.string().optional() })),
  seed: z.number(),
  locale: z.string(),
  notes: DiagnosticListSchema,
  sample: z.array(
    z.strictObject({ entity: z.string(), item: ItemSchema, size: z.number(), problem: z.string().optional() }),
  ),
});

/** Related fake data from the model's generators: preview the plan, then write it to a table on an open connection. */
export const seedMethods = defineMethods({
  'seed.plan': {
    summary:
      'Plan a seed without writing: per-entity counts, the total, notes, and the first `sample` items (deterministic).',
    input: z.strictObject({ ...seedOptions, sample: z.number().int().min(0).max(1000).optional() }),
    output: SeedPlanInfoSchema,
  },
  'seed.run': {
    summary:
      'Write the planned items to the table (BatchWriteItem, backoff, re-run writes only what is missing); progress events; cancel with the call signal.',
    input: z.strictObject({
      ...seedOptions,
      connectionId: z.string().min(1),
      concurrency: z.number().int().min(1).max(64).optional(),
      /** Production connections: the table name typed back, as for every write. */
      confirm: z.string().optional(),
    }),
    output: SeedSummarySchema,
    events: SeedProgressSchema,
  },
});
