import type { AttributeValue, AttributeTypeName, Item } from '../model/attribute-value.js';
import { keyAttributes } from '../model/indexes.js';
import type { Entity, PerParent, SeedEntity, Table } from '../model/schema.js';
import { parseTemplate } from '../keys/template.js';
import { itemSize } from '../model/item-size.js';
import { keyText } from '../model/compare-values.js';

/**
 * Typical sizes when an entity has no sample items: a parameter in a key template is taken as a 36-character
 * id (a UUID), a String attribute as 32 characters, a Number as 8 digits, a Binary as 32 bytes, a set or
 * list as 3 members of 16 characters. Estimates, stated as such in the capacity output.
 */
const PARAM_TEXT = 'x'.repeat(36);
const TEXT = 'x'.repeat(32);
const SHORT = 'x'.repeat(16);

function estimatedValue(type: AttributeTypeName): AttributeValue {
  switch (type) {
    case 'S':
      return { S: TEXT };
    case 'N':
      return { N: '12345678' };
    case 'B':
      return { B: 'A'.repeat(44) }; // 32 bytes as base64
    case 'BOOL':
      return { BOOL: true };
    case 'NULL':
      return { NULL: true };
    case 'SS':
      return { SS: ['a', 'b', 'c'].map((c) => c + SHORT.slice(1)) };
    case 'NS':
      return { NS: ['1', '2', '3'] };
    case 'BS':
      return { BS: ['AAAA', 'AAAB', 'AAAC'] };
    case 'L':
      return { L: [{ S: SHORT }, { S: SHORT }, { S: SHORT }] };
    case 'M':
      return { M: { a: { S: SHORT }, b: { S: SHORT }, c: { S: SHORT } } };
  }
}

function estimatedKey(template: string, type: AttributeTypeName): AttributeValue {
  if (type === 'N') return { N: '1234567890' };
  try {
    const text = parseTemplate(template)
      .segments.map((s) => (s.kind === 'literal' ? s.text : PARAM_TEXT))
      .join('');
    return type === 'B' ? { B: 'A'.repeat(48) } : { S: text };
  } catch {
    return { S: PARAM_TEXT };
  }
}

/** A made-up item of typical size for an entity with no sample items. */
export function estimatedItem(table: Table, entity: Entity): Item {
  const item: Item = {};
  const keyTypes = new Map(keyAttributes(table).map((k) => [k.name, k.type]));
  for (const [name, template] of Object.entries(entity.keys))
    item[name] = estimatedKey(template, keyTypes.get(name) ?? 'S');
  if (entity.typeAttribute) item[entity.typeAttribute.name] = { S: entity.typeAttribute.value };
  for (const attribute of entity.attributes)
    if (!(attribute.name in item)) item[attribute.name] = estimatedValue(attribute.type);
  return item;
}

const representatives = new WeakMap<Entity, { items: Item[]; estimated: boolean }>();

/** The items capacity is estimated from: the entity's sample items, or one estimated item (once per entity object). */
export function representativeItems(table: Table, entity: Entity): { items: Item[]; estimated: boolean } {
  let found = representatives.get(entity);
  if (!found) {
    const samples = entity.sampleItems ?? [];
    found = samples.length
      ? { items: samples, estimated: false }
      : { items: [estimatedItem(table, entity)], estimated: true };
    representatives.set(entity, found);
  }
  return found;
}

const entryBytesCache = new WeakMap<Entity, Map<string, number>>();

/** Mean size of the entity's entries in a view (the item itself for the table), once per entity and view. */
export function meanEntryBytes(table: Table, entity: Entity, viewKey: string, entry: (item: Item) => Item): number {
  let perView = entryBytesCache.get(entity);
  if (!perView) entryBytesCache.set(entity, (perView = new Map()));
  let bytes = perView.get(viewKey);
  if (bytes === undefined) {
    const { items } = representativeItems(table, entity);
    bytes = items.reduce((sum, item) => sum + itemSize(entry(item)), 0) / items.length;
    perView.set(viewKey, bytes);
  }
  return bytes;
}

export function averageItemSize(table: Table, entity: Entity): number {
  const { items } = representativeItems(table, entity);
  return items.reduce((sum, item) => sum + itemSize(item), 0) / items.length;
}

/** The mean of a per-parent count: uniform, or skewed (P(min + k) ∝ 1/(k+1)^s, as the seeder draws it). */
function meanPerParent(perParent: PerParent): number {
  const lo = Math.min(perParent.min, perParent.max);
  const hi = Math.max(perParent.min, perParent.max);
  if (perParent.distribution !== 'skewed') return (lo + hi) / 2;
  let weights = 0;
  let total = 0;
  for (let k = 0; k <= hi - lo; k++) {
    const w = 1 / (k + 1) ** (perParent.skew ?? 1.2);
    weights += w;
    total += w * (lo + k);
  }
  return total / weights;
}

/**
 * How many items of the entity (or seed-only entity) a full table holds: `seed.count`, else parents × the mean of
 * `perParent`, or × the members of the parent with `perMember` (the parent is `seed.parent`, else the entity its first
 * `ref` points to), else the number of sample items.
 */
export function estimatedItemCount(table: Table, entity: Entity | SeedEntity, seen: Set<string> = new Set()): number {
  const seed = entity.seed;
  if (seed?.count !== undefined) return seed.count;
  const parentName =
    seed?.parent ?? entity.attributes.flatMap((a) => (a.generator?.kind === 'ref' ? [a.generator.entity] : []))[0];
  const parent = [...table.entities, ...(table.seedEntities ?? [])].find((e) => e.name === parentName);
  const sampleCount = 'sampleItems' in entity ? (entity.sampleItems?.length ?? 0) : 0;
  if (!parent || seen.has(entity.name)) return sampleCount;
  seen.add(entity.name);
  if (seed?.perMember !== undefined) {
    const members = parent.attributes.find((a) => a.name === seed.perMember)?.generator;
    if (members?.kind === 'members') return estimatedItemCount(table, parent, seen) * members.count;
  }
  if (seed?.perParent) return estimatedItemCount(table, parent, seen) * meanPerParent(seed.perParent);
  return sampleCount;
}

/** Items of the entity in one partition of a Query: average `perParent`, else from sample items, else 1. */
const perPartitionCache = new WeakMap<Entity, Map<string, number>>();

export function itemsPerPartition(entity: Entity, partitionKey: string): number {
  const perParent = entity.seed?.perParent;
  if (perParent) return Math.max(1, meanPerParent(perParent));
  let cached = perPartitionCache.get(entity);
  if (!cached) perPartitionCache.set(entity, (cached = new Map()));
  let result = cached.get(partitionKey);
  if (result === undefined) cached.set(partitionKey, (result = countPerPartition(entity, partitionKey)));
  return result;
}

function countPerPartition(entity: Entity, partitionKey: string): number {
  const counts = new Map<string, number>();
  for (const item of entity.sampleItems ?? []) {
    const value = item[partitionKey];
    if (!value) continue;
    const key = keyText(value);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  if (!counts.size) return 1;
  return [...counts.values()].reduce((a, b) => a + b, 0) / counts.size;
}
