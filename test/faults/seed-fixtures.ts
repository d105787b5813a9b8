import { CreateTableCommand, DeleteTableCommand, DescribeTableCommand, ScanCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { keyAttributes } from '../../shared/model/indexes.js';
import type { Model, Table } from '../../shared/model/schema.js';
import { cruddurMessaging } from '../../shared/templates/cruddur-messaging.js';

/** The Cruddur messaging model with its table renamed, so each test gets a fresh table on one engine. */
export function cruddurModel(tableName: string): Model {
  const model = structuredClone(cruddurMessaging);
  model.tables[0]!.name = tableName;
  return model;
}

/** Creates the table (keys and GSIs only, on-demand) and waits until it is ACTIVE. */
export async function createTable(client: DynamoDBClient, table: Table): Promise<void> {
  await client.send(new CreateTableCommand({
    TableName: table.name,
    BillingMode: 'PAY_PER_REQUEST',
    KeySchema: [{ AttributeName: table.partitionKey.name, KeyType: 'HASH' }, ...(table.sortKey ? [{ AttributeName: table.sortKey.name, KeyType: 'RANGE' as const }] : [])],
    AttributeDefinitions: keyAttributes(table).map((k) => ({ AttributeName: k.name, AttributeType: k.type })),
    ...(table.globalSecondaryIndexes?.length
      ? {
          GlobalSecondaryIndexes: table.globalSecondaryIndexes.map((g) => ({
            IndexName: g.name,
            KeySchema: [{ AttributeName: g.partitionKey.name, KeyType: 'HASH' as const }, ...(g.sortKey ? [{ AttributeName: g.sortKey.name, KeyType: 'RANGE' as const }] : [])],
            Projection: { ProjectionType: g.projection.type },
          })),
        }
      : {}),
  }));
  for (let i = 0; i < 200; i++) {
    const out = await client.send(new DescribeTableCommand({ TableName: table.name }));
    if (out.Table?.TableStatus === 'ACTIVE') return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`table ${table.name} did not become ACTIVE`);
}

export async function dropTable(client: DynamoDBClient, name: string): Promise<void> {
  await client.send(new DeleteTableCommand({ TableName: name }));
}

/** Every primary key in the table (Scan of keys only, all pages): proves counts and finds duplicates or strays. */
export async function scanKeys(client: DynamoDBClient, table: string, keyNames: string[]): Promise<string[]> {
  const keys: string[] = [];
  let start: Record<string, never> | undefined;
  do {
    const out = await client.send(new ScanCommand({
      TableName: table,
      ProjectionExpression: keyNames.map((_, i) => `#k${i}`).join(', '),
      ExpressionAttributeNames: Object.fromEntries(keyNames.map((n, i) => [`#k${i}`, n])),
      ExclusiveStartKey: start,
    }));
    for (const item of out.Items ?? []) keys.push(JSON.stringify(keyNames.map((n) => item[n])));
    start = out.LastEvaluatedKey as Record<string, never> | undefined;
  } while (start);
  return keys;
}

/** Scan Select COUNT over all pages. */
export async function countItems(client: DynamoDBClient, table: string): Promise<number> {
  let count = 0;
  let start: Record<string, never> | undefined;
  do {
    const out = await client.send(new ScanCommand({ TableName: table, Select: 'COUNT', ExclusiveStartKey: start }));
    count += out.Count ?? 0;
    start = out.LastEvaluatedKey as Record<string, never> | undefined;
  } while (start);
  return count;
}
