import { DeleteTableCommand, ScanCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Table } from '../../shared/model/schema.js';
import { createModelTable } from '../support/model-tables.js';

/** Creates the table as `monotable create` would and waits until it is ACTIVE. */
export async function createTable(client: DynamoDBClient, table: Table): Promise<void> {
  await createModelTable(client, { format: 'monotable/1', name: table.name, tables: [table] }, table.name);
}

export async function dropTable(client: DynamoDBClient, name: string): Promise<void> {
  await client.send(new DeleteTableCommand({ TableName: name }));
}

/** Every primary key in the table (Scan of keys only, all pages): proves counts and finds duplicates or strays. */
export async function scanKeys(client: DynamoDBClient, table: string, keyNames: string[]): Promise<string[]> {
  const keys: string[] = [];
  let start: Record<string, never> | undefined;
  do {
    const out = await client.send(
      new ScanCommand({
        TableName: table,
        ProjectionExpression: keyNames.map((_, i) => `#k${i}`).join(', '),
        ExpressionAttributeNames: Object.fromEntries(keyNames.map((n, i) => [`#k${i}`, n])),
        ExclusiveStartKey: start,
      }),
    );
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
