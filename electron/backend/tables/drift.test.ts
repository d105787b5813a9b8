import { CreateTableCommand, type CreateTableCommandInput } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Model, Table } from '../../../shared/model/schema.js';
import { startTestEngine } from '../../../test/support/engine.js';
import { FULL_CAPABILITIES, openConnection, type OpenConnection } from '../connections/connection.js';
import { compareTable } from './compare-table.js';
import { driftReport } from './drift.js';

const modelTable: Table = {
  name: 'Messages',
  partitionKey: { name: 'pk', type: 'S' },
  sortKey: { name: 'sk', type: 'S' },
  billing: { mode: 'on-demand' },
  globalSecondaryIndexes: [
    { name: 'by-user', partitionKey: { name: 'user_uuid', type: 'S' }, sortKey: { name: 'created_at', type: 'S' }, projection: { type: 'ALL' } },
    { name: 'by-group', partitionKey: { name: 'group_uuid', type: 'S' }, projection: { type: 'INCLUDE', nonKeyAttributes: ['message', 'handle'] } },
  ],
  localSecondaryIndexes: [{ name: 'by-time', sortKey: { name: 'created_at', type: 'S' }, projection: { type: 'KEYS_ONLY' } }],
  ttlAttribute: 'expires_at',
  entities: [],
  accessPatterns: [],
};
const model: Model = { format: 'monotable/1', name: 'drift-test', tables: [modelTable] };

/** The live table differs: pk is N, no by-group GSI, by-user projects KEYS_ONLY, an extra GSI, provisioned billing. */
const drifted: CreateTableCommandInput = {
  TableName: 'Messages',
  AttributeDefinitions: [
    { AttributeName: 'pk', AttributeType: 'N' },
    { AttributeName: 'sk', AttributeType: 'S' },
    { AttributeName: 'user_uuid', AttributeType: 'S' },
    { AttributeName: 'created_at', AttributeType: 'S' },
    { AttributeName: 'other', AttributeType: 'S' },
  ],
  KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'sk', KeyType: 'RANGE' }],
  BillingMode: 'PROVISIONED',
  ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 5 },
  GlobalSecondaryIndexes: [
    { IndexName: 'by-user', KeySchema: [{ AttributeName: 'user_uuid', KeyType: 'HASH' }, { AttributeName: 'created_at', KeyType: 'RANGE' }], Projection: { ProjectionType: 'KEYS_ONLY' }, ProvisionedThroughput: { ReadCapacityUnits: 1, WriteCapacityUnits: 1 } },
    { IndexName: 'legacy', KeySchema: [{ AttributeName: 'other', KeyType: 'HASH' }], Projection: { ProjectionType: 'ALL' }, ProvisionedThroughput: { ReadCapacityUnits: 1, WriteCapacityUnits: 1 } },
  ],
  LocalSecondaryIndexes: [
    { IndexName: 'by-time', KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'created_at', KeyType: 'RANGE' }], Projection: { ProjectionType: 'KEYS_ONLY' } },
  ],
};

let engine: Awaited<ReturnType<typeof startTestEngine>>;
let connection: OpenConnection;
beforeAll(async () => {
  engine = await startTestEngine();
  // Seen as an engine with TTL support (like DynamoDB Local): dynalite then reports TTL as DISABLED.
  connection = { ...(await openConnection({ kind: 'endpoint', url: engine.engine.endpoint })), capabilities: { ...FULL_CAPABILITIES, deletionProtection: false } };
  await engine.client.send(new CreateTableCommand(drifted));
  await new Promise((resolve) => setTimeout(resolve, 50));
});
afterAll(async () => {
  await connection.close();
  await engine.stop();
});

describe('drift between a live table and the model', () => {
  test('lists every difference with a path, on the real engine', async () => {
    const differences = await driftReport(connection, model, 'Messages');
    const byPath = Object.fromEntries(differences.map((d) => [d.path, d]));
    expect(Object.keys(byPath).sort()).toEqual(['gsi[by-group]', 'gsi[by-user].projection', 'gsi[legacy]', 'table.billing', 'table.partitionKey', 'table.ttl']);
    expect(byPath['table.partitionKey']).toMatchObject({ kind: 'changed', expected: 'pk (S)', actual: 'pk (N)', fixable: false });
    expect(byPath['gsi[by-group]']).toMatchObject({ kind: 'missing', fixable: true });
    expect(byPath['gsi[legacy]']).toMatchObject({ kind: 'extra', fixable: false });
    expect(byPath['gsi[by-user].projection']).toMatchObject({ expected: 'ALL', actual: 'KEYS_ONLY' });
    expect(byPath['table.billing']).toMatchObject({ expected: 'on-demand', actual: 'provisioned 5 RCU / 5 WCU' });
    expect(byPath['table.ttl']).toMatchObject({ kind: 'missing', expected: 'expires_at' });
  });

  test('a table that matches the model has no drift; TTL is not compared where unsupported', () => {
    const live = {
      TableName: 'Messages',
      AttributeDefinitions: drifted.AttributeDefinitions!.map((d) => (d.AttributeName === 'pk' ? { ...d, AttributeType: 'S' as const } : d)).concat([{ AttributeName: 'group_uuid', AttributeType: 'S' }]),
      KeySchema: drifted.KeySchema,
      BillingModeSummary: { BillingMode: 'PAY_PER_REQUEST' as const },
      GlobalSecondaryIndexes: [
        { ...drifted.GlobalSecondaryIndexes![0]!, Projection: { ProjectionType: 'ALL' as const } },
        { IndexName: 'by-group', KeySchema: [{ AttributeName: 'group_uuid', KeyType: 'HASH' as const }], Projection: { ProjectionType: 'INCLUDE' as const, NonKeyAttributes: ['handle', 'message'] } },
      ],
      LocalSecondaryIndexes: drifted.LocalSecondaryIndexes,
    };
    expect(compareTable(modelTable, live, { checkTtl: false, checkStream: false, checkDeletionProtection: false })).toEqual([]);
    const withTtl = compareTable(modelTable, live, { ttlAttribute: 'ttl', checkTtl: true, checkStream: false, checkDeletionProtection: false });
    expect(withTtl).toEqual([expect.objectContaining({ path: 'table.ttl', kind: 'changed', expected: 'expires_at', actual: 'ttl' })]);
  });

  test('an unknown table in the model is NOT_FOUND; a table missing live is TABLE_NOT_FOUND', async () => {
    await expect(driftReport(connection, model, 'Nope')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const renamed: Model = { ...model, tables: [{ ...modelTable, name: 'Absent' }] };
    await expect(driftReport(connection, renamed, undefined)).rejects.toMatchObject({ code: 'TABLE_NOT_FOUND' });
  });
});
