import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hideExpired } from '../../electron/backend/operations/hide-expired.js';
import { runPattern } from '../../electron/backend/operations/run-pattern.js';
import type { Model } from '../../shared/model/schema.js';
import type { TestEngine } from '../support/engine.js';
import { order, SHOP_MODEL, startShopEngine, testConnection } from './shop-model.js';

const WITH_TTL: Model = { ...SHOP_MODEL, tables: SHOP_MODEL.tables.map((t) => ({ ...t, ttlAttribute: 'expires_at' })) };
const now = Math.floor(Date.now() / 1000);
let engine: TestEngine;

beforeAll(async () => {
  // TTL is not enabled on the table: expired items stay, as on AWS before its sweeper comes by.
  engine = await startShopEngine([
    { ...order('e', 1), expires_at: { N: String(now - 60) } },
    { ...order('e', 2), expires_at: { N: String(now + 3600) } },
    order('e', 3),
  ]);
});
afterAll(() => engine.stop());

describe('reads that hide expired items (AWS: filter them until they are deleted)', () => {
  it('a query pattern leaves out items whose TTL has passed; without the option they are there', async () => {
    const connection = testConnection(engine.client);
    const all = await runPattern(connection, WITH_TTL, 'orders-of-customer', { customer_id: 'e' }, { all: true });
    expect(all.result.items.map((i) => i['order_id'])).toEqual([{ S: '0003' }, { S: '0002' }, { S: '0001' }]);
    const fresh = await runPattern(
      connection,
      WITH_TTL,
      'orders-of-customer',
      { customer_id: 'e' },
      { all: true, hideExpired: true },
    );
    expect(fresh.result.items.map((i) => i['order_id'])).toEqual([{ S: '0003' }, { S: '0002' }]);
    expect(fresh.request.input['FilterExpression']).toBe(
      '(attribute_not_exists(#monotable_ttl) OR #monotable_ttl > :monotable_now)',
    );
  });

  it("is ANDed with the request's own filter and leaves other operations alone", () => {
    const scan = hideExpired(
      {
        operation: 'Scan',
        input: {
          TableName: 'T',
          FilterExpression: '#s = :s',
          ExpressionAttributeNames: { '#s': 'status' },
          ExpressionAttributeValues: { ':s': { S: 'open' } },
        },
      },
      'ttl',
      1_000.7,
    );
    expect(scan.input).toEqual({
      TableName: 'T',
      FilterExpression: '(#s = :s) AND (attribute_not_exists(#monotable_ttl) OR #monotable_ttl > :monotable_now)',
      ExpressionAttributeNames: { '#s': 'status', '#monotable_ttl': 'ttl' },
      ExpressionAttributeValues: { ':s': { S: 'open' }, ':monotable_now': { N: '1000' } },
    });
    const get = { operation: 'GetItem' as const, input: { TableName: 'T', Key: {} } };
    expect(hideExpired(get, 'ttl', 1)).toBe(get);
  });
});
