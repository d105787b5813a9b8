import {
  BatchWriteItemCommand,
  CreateTableCommand,
  GetItemCommand,
  PutItemCommand,
  ScanCommand,
} from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEndpointClient } from '../../electron/backend/connections/local-client.js';
import { startTestEngine } from '../support/engine.js';
import { seededRandom, startFaultProxy, type FaultProxy } from '../support/fault-proxy.js';
import { waitUntilActive } from '../support/model-tables.js';

let engine: Awaited<ReturnType<typeof startTestEngine>>;
let proxy: FaultProxy;

beforeAll(async () => {
  engine = await startTestEngine();
  await engine.client.send(
    new CreateTableCommand({
      TableName: 'proxied',
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
      AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
      BillingMode: 'PAY_PER_REQUEST',
    }),
  );
  await waitUntilActive(engine.client, 'proxied');
  proxy = await startFaultProxy(engine.engine.endpoint);
});

afterAll(async () => {
  await proxy?.close();
  await engine?.stop();
});

const put = (pk: string) => new PutItemCommand({ TableName: 'proxied', Item: { pk: { S: pk } } });

describe('fault proxy', () => {
  it('forwards untouched when there are no rules', async () => {
    proxy.setFaults({ rules: [] });
    const client = createEndpointClient(proxy.endpoint);
    await client.send(put('plain'));
    const got = await client.send(new GetItemCommand({ TableName: 'proxied', Key: { pk: { S: 'plain' } } }));
    expect(got.Item).toEqual({ pk: { S: 'plain' } });
    client.destroy();
  });

  it('throttles: the SDK sees ProvisionedThroughputExceededException after its retries, nothing is written', async () => {
    proxy.setFaults({ rules: [{ fault: 'throttle', operations: ['PutItem'] }] });
    const before = proxy.stats.throttled;
    const client = createEndpointClient(proxy.endpoint, { maxAttempts: 2 });
    await expect(client.send(put('throttled'))).rejects.toMatchObject({
      name: 'ProvisionedThroughputExceededException',
    });
    expect(proxy.stats.throttled - before).toBe(2);
    const got = await engine.client.send(new GetItemCommand({ TableName: 'proxied', Key: { pk: { S: 'throttled' } } }));
    expect(got.Item).toBeUndefined();
    client.destroy();
  });

  it('the SDK retries a throttled call through to success when only the first attempt is throttled', async () => {
    proxy.setFaults({ rules: [{ fault: 'throttle', operations: ['PutItem'], maxTimes: 1 }] });
    const client = createEndpointClient(proxy.endpoint, { maxAttempts: 3 });
    const out = await client.send(put('retried'));
    expect(out.$metadata.attempts).toBe(2);
    client.destroy();
  });

  it('returns 500s and resets connections', async () => {
    const client = createEndpointClient(proxy.endpoint, { maxAttempts: 1 });
    proxy.setFaults({ rules: [{ fault: 'server-error' }] });
    await expect(client.send(put('e500'))).rejects.toMatchObject({ $metadata: { httpStatusCode: 500 } });
    proxy.setFaults({ rules: [{ fault: 'reset' }] });
    const resets = proxy.stats.resets;
    await expect(client.send(put('reset'))).rejects.toThrow();
    expect(proxy.stats.resets).toBe(resets + 1);
    client.destroy();
  });

  it('a reset after forwarding loses only the answer: the write was applied', async () => {
    const client = createEndpointClient(proxy.endpoint, { maxAttempts: 1 });
    proxy.setFaults({ rules: [{ fault: 'reset', when: 'after' }] });
    await expect(client.send(put('applied-then-reset'))).rejects.toThrow();
    const got = await engine.client.send(
      new GetItemCommand({ TableName: 'proxied', Key: { pk: { S: 'applied-then-reset' } } }),
    );
    expect(got.Item).toBeDefined();
    client.destroy();
  });

  it('delays answers: the engine has applied the write while the client still waits for the answer', async () => {
    proxy.setFaults({ rules: [{ fault: 'delay', delayMs: 1_000 }] });
    const client = createEndpointClient(proxy.endpoint);
    const delayedBefore = proxy.stats.delayed;
    let answered = false;
    const sent = client.send(put('slow')).then(() => {
      answered = true;
    });
    while (proxy.stats.delayed === delayedBefore) await new Promise((resolve) => setImmediate(resolve));
    const got = await engine.client.send(new GetItemCommand({ TableName: 'proxied', Key: { pk: { S: 'slow' } } }));
    expect(got.Item).toBeDefined();
    expect(answered).toBe(false);
    await sent;
    expect(answered).toBe(true);
    client.destroy();
  });

  it('answers BatchWriteItem with part of the items unprocessed and writes only the rest', async () => {
    proxy.setFaults({ seed: 7, rules: [{ fault: 'unprocessed', operations: ['BatchWriteItem'], share: 0.4 }] });
    const client = createEndpointClient(proxy.endpoint);
    const requests = Array.from({ length: 10 }, (_, i) => ({ PutRequest: { Item: { pk: { S: `batch-${i}` } } } }));
    const out = await client.send(new BatchWriteItemCommand({ RequestItems: { proxied: requests } }));
    const unprocessed = out.UnprocessedItems?.proxied ?? [];
    expect(unprocessed).toHaveLength(4);
    const scan = await engine.client.send(
      new ScanCommand({
        TableName: 'proxied',
        FilterExpression: 'begins_with(pk, :p)',
        ExpressionAttributeValues: { ':p': { S: 'batch-' } },
      }),
    );
    const written = new Set((scan.Items ?? []).map((i) => i.pk!.S));
    expect(written.size).toBe(6);
    for (const r of unprocessed) expect(written.has(r.PutRequest!.Item!.pk!.S)).toBe(false);
    client.destroy();
  });

  it('skipFirst lets the first calls through', async () => {
    proxy.setFaults({ rules: [{ fault: 'server-error', operations: ['GetItem'], skipFirst: 1 }] });
    const client = createEndpointClient(proxy.endpoint, { maxAttempts: 1 });
    await client.send(new GetItemCommand({ TableName: 'proxied', Key: { pk: { S: 'plain' } } }));
    await expect(
      client.send(new GetItemCommand({ TableName: 'proxied', Key: { pk: { S: 'plain' } } })),
    ).rejects.toThrow();
    client.destroy();
  });

  it('the PRNG is reproducible', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const xs = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(xs);
    expect(new Set(xs).size).toBe(5);
  });
});
