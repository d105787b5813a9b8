import type { Item } from '../model/attribute-value.js';
import type { Diagnostic } from '../model/diagnostic.js';

export interface SeedOptions {
  /** The table to seed; may be omitted when the model has exactly one table. */
  table?: string;
  /** Multiplies every count that is not given explicitly (root entities, and `seed.count` children). Default 1. */
  scale?: number;
  /**
   * Entity (or seed-only entity) name → total number of items; overrides `seed.count` / `seed.perParent` and is not
   * scaled. Not for an entity with `seed.perMember`: its count follows from its parent's.
   */
  counts?: Record<string, number>;
  /** Faker and count seed; the same seed (and model and options) gives byte-identical items. Default 1. */
  seed?: number;
  /** Faker locale (`en`, `de`, `ja`, `pt_BR`, ...). Default `en`. */
  locale?: string;
  /** Faker's "now" for relative dates (`date.past`), ISO 8601. Default 2026-01-01T00:00:00.000Z. */
  refDate?: string;
}

/** One item of the plan, ready to send unless `problem` says why it must not be. */
export interface PlannedItem {
  entity: string;
  /** 0-based position in the plan. */
  ordinal: number;
  item: Item;
  /** The primary key attributes of `item`. */
  key: Item;
  /** The primary key as text for reports: `pk=MSG#1 sk=2026-01-02`. */
  readonly keyText: string;
  /** Size in bytes by DynamoDB's rules (UTF-8 names and values). */
  size: number;
  /** Set when the item cannot be written: oversize item or key, empty key, or a duplicate primary key. */
  problem?: string;
}

export interface EntityCount {
  entity: string;
  count: number;
  /** The parent entity (possibly a seed-only one, such as Cruddur's Conversation), for a child entity. */
  parent?: string;
}

export interface SeedPlan {
  table: string;
  /** Primary key attribute names (partition key, then sort key). */
  keyNames: string[];
  /** Their types (S, N or B), in the same order. */
  keyTypes: string[];
  /** Total items the plan yields (including any that turn out to have a problem), known before generating. */
  planned: number;
  /** The written entities, parents and the entities they pick from before their children (seed-only ones left out). */
  counts: EntityCount[];
  seed: number;
  locale: string;
  /** Things worth telling the user (a child with no parents, attributes left out). */
  notes: Diagnostic[];
  /** A fresh, deterministic pass over the items; items are generated one at a time, never all held in memory. */
  items(): Generator<PlannedItem>;
}
