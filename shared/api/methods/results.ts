import { z } from 'zod';
import { ItemSchema } from '../../model/attribute-value-schema.js';
import { ModelSchema } from '../../model/schema.js';
import { defineMethods } from '../define.js';
import { SentRequestSchema, operationMethods } from './operations.js';

/** What a result set's read leaves to the results methods: the connection and how far to read. */
const PAGING = {
  connectionId: true,
  all: true,
  maxItems: true,
  exclusiveStartKey: true,
  confirm: true,
  stream: true,
} as const;

/** A read whose rows go into a result set: an access pattern, or an ad hoc Query or Scan (without its paging). */
export const ResultReadSchema = z.discriminatedUnion('method', [
  z.strictObject({
    method: z.literal('operation.runPattern'),
    input: operationMethods['operation.runPattern'].input.omit(PAGING),
  }),
  z.strictObject({
    method: z.literal('operation.query'),
    input: operationMethods['operation.query'].input.omit(PAGING),
  }),
  z.strictObject({ method: z.literal('operation.scan'), input: operationMethods['operation.scan'].input.omit(PAGING) }),
]);
export type ResultRead = z.output<typeof ResultReadSchema>;

export const EXPORT_FORMAT_IDS = ['csv', 'jsonl', 'ddb-jsonl'] as const;
export type ExportFormat = (typeof EXPORT_FORMAT_IDS)[number];

const RowSchema = z.strictObject({ id: z.number().int().min(0), item: ItemSchema });

/** A result set's shape after a change: rows shown, attribute names (keys first) and its version. */
const ShapeSchema = z.strictObject({
  total: z.number().int().min(0),
  attributes: z.array(z.string()),
  version: z.number().int().min(0),
});

/** After each page a read adds: rows in the set, this page's figures, where to resume, and the attributes. */
export const ResultPageEventSchema = ShapeSchema.extend({
  count: z.number(),
  scannedCount: z.number(),
  consumedCapacity: z.number(),
  lastEvaluatedKey: ItemSchema.optional(),
});
export type ResultPageEvent = z.output<typeof ResultPageEventSchema>;

const resultId = z.string().uuid();

/**
 * Result sets: the rows of a read kept by the backend (a spool file of DynamoDB JSON lines and an index), so the
 * page holds only the window of rows on screen. A read fills a set page by page; the page asks for windows of rows
 * by position, sorts by a column, edits rows after a write, and closes the set when it is replaced. In browser mode
 * `GET /api/results/download?resultId=…&format=…` streams a set as a file; the desktop app writes it with
 * `results.export` to the path its save dialog gave (decisions/0011-result-sets.md).
 */
export const resultMethods = defineMethods({
  'results.create': {
    summary: 'Open an empty result set (key attributes listed first), or one holding the given items.',
    input: z.strictObject({ keyNames: z.array(z.string()).optional(), items: z.array(ItemSchema).optional() }),
    output: ShapeSchema.extend({ resultId }),
  },
  'results.read': {
    summary:
      'Read a pattern, Query or Scan into a result set page by page (or continue from where it stopped); page events carry figures, never items.',
    input: z.strictObject({
      resultId,
      connectionId: z.string().min(1),
      read: ResultReadSchema,
      /** Stop after this many rows (absent: every row). */
      maxItems: z.number().int().min(1).optional(),
      /** Continue after the rows already read (from the set's resume key). */
      more: z.boolean().optional(),
    }),
    output: ShapeSchema.extend({
      request: SentRequestSchema,
      count: z.number(),
      scannedCount: z.number(),
      consumedCapacity: z.number(),
      pages: z.number(),
      lastEvaluatedKey: ItemSchema.optional(),
    }),
    events: ResultPageEventSchema,
  },
  'results.window': {
    summary: 'Rows of a result set by position (in its current order), with their ids.',
    input: z.strictObject({
      resultId,
      offset: z.number().int().min(0),
      count: z.number().int().min(0).max(10_000),
    }),
    output: ShapeSchema.extend({ rows: z.array(RowSchema) }),
  },
  'results.rows': {
    summary: 'Rows of a result set by id (the item panel, a bulk change of selected rows).',
    input: z.strictObject({ resultId, ids: z.array(z.number().int().min(0)).max(10_000) }),
    output: z.strictObject({ rows: z.array(RowSchema) }),
  },
  'results.sort': {
    summary:
      'Order a result set by one column (DynamoDB value order, missing values last) or by its entity, or back to read order.',
    input: z.strictObject({
      resultId,
      column: z.string().optional(),
      descending: z.boolean().optional(),
      /** Sorting by the Entity column decodes each row's entity from this model's key templates. */
      entity: z.strictObject({ model: ModelSchema, table: z.string() }).optional(),
    }),
    output: ShapeSchema,
  },
  'results.edit': {
    summary: 'Change rows of a result set after a write: replace items by id, append new ones, remove deleted ones.',
    input: z.strictObject({
      resultId,
      replace: z.array(RowSchema).max(10_000).optional(),
      append: z.array(ItemSchema).max(10_000).optional(),
      remove: z.array(z.number().int().min(0)).optional(),
    }),
    output: ShapeSchema.extend({ appended: z.array(z.number().int()) }),
  },
  'results.export': {
    summary:
      'Write every row of a result set, in its order, to a file as CSV, JSON lines or DynamoDB JSON lines (streamed, atomic; an existing file only with `force`).',
    input: z.strictObject({
      resultId,
      format: z.enum(EXPORT_FORMAT_IDS),
      path: z.string().min(1).max(4096),
      force: z.boolean().optional(),
    }),
    output: z.strictObject({ path: z.string(), rows: z.number().int().min(0), bytes: z.number().int().min(0) }),
  },
  'results.close': {
    summary: 'Close a result set and remove its spool file (a replaced or finished read).',
    input: z.strictObject({ resultId }),
    output: z.strictObject({ closed: z.boolean() }),
  },
});
