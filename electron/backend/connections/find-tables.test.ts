import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type PartitionedEndpoint, startPartitionedEndpoint } from '../../../test/support/partitioned-endpoint.js';
import { openConnection } from './connection.js';
import { findTablesElsewhere } from './find-tables.js';

let endpoint: PartitionedEndpoint;
beforeAll(async () => {
  endpoint = await startPartitionedEndpoint({
    'fakeMyKeyId/us-west-2': ['orders', 'customers', 'audit'],
    'test/local': ['sessions'],
  });
});
afterAll(async () => endpoint?.close());

describe('finding tables under other access keys and regions', () => {
  test('an endpoint partitioned like DynamoDB Local: no tables here, the pairs that have some, most first', async () => {
    const connection = await openConnection({ kind: 'endpoint', url: endpoint.endpoint, accessKeyId: 'local' });
    try {
      expect((await connection.client.send(new ListTablesCommand({}))).TableNames).toEqual([]);
      const { found, tried } = await findTablesElsewhere(connection);
      expect(tried).toEqual({
        accessKeyIds: ['local', 'fakeMyKeyId', 'dummy', 'test', 'AKIAIOSFODNN7EXAMPLE', 'x'],
        regions: ['us-east-1', 'us-west-2', 'eu-west-1', 'local'],
      });
      expect(found).toEqual([
        {
          accessKeyId: 'fakeMyKeyId',
          region: 'us-west-2',
          tableCount: 3,
          more: false,
          names: ['orders', 'customers', 'audit'],
        },
        { accessKeyId: 'test', region: 'local', tableCount: 1, more: false, names: ['sessions'] },
      ]);
      // 6 keys × 4 regions, less the connection's own pair; each asked once.
      expect(new Set(endpoint.asked).size).toBe(6 * 4);
      expect(endpoint.asked.filter((p) => p === 'local/us-east-1')).toHaveLength(1);
    } finally {
      await connection.close();
    }
  });

  test('the connection reopened with the pair found lists those tables', async () => {
    const connection = await openConnection({
      kind: 'endpoint',
      url: endpoint.endpoint,
      accessKeyId: 'fakeMyKeyId',
      region: 'us-west-2',
    });
    try {
      expect((await connection.client.send(new ListTablesCommand({}))).TableNames).toEqual([
        'orders',
        'customers',
        'audit',
      ]);
    } finally {
      await connection.close();
    }
  });

  test('AWS connections are not partitioned by key: BAD_INPUT with what to check instead', async () => {
    const connection = await openConnection({ kind: 'endpoint', url: endpoint.endpoint });
    const aws = { ...connection, spec: { kind: 'aws' as const, region: 'us-east-1' } };
    await expect(findTablesElsewhere(aws)).rejects.toMatchObject({ code: 'BAD_INPUT' });
    await connection.close();
  });
});
