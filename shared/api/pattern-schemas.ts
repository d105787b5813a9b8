import { z } from 'zod';
import { ATTRIBUTE_TYPES } from '../model/attribute-value.js';
import { ItemSchema } from '../model/attribute-value-schema.js';
import { PATTERN_KINDS, ParameterSchema } from '../model/schema.js';
import type { OperationRequest, ResolvedPattern, ValueSpec } from '../patterns/resolved-pattern.js';
import type { PreviewResult } from '../preview/preview-pattern.js';
import type { Estimate } from '../capacity/estimate.js';
import { DiagnosticSchema } from './common-schemas.js';

/** Wire schemas for resolved patterns; annotated with the domain types so the two cannot drift apart. */
export const ValueSpecSchema: z.ZodType<ValueSpec> = z.strictObject({
  template: z.string(),
  type: z.enum(ATTRIBUTE_TYPES),
});

export const OPERATIONS = [
  'GetItem',
  'Query',
  'Scan',
  'PutItem',
  'UpdateItem',
  'DeleteItem',
  'BatchGetItem',
  'TransactWriteItems',
] as const;

const values = z.record(z.string(), ValueSpecSchema);

export const ResolvedPatternSchema: z.ZodType<ResolvedPattern> = z.lazy(() =>
  z.strictObject({
    name: z.string(),
    description: z.string().optional(),
    table: z.string(),
    entity: z.string(),
    kind: z.enum(PATTERN_KINDS),
    operation: z.enum(OPERATIONS),
    indexName: z.string().optional(),
    indexKind: z.enum(['table', 'gsi', 'lsi']),
    parameters: z.array(ParameterSchema),
    key: values.optional(),
    item: values.optional(),
    keyConditionExpression: z.string().optional(),
    filterExpression: z.string().optional(),
    projectionExpression: z.string().optional(),
    updateExpression: z.string().optional(),
    conditionExpression: z.string().optional(),
    expressionAttributeNames: z.record(z.string(), z.string()),
    expressionAttributeValues: values,
    scanIndexForward: z.boolean().optional(),
    limit: z.number().int().optional(),
    consistentRead: z.boolean().optional(),
    transactItems: z.array(ResolvedPatternSchema).optional(),
    summary: z.string(),
    needsScan: z.boolean(),
    diagnostics: z.array(DiagnosticSchema),
  }),
);

export const OperationRequestSchema: z.ZodType<OperationRequest> = z.strictObject({
  operation: z.enum(OPERATIONS),
  input: z.record(z.string(), z.unknown()),
});

/** Parameter values over the wire: what a person types, numbers and booleans as JSON. */
export const ParameterValuesSchema = z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]));

/** What a pattern returns over the model's sample items (no engine). */
export const PreviewResultSchema: z.ZodType<PreviewResult> = z.strictObject({
  pattern: z.string(),
  operation: z.enum(OPERATIONS),
  indexName: z.string().optional(),
  request: OperationRequestSchema,
  items: z.array(ItemSchema),
  scannedCount: z.number().int(),
  count: z.number().int(),
  lastEvaluatedKey: ItemSchema.optional(),
  readUnits: z.number().min(0),
});

/** A table's or index's items grouped by partition, as the index view shows them. */
export const IndexPartitionsSchema = z.array(z.strictObject({ partition: z.string(), items: z.array(ItemSchema) }));

const rate = z.number().min(0);

/** What a model costs to run (shared/capacity's Estimate; annotated so the two cannot drift apart). */
export const EstimateSchema: z.ZodType<Estimate> = z.strictObject({
  region: z.string(),
  pricesAsOf: z.string(),
  priceSource: z.string(),
  currency: z.literal('USD'),
  hoursPerMonth: z.number(),
  tables: z.array(
    z.strictObject({
      table: z.string(),
      billing: z.enum(['on-demand', 'provisioned']),
      entities: z.array(
        z.strictObject({
          entity: z.string(),
          items: z.number(),
          averageItemBytes: z.number(),
          estimatedSize: z.boolean(),
        }),
      ),
      patterns: z.array(
        z.strictObject({
          pattern: z.string(),
          operation: z.string(),
          readTarget: z.string(),
          consistency: z.string().optional(),
          readUnits: z.number(),
          tableWriteUnits: z.number(),
          gsiWriteUnits: z.record(z.string(), z.number()),
          writeUnits: z.number(),
          requestsPerSecond: z.number(),
          readUnitsPerMonth: z.number(),
          writeUnitsPerMonth: z.number(),
          cost: z.number(),
          notes: z.array(z.string()),
        }),
      ),
      requestCost: z.number(),
      provisionedCost: z.number(),
      storageGB: z.number(),
      storageCost: z.number(),
      total: z.number(),
      notes: z.array(z.string()),
    }),
  ),
  total: z.number(),
  notes: z.array(z.string()),
});

/** The request rates an estimate may override (shared/capacity's EstimateOptions, without the model). */
export const EstimateRatesSchema = {
  region: z.string().min(1).optional(),
  readsPerSecond: rate.optional(),
  writesPerSecond: rate.optional(),
  requestsPerSecond: z.record(z.string(), rate).optional(),
};
