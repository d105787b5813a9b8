import type { AttributeValue, Item } from './attribute-value.js';
import { keyAttributes } from './indexes.js';
import { ModelSchema, type Entity, type Model, type Table } from './schema.js';

function sortedRecord<T>(record: Record<string, T>, order?: readonly string[]): Record<string, T> {
  const rank = new Map((order ?? []).map((name, i) => [name, i]));
  const names = Object.keys(record).sort((a, b) => {
    const ra = rank.get(a) ?? Number.MAX_SAFE_INTEGER;
    const rb = rank.get(b) ?? Number.MAX_SAFE_INTEGER;
    return ra !== rb ? ra - rb : a < b ? -1 : a > b ? 1 : 0;
  });
  const out: Record<string, T> = {};
  for (const name of names) out[name] = record[name]!;
  return out;
}

function canonicalValue(value: AttributeValue): AttributeValue {
  if ('M' in value) return { M: canonicalItem(value.M) };
  if ('L' in value) return { L: value.L.map(canonicalValue) };
  return value;
}

function canonicalItem(item: Item, keyOrder?: readonly string[]): Item {
  const out: Item = {};
  for (const [name, value] of Object.entries(sortedRecord(item, keyOrder))) out[name] = canonicalValue(value);
  return out;
}

function canonicalEntity(entity: Entity, keyOrder: readonly string[]): Entity {
  const out: Entity = { ...entity, keys: sortedRecord(entity.keys, keyOrder) };
  if (entity.sampleItems) out.sampleItems = entity.sampleItems.map((item) => canonicalItem(item, keyOrder));
  return out;
}

function canonicalTable(table: Table): Table {
  const keyOrder = keyAttributes(table).map((k) => k.name);
  const out: Table = { ...table, entities: table.entities.map((e) => canonicalEntity(e, keyOrder)) };
  if (table.tags) out.tags = sortedRecord(table.tags);
  return out;
}

/**
 * The one way a model is written: validated by the schema (which also fixes field order to the schema's),
 * records in a stable order (entity keys and item attributes in the table's key order, then by name),
 * 2-space indent and a trailing newline, so that saving twice gives the same bytes and git diffs stay small.
 */
export function serializeModel(model: Model): string {
  const parsed = ModelSchema.parse(model);
  const canonical: Model = { ...parsed, tables: parsed.tables.map(canonicalTable) };
  return `${JSON.stringify(ModelSchema.parse(canonical), null, 2)}\n`;
}
