import { BatchWriteItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Item } from '../../shared/model/attribute-value.js';
import type { Model } from '../../shared/model/schema.js';
import { toSdkItem } from '../../electron/backend/operations/sdk-values.js';
import {
  EMBEDDED_CAPABILITIES,
  FULL_CAPABILITIES,
  type Capabilities,
  type OpenConnection,
} from '../../electron/backend/connections/connection.js';
import { startTestEngine, type TestEngine } from '../support/engine.js';
import { createModelTable } from '../support/model-tables.js';

/** A small model for the operations tests: a table with a GSI and an LSI, and patterns of every kind. */
export const SHOP_MODEL: Model = {
  format: 'monotable/1',
  name: 'shop',
  tables: [
    {
      name: 'Shop',
      partitionKey: { name: 'pk', type: 'S' },
      sortKey: { name: 'sk', type: 'S' },
      billing: { mode: 'on-demand' },
      globalSecondaryIndexes: [
        {
          name: 'gsi1',
          partitionKey: { name: 'gsi1pk', type: 'S' },
          sortKey: { name: 'gsi1sk', type: 'S' },
          projection: { type: 'ALL' },
        },
      ],
      localSecondaryIndexes: [{ name: 'by-total', sortKey: { name: 'total', type: 'N' }, projection: { type: 'ALL' } }],
      entities: [
        {
          name: 'Order',
          keys: {
            pk: 'CUST#{customer_id}',
            sk: 'ORDER#{order_id}',
            gsi1pk: 'STATUS#{status}',
            gsi1sk: '{created_at}',
            total: '{total}',
          },
          attributes: [
            { name: 'customer_id', type: 'S' },
            { name: 'order_id', type: 'S' },
            { name: 'status', type: 'S' },
            { name: 'created_at', type: 'S' },
            { name: 'total', type: 'N' },
            { name: 'big', type: 'N' },
            { name: 'tags', type: 'SS' },
          ],
        },
      ],
      accessPatterns: [
        {
          name: 'get-order',
          entity: 'Order',
          kind: 'get',
          parameters: [{ name: 'customer_id' }, { name: 'order_id' }],
        },
        {
          name: 'orders-of-customer',
          entity: 'Order',
          kind: 'query',
          parameters: [{ name: 'customer_id' }],
          keyCondition: { partition: { attribute: 'pk' }, sort: { attribute: 'sk', operator: 'begins_with' } },
          order: 'desc',
        },
        {
          name: 'orders-by-status',
          entity: 'Order',
          kind: 'query',
          parameters: [{ name: 'status' }],
          keyCondition: { partition: { attribute: 'gsi1pk' } },
        },
        {
          name: 'put-order',
          entity: 'Order',
          kind: 'put',
          parameters: ['customer_id', 'order_id', 'status', 'created_at', 'total'].map((name) => ({ name })),
        },
        {
          name: 'place-order',
          entity: 'Order',
          kind: 'transact-write',
          writes: [{ kind: 'put', entity: 'Order' }],
          parameters: ['customer_id', 'order_id', 'status', 'created_at', 'total'].map((name) => ({ name })),
        },
      ],
    },
  ],
};

export const BIG = '12345678901234567890123456789012345678';

/** Order number i of a customer, typed, with a 38-digit number, a string set and binary. */
export function order(customer: string, i: number, status = i % 2 === 0 ? 'open' : 'shipped'): Item {
  const id = String(i).padStart(4, '0');
  return {
    pk: { S: `CUST#${customer}` },
    sk: { S: `ORDER#${id}` },
    gsi1pk: { S: `STATUS#${status}` },
    gsi1sk: { S: `2026-01-01T00:${id}` },
    customer_id: { S: customer },
    order_id: { S: id },
    status: { S: status },
    created_at: { S: `2026-01-01T00:${id}` },
    total: { N: String(i * 10) },
    big: { N: BIG },
    tags: { SS: ['a', 'b'] },
    raw: { B: Buffer.from([0, 1, 2, 255, i % 256]).toString('base64') },
  };
}

export async function createShopTable(client: DynamoDBClient): Promise<void> {
  await createModelTable(client, SHOP_MODEL, 'Shop');
}

/** Writes items with raw BatchWriteItem (25 per call). */
export async function putItems(client: DynamoDBClient, items: Item[]): Promise<void> {
  for (let i = 0; i < items.length; i += 25) {
    const batch = items.slice(i, i + 25).map((item) => ({ PutRequest: { Item: toSdkItem(item) } }));
    await client.send(new BatchWriteItemCommand({ RequestItems: { Shop: batch } }));
  }
}

/** A real test engine with the Shop table created and `items` written into it. */
export async function startShopEngine(items: Item[]): Promise<TestEngine> {
  const engine = await startTestEngine();
  await createShopTable(engine.client);
  await putItems(engine.client, items);
  return engine;
}

/** An OpenConnection over a test client (embedded capabilities by default, like the real embedded engine). */
export function testConnection(
  client: DynamoDBClient,
  marks: { capabilities?: Capabilities; readOnly?: boolean; production?: boolean } = {},
): OpenConnection {
  return {
    spec: { kind: 'endpoint', url: 'http://127.0.0.1' },
    client,
    label: 'test engine',
    region: 'us-east-1',
    capabilities: marks.capabilities ?? EMBEDDED_CAPABILITIES,
    production: marks.production ?? false,
    readOnly: marks.readOnly ?? false,
    async close() {},
  };
}

export { FULL_CAPABILITIES };
