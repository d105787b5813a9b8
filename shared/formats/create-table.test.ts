import { describe, expect, it } from 'vitest';
import { MonotableError } from '../errors/monotable-error.js';
import type { Model, Table } from '../model/schema.js';
import { createTableDocuments } from './create-table.js';

const table: Table = {
  name: 'events',
  partitionKey: { name: 'pk', type: 'S' },
  sortKey: { name: 'sk', type: 'N' },
  billing: { mode: 'on-demand' },
  globalSecondaryIndexes: [
    {
      name: 'gsi1',
      partitionKey: { name: 'gsi1pk', type: 'S' },
      sortKey: { name: 'sk', type: 'N' },
      projection: { type: 'ALL' },
      throughput: { read: 5, write: 5 },
    },
  ],
  localSecondaryIndexes: [
    { name: 'lsi1', sortKey: { name: 'at', type: 'S' }, projection: { type: 'INCLUDE', nonKeyAttributes: ['x'] } },
  ],
  ttlAttribute: 'expires',
  encryption: { type: 'customer-kms', kmsKeyId: 'arn:aws:kms:us-east-1:111122223333:key/abc' },
  deletionProtection: false,
  tags: { b: '2', a: '1' },
  entities: [],
  accessPatterns: [],
};
const model: Model = { format: 'monotable/1', name: 'm', tables: [table, { ...table, name: 'other' }] };

describe('createTableDocuments', () => {
  it('writes exactly the create-table input: key attributes once, no throughput with on-demand', () => {
    const { createTable, timeToLive } = createTableDocuments(model, 'events');
    expect(createTable).toEqual({
      TableName: 'events',
      AttributeDefinitions: [
        { AttributeName: 'pk', AttributeType: 'S' },
        { AttributeName: 'sk', AttributeType: 'N' },
        { AttributeName: 'gsi1pk', AttributeType: 'S' },
        { AttributeName: 'at', AttributeType: 'S' },
      ],
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      BillingMode: 'PAY_PER_REQUEST',
      GlobalSecondaryIndexes: [
        {
          IndexName: 'gsi1',
          KeySchema: [
            { AttributeName: 'gsi1pk', KeyType: 'HASH' },
            { AttributeName: 'sk', KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        },
      ],
      LocalSecondaryIndexes: [
        {
          IndexName: 'lsi1',
          KeySchema: [
            { AttributeName: 'pk', KeyType: 'HASH' },
            { AttributeName: 'at', KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'INCLUDE', NonKeyAttributes: ['x'] },
        },
      ],
      SSESpecification: { Enabled: true, SSEType: 'KMS', KMSMasterKeyId: 'arn:aws:kms:us-east-1:111122223333:key/abc' },
      Tags: [
        { Key: 'b', Value: '2' },
        { Key: 'a', Value: '1' },
      ],
    });
    expect(timeToLive).toEqual({
      TableName: 'events',
      TimeToLiveSpecification: { Enabled: true, AttributeName: 'expires' },
    });
  });

  it('puts throughput on the table and every GSI when provisioned (the table throughput by default)', () => {
    const provisioned: Model = {
      ...model,
      tables: [
        {
          ...table,
          billing: { mode: 'provisioned', read: 10, write: 4 },
          globalSecondaryIndexes: [
            ...table.globalSecondaryIndexes!,
            { name: 'gsi2', partitionKey: { name: 'g2', type: 'S' }, projection: { type: 'KEYS_ONLY' } },
          ],
          deletionProtection: true,
          stream: 'KEYS_ONLY',
          tableClass: 'STANDARD',
        },
      ],
    };
    const { createTable } = createTableDocuments(provisioned, 'events');
    expect(createTable.ProvisionedThroughput).toEqual({ ReadCapacityUnits: 10, WriteCapacityUnits: 4 });
    expect(
      (createTable.GlobalSecondaryIndexes as { ProvisionedThroughput: unknown }[]).map((g) => g.ProvisionedThroughput),
    ).toEqual([
      { ReadCapacityUnits: 5, WriteCapacityUnits: 5 },
      { ReadCapacityUnits: 10, WriteCapacityUnits: 4 },
    ]);
    expect(createTable).toMatchObject({
      BillingMode: 'PROVISIONED',
      DeletionProtectionEnabled: true,
      StreamSpecification: { StreamEnabled: true, StreamViewType: 'KEYS_ONLY' },
      TableClass: 'STANDARD',
    });
  });

  it('has no TTL document without a TTL attribute', () => {
    const { ttlAttribute: _, ...noTtl } = table;
    expect(createTableDocuments({ ...model, tables: [noTtl] }, 'events').timeToLive).toBeUndefined();
  });

  it('names the tables there are when the table is unknown', () => {
    let error: unknown;
    try {
      createTableDocuments(model, 'evnets');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(MonotableError);
    expect((error as MonotableError).code).toBe('NOT_FOUND');
    expect((error as MonotableError).details.hint).toBe('Use one of: events, other.');
  });
});
