import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPattern } from '../../electron/backend/operations/run-pattern.js';
import type { TestEngine } from '../support/engine.js';
import { monotableRejection } from '../support/rejection.js';
import { DYNALITE_CAPABILITIES } from '../../electron/backend/connections/connection.js';
import { BIG, SHOP_MODEL, order, testConnection, startShopEngine } from './shop-model.js';

let engine: TestEngine;
const orders = Array.from({ length: 30 }, (_, i) => order('c1', i));

beforeAll(async () => {
  engine = await startShopEngine(orders);
});
afterAll(async () => engine?.stop());

describe('runPattern on the real engine', () => {
  it('get: renders the key from the entity templates', async () => {
    const run = await runPattern(testConnection(engine.client), SHOP_MODEL, 'get-order', {
      customer_id: 'c1',
      order_id: '0004',
    });
    expect(run.request.operation).toBe('GetItem');
    expect(run.result.items).toEqual([orders[4]]);
  });

  it('query: newest first on the table, and on the GSI with fetch all', async () => {
    const connection = testConnection(engine.client);
    const newest = await runPattern(connection, SHOP_MODEL, 'orders-of-customer', { customer_id: 'c1' }, { all: true });
    expect(newest.result.items.map((i) => i['order_id'])).toEqual([...orders].reverse().map((o) => o['order_id']));
    const open = await runPattern(connection, SHOP_MODEL, 'orders-by-status', { status: 'open' }, { all: true });
    expect(open.request.input['IndexName']).toBe('gsi1');
    expect(open.result.count).toBe(15);
  });

  it('put: writes every attribute, numbers keep their digits', async () => {
    const connection = testConnection(engine.client);
    await runPattern(connection, SHOP_MODEL, 'put-order', {
      customer_id: 'c9',
      order_id: '0001',
      status: 'open',
      created_at: '2026-02-02',
      total: BIG,
    });
    const read = await runPattern(connection, SHOP_MODEL, 'get-order', { customer_id: 'c9', order_id: '0001' });
    expect(read.result.items[0]?.['total']).toEqual({ N: BIG });
    expect(read.result.items[0]?.['gsi1pk']).toEqual({ S: 'STATUS#open' });
  });

  it('transact-write on the embedded engine: written as one transaction; refused where the engine lacks them', async () => {
    const params = { customer_id: 'c8', order_id: '0001', status: 'open', created_at: '2026-02-02', total: '5' };
    const plain = await monotableRejection(
      runPattern(
        testConnection(engine.client, { capabilities: DYNALITE_CAPABILITIES }),
        SHOP_MODEL,
        'place-order',
        params,
      ),
    );
    expect(plain.code).toBe('ENGINE_UNSUPPORTED');
    expect(plain.message).toMatch(/Transactions .* DynamoDB Local or AWS/);
    const placed = await runPattern(testConnection(engine.client), SHOP_MODEL, 'place-order', params);
    expect(placed.request.operation).toBe('TransactWriteItems');
    const read = await runPattern(testConnection(engine.client), SHOP_MODEL, 'get-order', {
      customer_id: 'c8',
      order_id: '0001',
    });
    expect(read.result.items[0]?.['total']).toEqual({ N: '5' });
  });

  it('a missing or unknown parameter is BAD_INPUT naming it and listing the parameters', async () => {
    const connection = testConnection(engine.client);
    const missing = await monotableRejection(runPattern(connection, SHOP_MODEL, 'get-order', { customer_id: 'c1' }));
    expect(missing.code).toBe('BAD_INPUT');
    expect(missing.message).toContain('"order_id"');
    expect(missing.details.hint).toContain('customer_id, order_id');
    const unknown = await monotableRejection(
      runPattern(connection, SHOP_MODEL, 'get-order', { customer_id: 'c1', order_id: '1', colour: 'red' }),
    );
    expect(unknown.message).toContain('"colour"');
    expect(unknown.details.hint).toContain('customer_id, order_id');
    const noPattern = await monotableRejection(runPattern(connection, SHOP_MODEL, 'nope', {}));
    expect(noPattern.code).toBe('NOT_FOUND');
  });
});
