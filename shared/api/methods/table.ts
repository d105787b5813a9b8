import { z } from 'zod';
import { ModelSchema } from '../../model/schema.js';
import { defineMethods } from '../define.js';

const connectionId = z.string().min(1);

export const TableProgressSchema = z.strictObject({
  table: z.string(),
  phase: z.enum(['creating', 'waiting', 'ttl', 'indexing', 'deleting', 'done']),
  status: z.string().optional(),
  index: z.string().optional(),
  elapsedMs: z.number(),
  message: z.string(),
});

export type TableProgress = z.output<typeof TableProgressSchema>;

export const DifferenceSchema = z.strictObject({
  path: z.string(),
  kind: z.enum(['missing', 'extra', 'changed']),
  expected: z.string().optional(),
  actual: z.string().optional(),
  message: z.string(),
  fixable: z.boolean(),
});

export type Difference = z.output<typeof DifferenceSchema>;

export const CreatedTableSchema = z.strictObject({
  table: z.string(),
  outcome: z.enum(['created', 'exists']),
  ttl: z.enum(['applied', 'none', 'not-supported']),
  notes: z.array(z.string()),
  drift: z.array(DifferenceSchema).optional(),
  seconds: z.number(),
});

export type CreatedTable = z.output<typeof CreatedTableSchema>;

/** Control plane on an open connection: create the model's tables, list, describe, delete, drift. */
export const tableMethods = defineMethods({
  'table.create': {
    summary: "Create the model's tables (or one), wait until ACTIVE, apply TTL where supported.",
    input: z.strictObject({
      connectionId,
      model: ModelSchema,
      table: z.string().optional(),
      ifNotExists: z.boolean().optional(),
      /** Create even when the model has validation errors (by default they are refused: MODEL_INVALID). */
      force: z.boolean().optional(),
    }),
    output: z.strictObject({ tables: z.array(CreatedTableSchema) }),
    events: TableProgressSchema,
  },
  'table.list': {
    summary: 'The table names on the connection.',
    input: z.strictObject({ connectionId }),
    output: z.strictObject({ tables: z.array(z.string()) }),
  },
  'table.describe': {
    summary: 'DescribeTable as DynamoDB returns it (JSON).',
    input: z.strictObject({ connectionId, table: z.string().min(1) }),
    output: z.strictObject({ description: z.record(z.string(), z.unknown()) }),
  },
  'table.delete': {
    summary:
      'Delete a table: read-only refuses, production needs confirm = the table name, deletion protection refuses.',
    input: z.strictObject({
      connectionId,
      table: z.string().min(1),
      confirm: z.string().optional(),
      model: ModelSchema.optional(),
    }),
    output: z.strictObject({ table: z.string(), seconds: z.number() }),
    events: TableProgressSchema,
  },
  'table.drift': {
    summary: "How the live table differs from the model's table (keys, indexes, projections, billing, TTL).",
    input: z.strictObject({ connectionId, model: ModelSchema, table: z.string().optional() }),
    output: z.strictObject({ table: z.string(), differences: z.array(DifferenceSchema) }),
  },
  'table.addMissingIndexes': {
    summary: "Create the model's GSIs the live table lacks, one UpdateTable each.",
    input: z.strictObject({ connectionId, model: ModelSchema, table: z.string().optional() }),
    output: z.strictObject({ added: z.array(z.string()) }),
    events: TableProgressSchema,
  },
});
