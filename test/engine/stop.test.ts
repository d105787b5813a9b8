import { BatchWriteItemCommand, CreateTableCommand, ScanCommand } from '@aws-sdk/client-dynamodb';
import { describe, expect, test } from 'vitest';
import { createEndpointClient } from '../../electron/backend/connections/local-client.js';
import { startEngine } from '../../electron/backend/engine/start-engine.js';

describe('stopping the engine', () => {
  test('SIGTERM in the middle of heavy work ends the process', async () => {
    const engine = await startEngine({ createTableMs: 5 });
    const client = createEndpointClient(engine.endpoint, { maxAttempts: 1 });
    try {
      await client.send(
        new CreateTableCommand({
          TableName: 'Busy',
          AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
          KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
          BillingMode: 'PAY_PER_REQUEST',
        }),
      );
      await new Promise((resolve) => setTimeout(resolve, 30));
      const padding = 'x'.repeat(2_000);
      for (let batch = 0; batch < 40; batch++) {
        await client.send(
          new BatchWriteItemCommand({
            RequestItems: {
              Busy: Array.from({ length: 25 }, (_, i) => ({
                PutRequest: { Item: { pk: { S: `${batch}-${i}` }, padding: { S: padding } } },
              })),
            },
          }),
        );
      }
      // Keep it busy: many full scans with a filter at once, then the signal.
      const work = Array.from({ length: 30 }, () =>
        client
          .send(
            new ScanCommand({
              TableName: 'Busy',
              FilterExpression: 'contains(padding, :y)',
              ExpressionAttributeValues: { ':y': { S: 'y' } },
            }),
          )
          .catch(() => undefined),
      );
      process.kill(engine.pid, 'SIGTERM');
      const exit = await engine.exited;
      expect(exit.code === 0 || exit.signal === 'SIGTERM').toBe(true);
      await Promise.all(work);
    } finally {
      client.destroy();
      await engine.stop();
    }
  }, 30_000);

  test('stop() kills a process that does not end after SIGTERM (an event loop stuck somewhere)', async () => {
    const engine = await startEngine({ stopTimeoutMs: 300 });
    // A stopped process cannot run its SIGTERM handler: the same as one whose event loop never comes back.
    process.kill(engine.pid, 'SIGSTOP');
    await engine.stop();
    expect((await engine.exited).signal).toBe('SIGKILL');
  }, 30_000);
});
