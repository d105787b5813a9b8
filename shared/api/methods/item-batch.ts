import { z } from 'zod';
import { ItemSchema } from '../../model/attribute-value-schema.js';
import { defineMethods } from '../define.js';

export const BatchProgressSchema = z.strictObject({
  total: z.number(),
  done: z.number(),
  failed: z.number(),
  /** Items DynamoDB returned as unprocessed and that were sent again. */
  retried: z.number(),
});

export const BatchSummarySchema = BatchProgressSchema.extend({
  table: z.string(),
  put: z.number(),
  deleted: z.number(),
  cancelled: z.boolean(),
  seconds: z.number(),
  failures: z.array(z.strictObject({ key: z.string(), reason: z.string() })),
});

/**
 * Many items at once (bulk delete or update of selected rows, an import): BatchWriteItem in requests of 25, the
 * unprocessed items retried with backoff, progress events, cancel with the call signal; production needs the table
 * name as `confirm`, read-only refuses.
 */
export const itemBatchMethods = defineMethods({
  'item.writeBatch': {
    summary:
      'Put and/or delete many items with BatchWriteItem (25 per request, unprocessed items retried); progress events.',
    input: z.strictObject({
      connectionId: z.string().min(1),
      table: z.string().min(1),
      puts: z.array(ItemSchema).optional(),
      /** Primary keys of the items to delete. */
      deletes: z.array(ItemSchema).optional(),
      confirm: z.string().optional(),
    }),
    output: BatchSummarySchema,
    events: BatchProgressSchema,
  },
});
