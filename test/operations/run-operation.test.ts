import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Item } from '../../shared/model/attribute-value.js';
import { runOperation } from '../../electron/backend/operations/run-operation.js';
import { readPages } from '../../electron/backend/operations/read-pages.js';
import type { TestEngine } from '../support/engine.js';
import { monotableRejection } from '../support/rejection.js';
import { BIG, order, putItems, testConnection, FULL_CAPABILITIES, startShopEngine } from './shop-model.js';

let engine: TestEngine;
const orders = Array.from({ length: 120 }, (_, i) => order('c1', i));

beforeAll(async () => {
  engine = await startShopEngine([...orders, order('c2', 1), order('c2', 2)]);
});
afterAll(async () => engine?.stop());

describe('reads on the real engine', () => {
  it('GetItem keeps big numbers, sets and binary exactly', async () => {
    const connection = testConnection(engine.client);
    const result = await runOperation(connection, {
      operation: 'GetItem',
      input: { TableName: 'Shop', Key: { pk: { S: 'CUST#c1' }, sk: { S: 'ORDER#0007' } } },
    });
    expect(result.items).toEqual([orders[7]]);
    expect(result.items[0]!['big']).toEqual({ N: BIG });
    expect(result.consumedCapacity).toBeGreaterThan(0);
  });

  it('Query with sort operators, order, limit, projection and filter', async () => {
    const connection = testConnection(engine.client);
    const base = { TableName: 'Shop', ExpressionAttributeNames: { '#p': 'pk', '#s': 'sk' } };
    const between = await runOperation(connection, {
      operation: 'Query',
      input: {
        ...base,
        KeyConditionExpression: '#p = :p AND #s BETWEEN :a AND :b',
        ExpressionAttributeValues: { ':p': { S: 'CUST#c1' }, ':a': { S: 'ORDER#0010' }, ':b': { S: 'ORDER#0019' } },
      },
    });
    expect(between.items.map((i) => i['order_id'])).toEqual(orders.slice(10, 20).map((o) => o['order_id']));
    const newest = await runOperation(connection, {
      operation: 'Query',
      input: {
        ...base,
        ExpressionAttributeNames: { ...base.ExpressionAttributeNames, '#t': 'total' },
        KeyConditionExpression: '#p = :p AND #s > :a',
        ExpressionAttributeValues: { ':p': { S: 'CUST#c1' }, ':a': { S: 'ORDER#0100' } },
        ScanIndexForward: false,
        Limit: 3,
        ProjectionExpression: '#s, #t',
      },
    });
    expect(newest.items).toEqual([119, 118, 117].map((i) => ({ sk: orders[i]!['sk'], total: orders[i]!['total'] })));
    expect(newest.lastEvaluatedKey).toBeDefined();
    const filtered = await runOperation(connection, {
      operation: 'Query',
      input: {
        TableName: 'Shop',
        IndexName: 'by-total',
        KeyConditionExpression: '#p = :p AND #t >= :min',
        FilterExpression: '#st = :st',
        ExpressionAttributeNames: { '#p': 'pk', '#t': 'total', '#st': 'status' },
        ExpressionAttributeValues: { ':p': { S: 'CUST#c1' }, ':min': { N: '1000' }, ':st': { S: 'open' } },
      },
    });
    expect(filtered.items.map((i) => i['total'])).toEqual(
      [100, 102, 104, 106, 108, 110, 112, 114, 116, 118].map((n) => ({ N: String(n * 10) })),
    );
    expect(filtered.scannedCount).toBe(20);
  });

  it('pages by LastEvaluatedKey, fetches all, and caps with truncated', async () => {
    const connection = testConnection(engine.client);
    const input = {
      TableName: 'Shop',
      IndexName: 'gsi1',
      KeyConditionExpression: '#p = :p',
      ExpressionAttributeNames: { '#p': 'gsi1pk' },
      ExpressionAttributeValues: { ':p': { S: 'STATUS#open' } },
      Limit: 25,
    };
    const first = await runOperation(connection, { operation: 'Query', input });
    expect(first.items).toHaveLength(25);
    const second = await runOperation(
      connection,
      { operation: 'Query', input },
      { exclusiveStartKey: first.lastEvaluatedKey! },
    );
    expect(second.items[0]).not.toEqual(first.items[0]);
    const all = await runOperation(connection, { operation: 'Query', input }, { all: true });
    expect(all.items).toHaveLength(61);
    expect(all.pages).toBe(3);
    expect(all.truncated).toBe(false);
    expect(all.lastEvaluatedKey).toBeUndefined();
    expect(new Set(all.items.map((i) => JSON.stringify(i))).size).toBe(61);
    const capped = await runOperation(connection, { operation: 'Query', input }, { all: true, maxItems: 30 });
    expect(capped.items).toHaveLength(30);
    expect(capped.truncated).toBe(true);
    const rest = await runOperation(
      connection,
      { operation: 'Query', input },
      { all: true, exclusiveStartKey: capped.lastEvaluatedKey! },
    );
    expect([...capped.items, ...rest.items]).toEqual(all.items);
  });

  it('Scan with a limit and fetch all', async () => {
    const connection = testConnection(engine.client);
    const page = await runOperation(connection, { operation: 'Scan', input: { TableName: 'Shop', Limit: 10 } });
    expect(page.items).toHaveLength(10);
    const all = await runOperation(
      connection,
      { operation: 'Scan', input: { TableName: 'Shop', Limit: 50 } },
      { all: true },
    );
    expect(all.count).toBe(122);
    expect(all.pages).toBe(3);
  });

  it('BatchGet reads more than 100 keys, drops duplicates, keeps values exact', async () => {
    const connection = testConnection(engine.client);
    const keys: Item[] = orders.map((o) => ({ pk: o['pk']!, sk: o['sk']! }));
    keys.push({ sk: orders[0]!['sk']!, pk: orders[0]!['pk']! }, { pk: { S: 'CUST#nobody' }, sk: { S: 'ORDER#0000' } });
    const result = await runOperation(connection, {
      operation: 'BatchGetItem',
      input: { RequestItems: { Shop: { Keys: keys } } },
    });
    expect(result.items).toHaveLength(120);
    expect(result.pages).toBe(2);
    const byId = new Map(result.items.map((i) => [JSON.stringify(i['sk']), i]));
    expect(byId.get(JSON.stringify(orders[99]!['sk']))).toEqual(orders[99]);
  });

  it('runs the UnprocessedKeys loop until every key is read (dynalite pages big BatchGet answers)', async () => {
    const connection = testConnection(engine.client);
    const big: Item[] = Array.from({ length: 100 }, (_, i) => ({ ...order('big', i), pad: { S: 'x'.repeat(30_000) } }));
    await putItems(engine.client, big);
    const result = await runOperation(connection, {
      operation: 'BatchGetItem',
      input: { RequestItems: { Shop: { Keys: big.map((o) => ({ pk: o['pk']!, sk: o['sk']! })) } } },
    });
    expect(result.items).toHaveLength(100);
    expect(result.pages).toBeGreaterThan(1);
  });
});

describe('writes on the real engine', () => {
  it('Put, conditional Put, Update with return values, Delete', async () => {
    const connection = testConnection(engine.client);
    const item: Item = { ...order('w1', 1), bin: { BS: ['AAE=', '/w=='] }, nums: { NS: ['1', BIG] } };
    await runOperation(connection, { operation: 'PutItem', input: { TableName: 'Shop', Item: item } });
    const again = await monotableRejection(
      runOperation(connection, {
        operation: 'PutItem',
        input: { TableName: 'Shop', Item: item, ConditionExpression: 'attribute_not_exists(pk)' },
      }),
    );
    expect(again.code).toBe('CONDITION_FAILED');
    const updated = await runOperation(connection, {
      operation: 'UpdateItem',
      input: {
        TableName: 'Shop',
        Key: { pk: item['pk']!, sk: item['sk']! },
        UpdateExpression: 'SET #s = :s',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: { ':s': { S: 'paid' } },
        ReturnValues: 'ALL_NEW',
      },
    });
    expect(updated.attributes).toEqual({ ...item, status: { S: 'paid' } });
    const deleted = await runOperation(connection, {
      operation: 'DeleteItem',
      input: { TableName: 'Shop', Key: { pk: item['pk']!, sk: item['sk']! }, ReturnValues: 'ALL_OLD' },
    });
    expect(deleted.attributes?.['nums']).toEqual({ NS: expect.arrayContaining(['1', BIG]) });
    const gone = await runOperation(connection, {
      operation: 'GetItem',
      input: { TableName: 'Shop', Key: { pk: item['pk']!, sk: item['sk']! } },
    });
    expect(gone.items).toEqual([]);
  });

  it('refuses writes on a read-only connection and asks for confirmation on production', async () => {
    const put = { operation: 'PutItem' as const, input: { TableName: 'Shop', Item: order('w2', 1) } };
    expect((await monotableRejection(runOperation(testConnection(engine.client, { readOnly: true }), put))).code).toBe(
      'READ_ONLY',
    );
    const production = testConnection(engine.client, { production: true });
    const refused = await monotableRejection(runOperation(production, put));
    expect(refused.code).toBe('CONFIRMATION_REQUIRED');
    expect(refused.details.hint).toContain('--confirm Shop');
    await runOperation(production, put, { confirm: 'Shop' });
    const read = await runOperation(testConnection(engine.client, { readOnly: true }), {
      operation: 'GetItem',
      input: { TableName: 'Shop', Key: { pk: put.input.Item.pk!, sk: put.input.Item.sk! } },
    });
    expect(read.items).toHaveLength(1);
  });
});

describe('malformed requests', () => {
  it('a malformed typed value is BAD_INPUT with the expected form, not an internal error', async () => {
    const connection = testConnection(engine.client);
    const error = await monotableRejection(
      runOperation(connection, {
        operation: 'PutItem',
        input: { TableName: 'Shop', Item: { pk: { S: 'x' }, sk: { S: 'y' }, b: { B: 12 } } },
      }),
    );
    expect(error.code).toBe('BAD_INPUT');
    expect(error.details.hint).toMatch(/base64/);
    const twoTypes = await monotableRejection(
      runOperation(connection, {
        operation: 'GetItem',
        input: { TableName: 'Shop', Key: { pk: { S: 'x', N: '1' }, sk: { S: 'y' } } },
      }),
    );
    expect(twoTypes.code).toBe('BAD_INPUT');
  });
});

describe('transactions on the embedded engine, and what it lacks', () => {
  it('TransactWriteItems and TransactGetItems run on the embedded engine', async () => {
    const connection = testConnection(engine.client);
    await runOperation(connection, {
      operation: 'TransactWriteItems',
      input: { TransactItems: [{ Put: { TableName: 'Shop', Item: order('t', 1) } }] },
    });
    const read = await runOperation(connection, {
      operation: 'TransactGetItems',
      input: { TransactItems: [{ Get: { TableName: 'Shop', Key: { pk: { S: 'CUST#t' }, sk: { S: 'ORDER#0001' } } } }] },
    });
    expect(read.items).toEqual([order('t', 1)]);
  });

  const requests = [
    {
      operation: 'ExecuteStatement' as const,
      input: { Statement: 'SELECT * FROM "Shop" WHERE pk = ?', Parameters: [{ S: 'CUST#c1' }] },
    },
  ];
  for (const request of requests) {
    it(`${request.operation}: ENGINE_UNSUPPORTED naming the feature, on the embedded connection and even when sent`, async () => {
      const embedded = await monotableRejection(runOperation(testConnection(engine.client), request));
      expect(embedded.code).toBe('ENGINE_UNSUPPORTED');
      expect(embedded.message).toMatch(/DynamoDB Local or AWS/);
      expect(embedded.message).toMatch(/PartiQL/);
      // An endpoint connection claims every feature, so the request reaches the engine: still no raw UnknownOperationException.
      const sent = await monotableRejection(
        runOperation(testConnection(engine.client, { capabilities: FULL_CAPABILITIES }), request),
      );
      expect(sent.code).toBe('ENGINE_UNSUPPORTED');
      expect(sent.message).not.toMatch(/UnknownOperation|UnknownError/);
      expect(sent.details.hint).toMatch(/DynamoDB Local or AWS/);
    });
  }
});

describe('cancel', () => {
  it('an aborted signal stops before the next page and is not retried', async () => {
    const connection = testConnection(engine.client);
    const controller = new AbortController();
    const pages: number[] = [];
    const error = await monotableRejection(
      (async () => {
        for await (const page of readPages(
          connection,
          { operation: 'Scan', input: { TableName: 'Shop', Limit: 10 } },
          { all: true, signal: controller.signal },
        )) {
          pages.push(page.items.length);
          if (pages.length === 2) controller.abort();
        }
      })(),
    );
    expect(error.code).toBe('CANCELLED');
    expect(pages).toEqual([10, 10]);
    expect(error.details['itemsLoaded']).toBe(20);
    expect(error.details['lastEvaluatedKey']).toBeDefined();
  });
});
