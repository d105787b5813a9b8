import {
  CreateTableCommand,
  DescribeTableCommand,
  PutItemCommand,
  type CreateTableCommandInput,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { createTableDocuments } from '../../shared/formats/create-table.js';
import { findTable } from '../../shared/model/find-table.js';
import type { Model } from '../../shared/model/schema.js';

/** Waits until the table and every GSI are ACTIVE (a few seconds at most on the test engine). */
export async function waitUntilActive(client: DynamoDBClient, tableName: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    if (
      Table?.TableStatus === 'ACTIVE' &&
      (Table.GlobalSecondaryIndexes ?? []).every((g) => g.IndexStatus === 'ACTIVE')
    )
      return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`table ${tableName} did not become ACTIVE`);
}

/**
 * Creates one table of the model from the CreateTable JSON `monotable create` sends (`createTableDocuments`, the one
 * place that builds it) and waits until it is ACTIVE; with `samples`, then writes the entities' sample items.
 */
export async function createModelTable(
  client: DynamoDBClient,
  model: Model,
  tableName: string,
  options: { samples?: boolean } = {},
): Promise<void> {
  const input = createTableDocuments(model, tableName).createTable as unknown as CreateTableCommandInput;
  await client.send(new CreateTableCommand(input));
  await waitUntilActive(client, tableName);
  if (!options.samples) return;
  for (const entity of findTable(model, tableName).entities) {
    for (const item of entity.sampleItems ?? [])
      await client.send(new PutItemCommand({ TableName: tableName, Item: item as never }));
  }
}

/** `createModelTable` for every table of the model. */
export async function createModelTables(
  client: DynamoDBClient,
  model: Model,
  options: { samples?: boolean } = {},
): Promise<void> {
  for (const table of model.tables) await createModelTable(client, model, table.name, options);
}
