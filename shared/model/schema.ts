import { z } from 'zod';
import { ATTRIBUTE_TYPES, KEY_TYPES } from './attribute-value.js';
import { ItemSchema } from './attribute-value-schema.js';

/**
 * The Monotable model file (`*.monotable.json`, format `monotable/1`).
 * Every object is strict: an unknown field is an error with its JSON path, never silently dropped.
 * Structural checks live here; DynamoDB limits and cross-references live in `shared/rules`.
 */
export const MODEL_FORMAT = 'monotable/1';

const name = z.string().min(1);
/** Members of one relationship item (a conversation's participants); each member row names its item. */
export const MAX_MEMBERS = 25;
export const AGGREGATE_FUNCTIONS = ['count', 'min', 'max', 'latest'] as const;
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
  /** One of the listed values, at random; with `cycle`, each in turn (item n gets value n mod the count). */
  z.strictObject({ kind: z.literal('one-of'), values: z.array(z.unknown()).min(1), cycle: z.boolean().optional() }),
  /**
   * The members of a relationship: `count` distinct items of `entity` (the parent item first when the parent is of
   * that entity), written as the set (SS/NS) or list of their `attribute`. Children read the members with `member`.
   */
  z.strictObject({
    kind: z.literal('members'),
    entity: name,
    attribute: name,
    count: z.number().int().min(1).max(MAX_MEMBERS),
    /** Pick the other members with a Zipf-like preference (exponent) for the first items: a few popular users. */
    skew: z.number().min(0.1).max(10).optional(),
  }),
  /**
   * A value of one member of the parent's `members` attribute `of`: `this` is the member the row is for (the entity
   * has `seed.perMember`), `other` the next member after it, `any` one member picked at random (every `any` of one
   * row picks the same member, so a sender's id, name and handle belong together).
   */
  z.strictObject({
    kind: z.literal('member'),
    of: name,
    attribute: name,
    which: z.enum(['this', 'other', 'any']),
  }),
  /**
   * Computed from this item's children of entity `of` (generated before the item is finished): `count`, `min` or
   * `max` of their `attribute`, or `latest`: the `attribute` of the child whose `by` is greatest.
   */
  z.strictObject({
    kind: z.literal('aggregate'),
    of: name,
    function: z.enum(AGGREGATE_FUNCTIONS),
    attribute: name.optional(),
    by: name.optional(),
  }),
  /**
   * A date after the value of another attribute of the same item by up to `within` (ISO 8601 duration such as
   * PT1H or P2D), in the same format (ISO text, epoch seconds or milliseconds).
   */
  z.strictObject({ kind: z.literal('after'), attribute: name, within: z.string().min(1) }),
]);

/** How many children each parent item gets: `fixed` (min = max), `uniform` over min-max, or `skewed` (Zipf-like). */
export const PerParentSchema = z.strictObject({
  min: z.number().int().min(0),
  max: z.number().int().min(0),
  /** uniform (default): every count in min-max equally likely; skewed: most parents near min, a few near max. */
  distribution: z.enum(['uniform', 'skewed']).optional(),
  /** skewed only: the exponent s of P(min + k) ∝ 1 / (k + 1)^s; default 1.2, larger is steeper. */
  skew: z.number().min(0.1).max(10).optional(),
});

/** For the seeder: how many items of an entity, and where they hang in the generated tree. */
export const EntitySeedSchema = z.strictObject({
  /** Roots: how many items. Children: the total, spread evenly over the parent items. */
  count: z.number().int().min(0).optional(),
  /** Children per parent item. */
  perParent: PerParentSchema.optional(),
  /** The parent entity; default: the entity of the first `ref` generator. */
  parent: name.optional(),
  /** One item per member of the parent's `members` attribute of this name (a group row per participant). */
  perMember: name.optional(),
});

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
  seed: EntitySeedSchema.optional(),
  sampleItems: z.array(ItemSchema).optional(),
});

/**
 * An entity that exists only for the seeder: its items are generated for others to derive from and never written
 * (Cruddur's users live in another database; a conversation is the two group rows and the messages, not a row).
 */
export const SeedEntitySchema = z.strictObject({
  name,
  description: z.string().optional(),
  attributes: z.array(AttributeSchema),
  seed: EntitySeedSchema.optional(),
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
  /** update: also create the item when it is missing (no `attribute_exists` condition on the key). */
  upsert: z.boolean().optional(),
  /** put: only create; fail when an item with the key exists (`attribute_not_exists` condition). */
  ifNotExists: z.boolean().optional(),
  /**
   * update: the item moves to a new key (DynamoDB cannot change a key in place): key attribute → the parameter
   * holding its current value. The pattern deletes the row at the current key and puts the whole row (every
   * required attribute and every parameter) at the new key, as one TransactWriteItems.
   */
  moveFrom: z.record(z.string(), name).optional(),
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
  /** Entities generated by the seeder for others to derive from, never written. */
  seedEntities: z.array(SeedEntitySchema).optional(),
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
export type SeedEntity = z.infer<typeof SeedEntitySchema>;
export type EntitySeed = z.infer<typeof EntitySeedSchema>;
export type PerParent = z.infer<typeof PerParentSchema>;
export type AggregateFunction = (typeof AGGREGATE_FUNCTIONS)[number];
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
