import { CreateTableCommand, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, describe, expect, test } from 'vitest';
import { isMonotableError } from '../../../shared/errors/monotable-error.js';
import { startFaultProxy } from '../../../test/support/fault-proxy.js';
import { rejection } from '../../../test/support/rejection.js';
import { tempFolder } from '../../../test/support/temp-folder.js';
import { ensureEngine, stopEngine } from '../engine/engine-manager.js';
import { toMonotableError } from './aws-errors.js';
import { openConnection } from './connection.js';

afterAll(async () => {
  await stopEngine();
});

describe('an embedded connection outlives its engine', () => {
  test('the engine killed: a clear error, then revive starts it again on the same folder and the data is there', async () => {
    const dir = await tempFolder('follow');
    const first = await ensureEngine({ dataDir: dir });
    const connection = await openConnection({ kind: 'embedded', dataDir: dir });
    try {
      await connection.client.send(
        new CreateTableCommand({
          TableName: 'Kept',
          AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
          KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
          BillingMode: 'PAY_PER_REQUEST',
        }),
      );
      expect(connection.label).toContain(first.endpoint);
      process.kill(first.pid!, 'SIGKILL');

      const lost = toMonotableError(await rejection(connection.client.send(new ListTablesCommand({}))), {
        operation: 'ListTables',
        connection,
      });
      expect(lost.code).toBe('CONNECTION_FAILED');
      expect(lost.message).toMatch(/^ListTables: the embedded engine does not answer .*: it stopped or was killed\.$/);
      expect(lost.details.hint).toMatch(/starts it again on your next action/);

      expect(await connection.revive!()).toBe(true);
      expect(connection.label).not.toContain(first.endpoint);
      // The same connection (same client) reaches the new engine, and the table written before the kill is there.
      expect((await connection.client.send(new ListTablesCommand({}))).TableNames).toEqual(['Kept']);
      expect(await connection.revive!()).toBe(false);
    } finally {
      await connection.close();
    }
  });
});

describe('an endpoint that rejects the access key', () => {
  test('the open fails with CREDENTIALS naming the key, the region and what to change', async () => {
    const dir = await tempFolder('rejecting');
    const engine = await ensureEngine({ dataDir: dir, inMemory: true });
    const proxy = await startFaultProxy(engine.endpoint!, { rules: [{ fault: 'reject-credentials' }] });
    try {
      const error = await rejection(
        openConnection({ kind: 'endpoint', url: proxy.endpoint, accessKeyId: 'dummy', region: 'eu-west-1' }),
      );
      expect(isMonotableError(error) && error.code).toBe('CREDENTIALS');
      expect((error as Error).message).toBe(
        `Connect: ${proxy.endpoint} rejected the request signed with access key id "dummy" in region eu-west-1 (UnrecognizedClientException: The security token included in the request is invalid.).`,
      );
      expect(isMonotableError(error) && error.details.hint).toMatch(/add an AWS profile connection instead/);
      expect(proxy.stats.rejected).toBe(1);
    } finally {
      await proxy.close();
      await stopEngine();
    }
  });
});
