import { z } from 'zod';
import { ATTRIBUTE_TYPES, ItemSchema, KEY_TYPES } from './attribute-value.js';

/**
 * The Monotable model file (`*.monotable.json`, format `monotable/1`).
 * Every object is strict: an unknown field is an error with its JSON path, never silently dropped.
 * Structural checks live here; DynamoDB limits and cross-references live in `shared/rules`.
 */
export const MODEL_FORMAT = 'monotable/1';

const name = z.string().min(1);
const positiveInt = z.number().int().min(1);

export const KeyTypeSchema = z.enum(KEY_TYPES);
export const AttributeTypeSchema = z.enum(ATTRIBUTE_TYPES);

export const KeyAttributeSchema = z.strictObject({
  name,
  type: KeyTypeSchema,
});

export const ProjectionSchema = z.strictObject({
  type: z.enum(['ALL', 'KEYS_ONLY', 'INCLUDE']),
  /** Only with INCLUDE. */
  nonKeyAttributes: z.array(name).optional(),
});

export const ThroughputSchema = z.strictObject({ read: positiveInt, write: positiveInt });

export const AutoScalingSchema = z.strictObject({
  minRead: positiveInt,
  maxRead: positiveInt,
  minWrite: positiveInt,
  maxWrite: positiveInt,
  /** Target utilisation in percent (20-90 on AWS). */
  targetUtilization: z.number().min(1).max(100),
});

export const BillingSchema = z.discriminatedUnion('mode', [
  z.strictObject({ mode: z.literal('on-demand') }),
  z.strictObject({
    mode: z.literal('provisioned'),
    read: positiveInt,
    write: positiveInt,
    autoScaling: AutoScalingSchema.optional(),
  }),
]);

export const GlobalSecondaryIndexSchema = z.strictObject({
  name,
  partitionKey: KeyAttributeSchema,
  sortKey: KeyAttributeSchema.optional(),
  projection: ProjectionSchema,
  /** Only for provisioned tables; defaults to the table's throughput. */
  throughput: ThroughputSchema.optional(),
});

export const LocalSecondaryIndexSchema = z.strictObject({
  name,
  sortKey: KeyAttributeSchema,
  projection: ProjectionSchema,
});

export const EncryptionSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('aws-owned') }),
  z.strictObject({ type: z.literal('aws-managed') }),
  z.strictObject({ type: z.literal('customer-kms'), kmsKeyId: name }),
]);

/** How the seeder makes a value for an attribute. */
export const GeneratorSchema = z.discriminatedUnion('kind', [
  /** A Faker method by path (`person.fullName`, `string.uuid`) with JSON arguments. */
  z.strictObject({ kind: z.literal('faker'), method: name, args: z.array(z.unknown()).optional() }),
  /** The value of an attribute of an already generated item of another entity (its parent). */
  z.strictObject({ kind: z.literal('ref'), entity: name, attribute: name }),
  /** start, start+step, ... optionally as `prefix` + zero-padded number. */
  z.strictObject({
    kind: z.literal('sequence'),
    start: z.number().int().optional(),
    step: z.number().int().optional(),
    prefix: z.string().optional(),
    pad: z.number().int().min(0).max(38).optional(),
  }),
  z.strictObject({ kind: z.literal('constant'), value: z.unknown() }),
  /** A date between from and to (ISO 8601), written as ISO text or epoch seconds/milliseconds. */
  z.strictObject({
    kind: z.literal('date-range'),
    from: z.string(),
    to: z.string(),
    format: z.enum(['iso', 'epoch-seconds', 'epoch-millis']).optional(),
  }),
  /** One of the listed values. */
  z.strictObject({ kind: z.literal('one-of'), values: z.array(z.unknown()).min(1) }),
]);

export const AttributeSchema = z.strictObject({
  name,
  type: AttributeTypeSchema,
  required: z.boolean().optional(),
  description: z.string().optional(),
  generator: GeneratorSchema.optional(),
});

export const EntitySchema = z.strictObject({
  name,
  description: z.string().optional(),
  /** An attribute written on every item of this entity with a constant value, e.g. `_type = "Message"`. */
  typeAttribute: z.strictObject({ name, value: z.string() }).optional(),
  /**
   * Key attribute name → key template (`MSG#{message_group_uuid}`). One for every table key and one for each
   * index key the entity takes part in; an index key with no template means the entity is not in that
   * (sparse) index.
   */
  keys: z.record(z.string(), z.string()),
  attributes: z.array(AttributeSchema),
  /** For the seeder: how many items of this entity per parent (`ref` generators name the parent). */
  seed: z
    .strictObject({
      count: z.number().int().min(0).optional(),
      perParent: z.strictObject({ min: z.number().int().min(0), max: z.number().int().min(0) }).optional(),
    })
    .optional(),
  sampleItems: z.array(ItemSchema).optional(),
});

export const ParameterSchema = z.strictObject({
  name,
  type: z.enum(['S', 'N', 'B', 'BOOL']).optional(),
  description: z.string().optional(),
  /** Used by previews and generated examples. */
  example: z.string().optional(),
});

export const SORT_OPERATORS = ['=', '<', '<=', '>', '>=', 'between', 'begins_with'] as const;
export const FILTER_OPERATORS = [
  '=',
  '<>',
  '<',
  '<=',
  '>',
  '>=',
  'between',
  'begins_with',
  'contains',
  'attribute_exists',
  'attribute_not_exists',
] as const;

export const KeyConditionSchema = z.strictObject({
  partition: z.strictObject({
    attribute: name,
    /** Template over the pattern's parameters; default: the entity's template for this attribute. */
    value: z.string().optional(),
  }),
  sort: z
    .strictObject({
      attribute: name,
      operator: z.enum(SORT_OPERATORS),
      /** Template over the parameters; default: the entity's template (its literal prefix for begins_with). */
      value: z.string().optional(),
      /** Upper bound for `between`. */
      to: z.string().optional(),
    })
    .optional(),
});

export const FilterConditionSchema = z.strictObject({
  attribute: name,
  operator: z.enum(FILTER_OPERATORS),
  value: z.string().optional(),
  to: z.string().optional(),
});

export const PATTERN_KINDS = [
  'get',
  'query',
  'scan',
  'put',
  'update',
  'delete',
  'batch-get',
  'transact-write',
] as const;

export const AccessPatternSchema = z.strictObject({
  name,
  description: z.string().optional(),
  entity: name,
  kind: z.enum(PATTERN_KINDS),
  /** Force an index; by default the resolver picks the table or the index that serves the key condition. */
  index: z.string().optional(),
  parameters: z.array(ParameterSchema),
  keyCondition: KeyConditionSchema.optional(),
  filter: z.array(FilterConditionSchema).optional(),
  projection: z.array(name).optional(),
  order: z.enum(['asc', 'desc']).optional(),
  limit: positiveInt.optional(),
  consistentRead: z.boolean().optional(),
  /** update: attributes to SET, each from the parameter of the same name. */
  set: z.array(name).optional(),
  /** transact-write: the writes in the transaction, each on an entity of this table. */
  writes: z
    .array(
      z.strictObject({
        kind: z.enum(['put', 'update', 'delete', 'condition-check']),
        entity: name,
        set: z.array(name).optional(),
      }),
    )
    .optional(),
  /** For the cost estimate: expected requests per second on average. */
  requestsPerSecond: z.number().min(0).optional(),
});

export const TableSchema = z.strictObject({
  name,
  description: z.string().optional(),
  partitionKey: KeyAttributeSchema,
  sortKey: KeyAttributeSchema.optional(),
  billing: BillingSchema,
  globalSecondaryIndexes: z.array(GlobalSecondaryIndexSchema).optional(),
  localSecondaryIndexes: z.array(LocalSecondaryIndexSchema).optional(),
  ttlAttribute: z.string().optional(),
  stream: z.enum(['NEW_IMAGE', 'OLD_IMAGE', 'NEW_AND_OLD_IMAGES', 'KEYS_ONLY']).optional(),
  encryption: EncryptionSchema.optional(),
  tableClass: z.enum(['STANDARD', 'STANDARD_INFREQUENT_ACCESS']).optional(),
  deletionProtection: z.boolean().optional(),
  pointInTimeRecovery: z.boolean().optional(),
  tags: z.record(z.string(), z.string()).optional(),
  entities: z.array(EntitySchema),
  accessPatterns: z.array(AccessPatternSchema),
});

export const ModelSchema = z.strictObject({
  $schema: z.string().optional(),
  format: z.literal(MODEL_FORMAT),
  name,
  description: z.string().optional(),
  author: z.string().optional(),
  tables: z.array(TableSchema),
});

export type Model = z.infer<typeof ModelSchema>;
export type Table = z.infer<typeof TableSchema>;
export type Entity = z.infer<typeof EntitySchema>;
export type Attribute = z.infer<typeof AttributeSchema>;
export type Generator = z.infer<typeof GeneratorSchema>;
export type AccessPattern = z.infer<typeof AccessPatternSchema>;
export type Parameter = z.infer<typeof ParameterSchema>;
export type KeyCondition = z.infer<typeof KeyConditionSchema>;
export type FilterCondition = z.infer<typeof FilterConditionSchema>;
export type KeyAttribute = z.infer<typeof KeyAttributeSchema>;
export type Projection = z.infer<typeof ProjectionSchema>;
export type GlobalSecondaryIndex = z.infer<typeof GlobalSecondaryIndexSchema>;
export type LocalSecondaryIndex = z.infer<typeof LocalSecondaryIndexSchema>;
export type Billing = z.infer<typeof BillingSchema>;
export type SortOperator = (typeof SORT_OPERATORS)[number];
export type FilterOperator = (typeof FILTER_OPERATORS)[number];
export type PatternKind = (typeof PATTERN_KINDS)[number];
