import { z } from 'zod';
import { ItemSchema } from '../../model/attribute-value-schema.js';
import { FILTER_OPERATORS, ModelSchema, SORT_OPERATORS } from '../../model/schema.js';
import { defineMethods } from '../define.js';

/** Every operation the backend sends: the pattern operations plus TransactGetItems and PartiQL. */
export const OPERATIONS = [
  'GetItem',
  'Query',
  'Scan',
  'PutItem',
  'UpdateItem',
  'DeleteItem',
  'BatchGetItem',
  'TransactWriteItems',
  'TransactGetItems',
  'ExecuteStatement',
] as const;

/**
 * How much to read and where to start; `confirm` is the table name for writes on a production connection.
 * `stream`: Query/Scan pages go out as events (with their items) and the result holds none, so any number of
 * items passes with memory bounded by a page; without it the items are collected (with `all`, at most `maxItems`,
 * default 10,000).
 */
const paging = {
  connectionId: z.string().min(1),
  all: z.boolean().optional(),
  maxItems: z.number().int().min(1).optional(),
  exclusiveStartKey: ItemSchema.optional(),
  confirm: z.string().optional(),
  stream: z.boolean().optional(),
};

export const OperationResultSchema = z.strictObject({
  operation: z.enum(OPERATIONS),
  items: z.array(ItemSchema),
  count: z.number(),
  scannedCount: z.number(),
  pages: z.number(),
  consumedCapacity: z.number(),
  lastEvaluatedKey: ItemSchema.optional(),
  truncated: z.boolean(),
  attributes: ItemSchema.optional(),
  nextToken: z.string().optional(),
  /** Writes: how many items the request wrote (Put/Update/Delete 1, a transaction its writes). */
  itemsWritten: z.number().int().optional(),
});
export type OperationResult = z.output<typeof OperationResultSchema>;
export type OperationName = OperationResult['operation'];

/** The exact request sent: the operation and its DynamoDB API JSON body (typed AttributeValue JSON). */
export const SentRequestSchema = z.strictObject({
  operation: z.enum(OPERATIONS),
  input: z.record(z.string(), z.unknown()),
});
export type LowLevelRequest = z.output<typeof SentRequestSchema>;

const FilterSchema = z.strictObject({
  attribute: z.string().min(1),
  operator: z.enum(FILTER_OPERATORS),
  value: z.string().optional(),
  to: z.string().optional(),
});
/** Reads of a model's table with a TTL attribute: leave out items whose TTL has passed but that are not deleted yet. */
const hideExpired = { hideExpired: z.boolean().optional() };

const adHocRead = {
  ...hideExpired,
  model: ModelSchema,
  /** Default: the model's only table. */
  table: z.string().min(1).optional(),
  index: z.string().min(1).optional(),
  filters: z.array(FilterSchema).optional(),
  projection: z.array(z.string().min(1)).optional(),
  limit: z.number().int().min(1).optional(),
  consistentRead: z.boolean().optional(),
};

/**
 * One Query/Scan page: `pages` and `items` are the totals so far (progress), the rest is this page's; its
 * `lastEvaluatedKey` is where to resume after it (absent on the last page and in a parallel Scan). With `stream`
 * the page's items ride along in `pageItems`.
 */
export const PageEventSchema = z.strictObject({
  pages: z.number(),
  items: z.number(),
  count: z.number(),
  scannedCount: z.number(),
  consumedCapacity: z.number(),
  lastEvaluatedKey: ItemSchema.optional(),
  pageItems: z.array(ItemSchema).optional(),
});
export type PageEvent = z.output<typeof PageEventSchema>;
const ReadOutputSchema = z.strictObject({ request: SentRequestSchema, result: OperationResultSchema });

/** Running reads and writes on an open connection: access patterns, ad hoc Query/Scan, and raw requests. */
export const operationMethods = defineMethods({
  'operation.runPattern': {
    summary:
      'Run an access pattern of the model with parameter values; returns the exact request, the items (typed JSON) and consumed capacity.',
    input: z.strictObject({
      ...paging,
      model: ModelSchema,
      pattern: z.string().min(1),
      params: z.record(z.string(), z.string()),
      ...hideExpired,
      limit: z.number().int().min(1).optional(),
    }),
    output: ReadOutputSchema.extend({ summary: z.string() }),
    events: PageEventSchema,
  },
  'operation.query': {
    summary:
      'Ad hoc Query of a table or index of the model: partition key, a sort key condition, filters, projection, order.',
    input: z.strictObject({
      ...paging,
      ...adHocRead,
      partition: z.string(),
      descending: z.boolean().optional(),
      sort: z
        .strictObject({ operator: z.enum(SORT_OPERATORS), value: z.string(), to: z.string().optional() })
        .optional(),
    }),
    output: ReadOutputSchema,
    events: PageEventSchema,
  },
  'operation.scan': {
    summary:
      'Ad hoc Scan of a table or index of the model: filters, projection, page size; `segments` reads a whole table in parallel (with all and stream).',
    input: z.strictObject({ ...paging, ...adHocRead, segments: z.number().int().min(1).max(1_000_000).optional() }),
    output: ReadOutputSchema,
    events: PageEventSchema,
  },
  'operation.run': {
    summary:
      'Run one low-level request (Get/Query/Scan/Put/Update/Delete/BatchGet/Transact/PartiQL) given as DynamoDB API JSON with typed values.',
    input: z.strictObject({ ...paging, operation: z.enum(OPERATIONS), input: z.record(z.string(), z.unknown()) }),
    output: OperationResultSchema,
    events: PageEventSchema,
  },
});
