import type { z } from 'zod';
import {
  AccessPatternSchema,
  AttributeSchema,
  BillingSchema,
  EntitySchema,
  GeneratorSchema,
  GlobalSecondaryIndexSchema,
  KeyConditionSchema,
  LocalSecondaryIndexSchema,
  ModelSchema,
  ParameterSchema,
  ProjectionSchema,
  TableSchema,
} from '../shared/model/schema.js';

/**
 * Hover texts for editors, attached to the generated JSON Schema (the zod schema keeps its explanations in
 * comments, which do not reach JSON Schema). Each entry is the zod schema object of that field.
 */
export const DESCRIPTIONS: ReadonlyArray<[z.ZodType, string]> = [
  [ModelSchema.shape.$schema, 'The JSON Schema of this file, for editors.'],
  [ModelSchema.shape.format, 'The model file format; this version reads "monotable/1".'],
  [
    TableSchema,
    'A DynamoDB table: its keys, billing, indexes, the entities (item types) it holds and their access patterns.',
  ],
  [TableSchema.shape.ttlAttribute, 'The Number attribute holding an expiry time in epoch seconds (Time to Live).'],
  [BillingSchema, 'On-demand, or provisioned read/write capacity units with optional auto-scaling.'],
  [
    GlobalSecondaryIndexSchema,
    'A global secondary index: its own partition key (and sort key) over the items that have them.',
  ],
  [
    LocalSecondaryIndexSchema,
    'A local secondary index: the table partition key with another sort key; only at table creation.',
  ],
  [ProjectionSchema, 'Which attributes the index copies: ALL, KEYS_ONLY, or INCLUDE with nonKeyAttributes.'],
  [EntitySchema, 'An item type stored in the table, e.g. Message, with a key template for every key it takes part in.'],
  [
    EntitySchema.shape.keys,
    'Key attribute → key template, e.g. "pk": "MSG#{message_group_uuid}". A table key needs one; an index key without one keeps the entity out of that (sparse) index.',
  ],
  [
    EntitySchema.shape.typeAttribute,
    'An attribute written on every item of the entity with a constant value, e.g. { "name": "_type", "value": "Message" }.',
  ],
  [
    EntitySchema.shape.seed,
    'How many items the seeder writes: a count, or perParent (min-max children per item of the entity their ref generators name).',
  ],
  [
    EntitySchema.shape.sampleItems,
    'Example items in DynamoDB JSON ({"S": "..."}, {"N": "12"}); previews run the access patterns over them.',
  ],
  [AttributeSchema, 'An attribute of the entity with its DynamoDB type and how the seeder makes its values.'],
  [
    GeneratorSchema,
    'How the seeder makes a value: faker (method like "person.fullName"), ref (an attribute of the parent entity), sequence, constant, date-range or one-of.',
  ],
  [
    AccessPatternSchema,
    'A question the application asks the table; Monotable resolves it to the GetItem, Query or Scan that serves it.',
  ],
  [
    AccessPatternSchema.shape.index,
    'Force an index by name; by default the table or the index that serves the key condition is chosen.',
  ],
  [AccessPatternSchema.shape.set, 'update: the attributes to SET, each from the parameter of the same name.'],
  [AccessPatternSchema.shape.writes, 'transact-write: the writes of the transaction, each on an entity of this table.'],
  [ParameterSchema, 'A value the application passes in, used by key templates as {name}.'],
  [
    KeyConditionSchema,
    'Partition key equality and an optional sort key condition; values are templates over the parameters and default to the entity key templates.',
  ],
];
