import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hideExpired } from '../../electron/backend/operations/hide-expired.js';
import { runPattern } from '../../electron/backend/operations/run-pattern.js';
import type { Model } from '../../shared/model/schema.js';
import type { TestEngine } from '../support/engine.js';
import { cliFolder } from '../support/run-cli.js';
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

  it('has a door: run, query and scan --hide-expired, through the contract', async () => {
    const folder = cliFolder();
    try {
      folder.writeModel('ttl.json', WITH_TTL);
      const endpoint = ['--endpoint', engine.engine.endpoint, '--plain'];
      const ids = (stdout: string): unknown[] =>
        stdout
          .split('\n')
          .filter(Boolean)
          .map((l) => (JSON.parse(l) as { order_id: string }).order_id)
          .sort();
      const run = ['run', 'ttl.json', 'orders-of-customer', '--param', 'customer_id=e', ...endpoint];
      expect(ids((await folder.cli(...run)).stdout)).toEqual(['0001', '0002', '0003']);
      expect(ids((await folder.cli(...run, '--hide-expired')).stdout)).toEqual(['0002', '0003']);
      const query = await folder.cli('query', 'ttl.json', '--pk', 'CUST#e', '--hide-expired', ...endpoint);
      expect(ids(query.stdout)).toEqual(['0002', '0003']);
      const scan = await folder.cli('scan', 'ttl.json', '--all', '--hide-expired', ...endpoint);
      expect(ids(scan.stdout)).toEqual(['0002', '0003']);
      expect(scan.stderr).toMatch(/Scan: 2 item\(s\), 1 page\(s\), 3 scanned/);
    } finally {
      folder.remove();
    }
  });
});
