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
  PerParentSchema,
  ProjectionSchema,
  SeedEntitySchema,
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
    "How many items the seeder writes: a count, perParent (children per parent item, uniform or skewed), or perMember (one item per member of the parent's members attribute); parent names the parent entity (default: the entity of the first ref).",
  ],
  [
    PerParentSchema,
    'Children per parent item: min-max, uniform (default) or skewed (most parents near min, a few near max); min = max is a fixed count.',
  ],
  [
    SeedEntitySchema,
    'An entity generated only for the seeder (never written): users or conversations that the written rows derive from.',
  ],
  [
    EntitySchema.shape.sampleItems,
    'Example items in DynamoDB JSON ({"S": "..."}, {"N": "12"}); previews run the access patterns over them.',
  ],
  [AttributeSchema, 'An attribute of the entity with its DynamoDB type and how the seeder makes its values.'],
  [
    GeneratorSchema,
    'How the seeder makes a value: faker (method like "person.fullName"), ref (an attribute of the parent entity), sequence, constant, date-range, one-of, members (the items of a relationship), member (a value of one of the parent\'s members), aggregate (count/min/max/latest over the children) or after (a date after another attribute).',
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
  [
    AccessPatternSchema.shape.upsert,
    'update: also create a missing item; by default the update carries attribute_exists on the key and a missing item is an error.',
  ],
  [
    AccessPatternSchema.shape.ifNotExists,
    'put: only create; the put carries attribute_not_exists on the key and fails when the item exists.',
  ],
  [
    AccessPatternSchema.shape.moveFrom,
    'update: the item moves to a new key: key template attribute → the parameter with its current value; Delete old + Put new in one TransactWriteItems.',
  ],
  [AccessPatternSchema.shape.writes, 'transact-write: the writes of the transaction, each on an entity of this table.'],
  [ParameterSchema, 'A value the application passes in, used by key templates as {name}.'],
  [
    KeyConditionSchema,
    'Partition key equality and an optional sort key condition; values are templates over the parameters and default to the entity key templates.',
  ],
];
