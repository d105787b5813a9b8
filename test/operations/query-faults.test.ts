import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEndpointClient } from '../../electron/backend/connections/local-client.js';
import { runOperation } from '../../electron/backend/operations/run-operation.js';
import type { TestEngine } from '../support/engine.js';
import { monotableRejection } from '../support/rejection.js';
import { startFaultProxy, type FaultProxy } from '../support/fault-proxy.js';
import { order, testConnection, startShopEngine } from './shop-model.js';

let engine: TestEngine;
let proxy: FaultProxy;
const query = {
  operation: 'Query' as const,
  input: {
    TableName: 'Shop',
    KeyConditionExpression: '#p = :p',
    ExpressionAttributeNames: { '#p': 'pk' },
    ExpressionAttributeValues: { ':p': { S: 'CUST#c1' } },
    Limit: 10,
  },
};

const queriesSent = (): number => proxy.stats.byOperation['Query'] ?? 0;

beforeAll(async () => {
  engine = await startShopEngine(Array.from({ length: 50 }, (_, i) => order('c1', i)));
  proxy = await startFaultProxy(engine.engine.endpoint);
});
afterAll(async () => {
  await proxy?.close();
  await engine?.stop();
});

describe('faults during a query (real engine behind the fault proxy)', () => {
  it('a connection dropped once is retried by the SDK and the query completes', async () => {
    const client = createEndpointClient(proxy.endpoint);
    proxy.setFaults({ rules: [{ fault: 'reset', operations: ['Query'], skipFirst: 2, maxTimes: 1 }] });
    const result = await runOperation(testConnection(client), query, { all: true });
    expect(result.items).toHaveLength(50);
    expect(proxy.stats.resets).toBeGreaterThanOrEqual(1);
    client.destroy();
  });

  it('a connection that stays down mid-query: NETWORK error naming what was loaded and where to continue', async () => {
    const client = createEndpointClient(proxy.endpoint);
    proxy.setFaults({ rules: [{ fault: 'reset', operations: ['Query'], skipFirst: 2 }] });
    const error = await monotableRejection(runOperation(testConnection(client), query, { all: true }));
    expect(['NETWORK', 'CONNECTION_FAILED']).toContain(error.code);
    expect(error.message).toMatch(/network connection failed/);
    expect(error.message).toMatch(
      /20 item\(s\) in 2 page\(s\) were loaded before this; continue from the lastEvaluatedKey/,
    );
    expect(error.details).toMatchObject({ pagesLoaded: 2, itemsLoaded: 20, operation: 'Query', table: 'Shop' });
    // The resume key really continues: the rest comes straight from the engine.
    const rest = await runOperation(testConnection(engine.client), query, {
      all: true,
      exclusiveStartKey: error.details['lastEvaluatedKey'] as never,
    });
    expect(rest.items).toHaveLength(30);
    client.destroy();
  });

  it('a server that never answers: TIMEOUT from the client request timeout', async () => {
    const client = new DynamoDBClient({
      endpoint: proxy.endpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      maxAttempts: 2,
      requestHandler: { connectionTimeout: 1_000, requestTimeout: 300, throwOnRequestTimeout: true },
    });
    proxy.setFaults({ rules: [{ fault: 'delay', delayMs: 60_000 }] });
    const sentBefore = queriesSent();
    const error = await monotableRejection(runOperation(testConnection(client), query));
    expect(error.code).toBe('TIMEOUT');
    expect(error.message).toMatch(/did not answer in time/);
    expect(error.message).not.toMatch(/loaded before/);
    expect(error.details).toMatchObject({ pagesLoaded: 0, itemsLoaded: 0 });
    // The timeout fired on each of the client's two attempts; nothing on top of them retried the page.
    expect(queriesSent() - sentBefore).toBe(2);
    client.destroy();
  });

  it('aborting a request in flight rejects with CANCELLED without its answer; nothing is retried, no page follows', async () => {
    const client = createEndpointClient(proxy.endpoint);
    proxy.setFaults({ rules: [{ fault: 'delay', delayMs: 60_000 }] });
    const sentBefore = queriesSent();
    const heldBefore = proxy.stats.delayed;
    const controller = new AbortController();
    const pending = runOperation(testConnection(client), query, { all: true, signal: controller.signal });
    // Abort once the engine has answered and the proxy holds that answer back: the request is in flight.
    while (proxy.stats.delayed === heldBefore) await new Promise((resolve) => setImmediate(resolve));
    controller.abort();
    const error = await monotableRejection(pending);
    expect(error.code).toBe('CANCELLED');
    expect(error.details).toMatchObject({ pagesLoaded: 0, itemsLoaded: 0 });
    expect(queriesSent() - sentBefore).toBe(1);
    client.destroy();
  });
});
