import type { AttributeTypeName } from '../../model/attribute-value.js';
import type { Entity, KeyAttribute, Model, Projection, Table } from '../../model/schema.js';
import { aliasFromTemplate } from './key-templates.js';
import { writeBilling } from './workbench-billing.js';

type Json = Record<string, unknown>;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Workbench's own date format, e.g. `Jun 16, 2023, 04:27 PM` (written in UTC). */
export function workbenchDate(date: Date): string {
  const two = (n: number): string => String(n).padStart(2, '0');
  const hours = date.getUTCHours();
  return `${MONTHS[date.getUTCMonth()]} ${two(date.getUTCDate())}, ${date.getUTCFullYear()}, ${two(hours % 12 || 12)}:${two(date.getUTCMinutes())} ${hours < 12 ? 'AM' : 'PM'}`;
}

function keyAttribute(key: KeyAttribute): Json {
  return { AttributeName: key.name, AttributeType: key.type };
}

function keyAttributes(partitionKey: KeyAttribute, sortKey: KeyAttribute | undefined): Json {
  return sortKey
    ? { PartitionKey: keyAttribute(partitionKey), SortKey: keyAttribute(sortKey) }
    : { PartitionKey: keyAttribute(partitionKey) };
}

function projection(p: Projection): Json {
  return p.type === 'INCLUDE'
    ? { ProjectionType: 'INCLUDE', NonKeyAttributes: [...(p.nonKeyAttributes ?? [])] }
    : { ProjectionType: p.type };
}

/** Every attribute that is not a table key, typed: entity attributes first, then index keys. */
function nonKeyAttributes(table: Table, tableKeys: ReadonlySet<string>): Json[] {
  const types = new Map<string, AttributeTypeName>();
  for (const entity of table.entities)
    for (const a of entity.attributes) if (!tableKeys.has(a.name) && !types.has(a.name)) types.set(a.name, a.type);
  for (const g of table.globalSecondaryIndexes ?? []) {
    for (const k of [g.partitionKey, g.sortKey])
      if (k && !tableKeys.has(k.name) && !types.has(k.name)) types.set(k.name, k.type);
  }
  for (const l of table.localSecondaryIndexes ?? [])
    if (!tableKeys.has(l.sortKey.name) && !types.has(l.sortKey.name)) types.set(l.sortKey.name, l.sortKey.type);
  return [...types].map(([name, type]) => ({ AttributeName: name, AttributeType: type }));
}

/** An entity is a facet: key templates become the key labels, its sample items the facet's data. */
function facet(entity: Entity, table: Table, tableKeys: ReadonlySet<string>): Json {
  const alias: Json = {
    PartitionKeyAlias: aliasFromTemplate(entity.keys[table.partitionKey.name] ?? `{${table.partitionKey.name}}`),
  };
  if (table.sortKey)
    alias.SortKeyAlias = aliasFromTemplate(entity.keys[table.sortKey.name] ?? `{${table.sortKey.name}}`);
  return {
    FacetName: entity.name,
    KeyAttributeAlias: alias,
    TableData: entity.sampleItems ?? [],
    // The entity's attributes plus the index keys it takes part in, so the facet shows them even without samples.
    NonKeyAttributes: [...new Set([...entity.attributes.map((a) => a.name), ...Object.keys(entity.keys)])].filter(
      (name) => !tableKeys.has(name),
    ),
    DataAccess: { MySql: {} },
  };
}

function table(t: Table): Json {
  const tableKeys = new Set([t.partitionKey.name, ...(t.sortKey ? [t.sortKey.name] : [])]);
  const out: Json = {
    TableName: t.name,
    KeyAttributes: keyAttributes(t.partitionKey, t.sortKey),
    NonKeyAttributes: nonKeyAttributes(t, tableKeys),
    TableFacets: t.entities.map((e) => facet(e, t, tableKeys)),
  };
  if (t.globalSecondaryIndexes?.length) {
    out.GlobalSecondaryIndexes = t.globalSecondaryIndexes.map((g) => ({
      IndexName: g.name,
      KeyAttributes: keyAttributes(g.partitionKey, g.sortKey),
      Projection: projection(g.projection),
    }));
  }
  return { ...out, TableData: [], DataAccess: { MySql: {} }, ...writeBilling(t.billing) };
}

/**
 * The model → a NoSQL Workbench 3.0 data model. Entities become facets (sample items inside them). The format
 * has no slot for LSIs, TTL, streams, encryption, tags, table class, deletion protection, PITR or access
 * patterns: those stay in the Monotable model only.
 */
export function exportWorkbench(model: Model, options: { now?: Date } = {}): Record<string, unknown> {
  const date = workbenchDate(options.now ?? new Date());
  return {
    ModelName: model.name,
    ModelMetadata: {
      Author: model.author ?? '',
      DateCreated: date,
      DateLastModified: date,
      Description: model.description ?? '',
      AWSService: 'Amazon DynamoDB',
      Version: '3.0',
    },
    DataModel: model.tables.map(table),
  };
}
