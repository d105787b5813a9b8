import { CreateTableCommand, type CreateTableCommandInput } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Model } from '../../../shared/model/schema.js';
import { ordersModel, ordersTable } from '../../../test/backend/table-model.js';
import { startConnectedTestEngine, type ConnectedTestEngine } from '../../../test/support/connected-engine.js';
import { waitUntilActive } from '../../../test/support/model-tables.js';
import { FULL_CAPABILITIES, type OpenConnection } from '../connections/connection.js';
import { compareTable } from './compare-table.js';
import { driftReport } from './drift.js';

const modelTable = ordersTable;
const model = ordersModel();

/** The live table differs: pk is N, no by-status GSI, by-customer projects KEYS_ONLY, an extra GSI, provisioned billing. */
const drifted: CreateTableCommandInput = {
  TableName: 'Orders',
  AttributeDefinitions: [
    { AttributeName: 'pk', AttributeType: 'N' },
    { AttributeName: 'sk', AttributeType: 'S' },
    { AttributeName: 'customer_id', AttributeType: 'S' },
    { AttributeName: 'created_at', AttributeType: 'S' },
    { AttributeName: 'other', AttributeType: 'S' },
  ],
  KeySchema: [
    { AttributeName: 'pk', KeyType: 'HASH' },
    { AttributeName: 'sk', KeyType: 'RANGE' },
  ],
  BillingMode: 'PROVISIONED',
  ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 5 },
  GlobalSecondaryIndexes: [
    {
      IndexName: 'by-customer',
      KeySchema: [
        { AttributeName: 'customer_id', KeyType: 'HASH' },
        { AttributeName: 'created_at', KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: 'KEYS_ONLY' },
      ProvisionedThroughput: { ReadCapacityUnits: 1, WriteCapacityUnits: 1 },
    },
    {
      IndexName: 'legacy',
      KeySchema: [{ AttributeName: 'other', KeyType: 'HASH' }],
      Projection: { ProjectionType: 'ALL' },
      ProvisionedThroughput: { ReadCapacityUnits: 1, WriteCapacityUnits: 1 },
    },
  ],
  LocalSecondaryIndexes: [
    {
      IndexName: 'by-created',
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'created_at', KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: 'KEYS_ONLY' },
    },
  ],
};

let engine: ConnectedTestEngine;
let connection: OpenConnection;
beforeAll(async () => {
  engine = await startConnectedTestEngine();
  // Seen as an engine with TTL support (like DynamoDB Local): dynalite then reports TTL as DISABLED.
  connection = { ...engine.connection, capabilities: { ...FULL_CAPABILITIES, deletionProtection: false } };
  await engine.client.send(new CreateTableCommand(drifted));
  await waitUntilActive(engine.client, drifted.TableName!);
});
afterAll(async () => engine.stop());

describe('drift between a live table and the model', () => {
  test('lists every difference with a path, on the real engine', async () => {
    const differences = await driftReport(connection, model, 'Orders');
    const byPath = Object.fromEntries(differences.map((d) => [d.path, d]));
    expect(Object.keys(byPath).sort()).toEqual([
      'gsi[by-customer].projection',
      'gsi[by-status]',
      'gsi[legacy]',
      'table.billing',
      'table.partitionKey',
      'table.ttl',
    ]);
    expect(byPath['table.partitionKey']).toMatchObject({
      kind: 'changed',
      expected: 'pk (S)',
      actual: 'pk (N)',
      fixable: false,
    });
    expect(byPath['gsi[by-status]']).toMatchObject({ kind: 'missing', fixable: true });
    expect(byPath['gsi[legacy]']).toMatchObject({ kind: 'extra', fixable: false });
    expect(byPath['gsi[by-customer].projection']).toMatchObject({ expected: 'ALL', actual: 'KEYS_ONLY' });
    expect(byPath['table.billing']).toMatchObject({ expected: 'on-demand', actual: 'provisioned 5 RCU / 5 WCU' });
    expect(byPath['table.ttl']).toMatchObject({ kind: 'missing', expected: 'expires_at' });
  });

  test('a table that matches the model has no drift; TTL is not compared where unsupported', () => {
    const live = {
      TableName: 'Orders',
      AttributeDefinitions: drifted
        .AttributeDefinitions!.map((d) => (d.AttributeName === 'pk' ? { ...d, AttributeType: 'S' as const } : d))
        .concat([{ AttributeName: 'order_status', AttributeType: 'S' }]),
      KeySchema: drifted.KeySchema,
      BillingModeSummary: { BillingMode: 'PAY_PER_REQUEST' as const },
      GlobalSecondaryIndexes: [
        { ...drifted.GlobalSecondaryIndexes![0]!, Projection: { ProjectionType: 'ALL' as const } },
        {
          IndexName: 'by-status',
          KeySchema: [{ AttributeName: 'order_status', KeyType: 'HASH' as const }],
          Projection: { ProjectionType: 'INCLUDE' as const, NonKeyAttributes: ['total', 'order_id'] },
        },
      ],
      LocalSecondaryIndexes: drifted.LocalSecondaryIndexes,
    };
    expect(
      compareTable(modelTable, live, { checkTtl: false, checkStream: false, checkDeletionProtection: false }),
    ).toEqual([]);
    const withTtl = compareTable(modelTable, live, {
      ttlAttribute: 'ttl',
      checkTtl: true,
      checkStream: false,
      checkDeletionProtection: false,
    });
    expect(withTtl).toEqual([
      expect.objectContaining({ path: 'table.ttl', kind: 'changed', expected: 'expires_at', actual: 'ttl' }),
    ]);
  });

  test('an unknown table in the model is NOT_FOUND; a table missing live is TABLE_NOT_FOUND', async () => {
    await expect(driftReport(connection, model, 'Nope')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const renamed: Model = { ...model, tables: [{ ...modelTable, name: 'Absent' }] };
    await expect(driftReport(connection, renamed, undefined)).rejects.toMatchObject({ code: 'TABLE_NOT_FOUND' });
  });
});
