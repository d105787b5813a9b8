import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Item } from '../../../../shared/model/attribute-value.js';
import { BIG, SHOP_MODEL, createShopTable, order, putItems } from '../../../../test/operations/shop-model.js';
import { startApiTestEngine, type ApiTestEngine } from '../../../../test/support/api-engine.js';
import { createInProcessClient } from '../in-process-client.js';

const api = createInProcessClient();
let engine: ApiTestEngine;
let connectionId: string;
const orders = Array.from({ length: 30 }, (_, i) => order('c1', i));

beforeAll(async () => {
  engine = await startApiTestEngine(api);
  connectionId = engine.connectionId;
  await createShopTable(engine.client);
  await putItems(engine.client, orders);
});
afterAll(async () => engine?.stop());

describe('operations api', () => {
  it('operation.runPattern returns the exact request, typed items and the pattern summary; pages are events', async () => {
    const events: unknown[] = [];
    const result = await api.call(
      'operation.runPattern',
      {
        connectionId,
        model: SHOP_MODEL,
        pattern: 'orders-of-customer',
        params: { customer_id: 'c1' },
        limit: 10,
        all: true,
      },
      { onEvent: (e) => events.push(e) },
    );
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.request.operation).toBe('Query');
    expect(result.value.request.input).toMatchObject({ TableName: 'Shop', ScanIndexForward: false, Limit: 10 });
    expect(result.value.result.items).toHaveLength(30);
    expect(result.value.result.items[0]).toEqual(orders[29]);
    expect(result.value.result.items[0]!['big']).toEqual({ N: BIG });
    expect(events).toMatchObject([
      { pages: 1, items: 10, count: 10 },
      { pages: 2, items: 20, count: 10 },
      { pages: 3, items: 30, count: 10 },
      { pages: 4, items: 30, count: 0 },
    ]);
    expect(events.some((e) => 'pageItems' in (e as object))).toBe(false); // items ride along only with stream
    expect(result.value.summary).toMatch(/Query/);
  });

  it('operation.runPattern with a missing parameter is a BAD_INPUT envelope naming it', async () => {
    const result = await api.call('operation.runPattern', {
      connectionId,
      model: SHOP_MODEL,
      pattern: 'get-order',
      params: { customer_id: 'c1' },
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', details: { param: 'order_id' } } });
  });

  it('operation.query and operation.scan ad hoc', async () => {
    const query = await api.call('operation.query', {
      connectionId,
      model: SHOP_MODEL,
      table: 'Shop',
      index: 'by-total',
      partition: 'CUST#c1',
      sort: { operator: 'between', value: '100', to: '120' },
      filters: [{ attribute: 'status', operator: '=', value: 'open' }],
      projection: ['total'],
    });
    if (!query.ok) throw new Error(query.error.message);
    expect(query.value.result.items).toEqual([{ total: { N: '100' } }, { total: { N: '120' } }]);
    const scan = await api.call('operation.scan', {
      connectionId,
      model: SHOP_MODEL,
      table: 'Shop',
      limit: 7,
      all: true,
      maxItems: 20,
    });
    if (!scan.ok) throw new Error(scan.error.message);
    expect(scan.value.result).toMatchObject({ count: 20, pages: 3, truncated: true });
  });

  it('operation.run: a raw PutItem with binary and sets, read back exactly; a cancelled call is CANCELLED', async () => {
    const item: Item = { ...order('api', 1), bin: { BS: ['AAE=', '/w=='] } };
    const put = await api.call('operation.run', {
      connectionId,
      operation: 'PutItem',
      input: { TableName: 'Shop', Item: item },
    });
    expect(put).toMatchObject({ ok: true, value: { operation: 'PutItem', itemsWritten: 1, items: [] } });
    const get = await api.call('operation.run', {
      connectionId,
      operation: 'GetItem',
      input: { TableName: 'Shop', Key: { pk: item['pk'], sk: item['sk'] } },
    });
    expect(get).toMatchObject({ ok: true, value: { items: [item] } });
    const controller = new AbortController();
    controller.abort();
    const cancelled = await api.call(
      'operation.run',
      { connectionId, operation: 'Scan', input: { TableName: 'Shop' } },
      { signal: controller.signal },
    );
    expect(cancelled).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
  });
});
