import {
  CreateTableCommand,
  GetItemCommand,
  TransactWriteItemsCommand,
  type TransactWriteItemsCommandInput,
} from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEndpointClient } from '../../electron/backend/connections/local-client.js';
import { startTestEngine } from '../support/engine.js';
import { startFaultProxy, type FaultProxy } from '../support/fault-proxy.js';

let engine: Awaited<ReturnType<typeof startTestEngine>>;
let proxy: FaultProxy;

beforeAll(async () => {
  engine = await startTestEngine();
  await engine.client.send(
    new CreateTableCommand({
      TableName: 'ledger',
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
      AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
      BillingMode: 'PAY_PER_REQUEST',
    }),
  );
  await new Promise((r) => setTimeout(r, 50));
  proxy = await startFaultProxy(engine.engine.endpoint);
});

afterAll(async () => {
  await proxy?.close();
  await engine?.stop();
});

/** Moves one unit from `from` to `to` in one transaction (the SDK fills in a ClientRequestToken). */
const transfer = (from: string, to: string): TransactWriteItemsCommandInput => ({
  TransactItems: [
    {
      Update: {
        TableName: 'ledger',
        Key: { pk: { S: from } },
        UpdateExpression: 'ADD balance :minus',
        ExpressionAttributeValues: { ':minus': { N: '-1' } },
      },
    },
    {
      Update: {
        TableName: 'ledger',
        Key: { pk: { S: to } },
        UpdateExpression: 'ADD balance :plus',
        ExpressionAttributeValues: { ':plus': { N: '1' } },
      },
    },
  ],
});

const balance = async (pk: string) =>
  (await engine.client.send(new GetItemCommand({ TableName: 'ledger', Key: { pk: { S: pk } }, ConsistentRead: true })))
    .Item?.balance?.N;

describe('transactions through the fault proxy', () => {
  it('an answer lost after the engine applied it: the SDK retries with the same token, applied once', async () => {
    proxy.setFaults({ rules: [{ fault: 'reset', when: 'after', operations: ['TransactWriteItems'], maxTimes: 1 }] });
    const client = createEndpointClient(proxy.endpoint);
    try {
      await client.send(new TransactWriteItemsCommand(transfer('a', 'b')));
    } finally {
      client.destroy();
    }
    expect(proxy.stats.resets).toBe(1);
    expect(proxy.stats.byOperation.TransactWriteItems).toBe(2);
    expect([await balance('a'), await balance('b')]).toEqual(['-1', '1']);
  });

  it('throttled and failed attempts are retried to one application; a random mix of faults keeps the books balanced', async () => {
    proxy.setFaults({
      seed: 11,
      rules: [
        { fault: 'throttle', operations: ['TransactWriteItems'], probability: 0.1 },
        { fault: 'server-error', operations: ['TransactWriteItems'], probability: 0.1 },
        { fault: 'reset', when: 'after', operations: ['TransactWriteItems'], probability: 0.1 },
        { fault: 'reset', when: 'before', operations: ['TransactWriteItems'], probability: 0.1 },
      ],
    });
    const client = createEndpointClient(proxy.endpoint, { maxAttempts: 10 });
    const results = await Promise.allSettled(
      Array.from({ length: 24 }, (_, i) =>
        client.send(new TransactWriteItemsCommand(transfer(`c${i % 4}`, `d${i % 3}`))),
      ),
    );
    client.destroy();
    const applied = results.filter((r) => r.status === 'fulfilled').length;
    expect(applied).toBe(24);
    let sum = 0;
    let moved = 0;
    for (const pk of ['c0', 'c1', 'c2', 'c3', 'd0', 'd1', 'd2']) {
      const value = Number((await balance(pk)) ?? 0);
      sum += value;
      if (pk.startsWith('d')) moved += value;
    }
    expect(sum).toBe(0);
    expect(moved).toBe(24);
    expect(proxy.stats.throttled + proxy.stats.serverErrors + proxy.stats.resets).toBeGreaterThan(3);
  }, 60_000);
});
