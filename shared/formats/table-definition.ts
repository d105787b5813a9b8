import { keyAttributes } from '../model/indexes.js';
import type { KeyAttribute, Projection, Table } from '../model/schema.js';

/**
 * The pieces of a table definition that CreateTable JSON and CloudFormation share (same field names in both):
 * KeySchema, AttributeDefinitions (exactly the key attributes of the table and its indexes), Projection and
 * ProvisionedThroughput.
 */
export type Json = Record<string, unknown>;

export function keySchema(partitionKey: KeyAttribute, sortKey: KeyAttribute | undefined): Json[] {
  const schema: Json[] = [{ AttributeName: partitionKey.name, KeyType: 'HASH' }];
  if (sortKey) schema.push({ AttributeName: sortKey.name, KeyType: 'RANGE' });
  return schema;
}

export function attributeDefinitions(table: Table): Json[] {
  return keyAttributes(table).map((k) => ({ AttributeName: k.name, AttributeType: k.type }));
}

export function projection(p: Projection): Json {
  if (p.type !== 'INCLUDE') return { ProjectionType: p.type };
  return { ProjectionType: 'INCLUDE', NonKeyAttributes: [...(p.nonKeyAttributes ?? [])] };
}

export function throughput(read: number, write: number): Json {
  return { ReadCapacityUnits: read, WriteCapacityUnits: write };
}

/** GSIs with their own throughput when the table is provisioned (an index without one gets the table's). */
export function globalIndexes(table: Table): Json[] {
  const billing = table.billing;
  return (table.globalSecondaryIndexes ?? []).map((g) => {
    const out: Json = {
      IndexName: g.name,
      KeySchema: keySchema(g.partitionKey, g.sortKey),
      Projection: projection(g.projection),
    };
    if (billing.mode === 'provisioned')
      out.ProvisionedThroughput = throughput(g.throughput?.read ?? billing.read, g.throughput?.write ?? billing.write);
    return out;
  });
}

export function localIndexes(table: Table): Json[] {
  return (table.localSecondaryIndexes ?? []).map((l) => ({
    IndexName: l.name,
    KeySchema: keySchema(table.partitionKey, l.sortKey),
    Projection: projection(l.projection),
  }));
}

export function tagList(tags: Record<string, string> | undefined): Json[] {
  return Object.entries(tags ?? {}).map(([Key, Value]) => ({ Key, Value }));
}
