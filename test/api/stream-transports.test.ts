import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../shared/api/client.js';
import type { PageEvent } from '../../shared/api/methods/operations.js';
import { startTestEngine, type TestEngine } from '../support/engine.js';
import { SHOP_MODEL, createShopTable, order, putItems } from '../operations/shop-model.js';
import { TRANSPORTS } from './transports.js';

/**
 * A long read streams the same way over every transport the UI uses: each page is an event with its items, the
 * envelope comes after the last one and holds none, and cancelling stops further pages.
 */
let engine: TestEngine;
const orders = Array.from({ length: 95 }, (_, i) => order(`s${i % 3}`, i));

beforeAll(async () => {
  engine = await startTestEngine();
  await createShopTable(engine.client);
  await putItems(engine.client, orders);
});
afterAll(async () => engine?.stop());

describe.each(TRANSPORTS)('streamed reads over $name', (transport) => {
  let client: ApiClient;
  let close: () => Promise<void>;
  let connectionId: string;
  beforeAll(async () => {
    ({ client, close } = await transport.open());
    const opened = await client.call('connection.open', { kind: 'endpoint', url: engine.engine.endpoint });
    if (!opened.ok) throw new Error(opened.error.message);
    connectionId = opened.value.connectionId;
  });
  afterAll(async () => {
    await client?.call('connection.close', { connectionId });
    await close?.();
  });

  it('every page is an event with its items; the result has the totals and no items', async () => {
    const events: PageEvent[] = [];
    const result = await client.call(
      'operation.scan',
      { connectionId, model: SHOP_MODEL, limit: 10, all: true, stream: true },
      { onEvent: (e) => void events.push(e) },
    );
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.result).toMatchObject({ items: [], count: 95, pages: 10, truncated: false });
    expect(events.map((e) => e.pageItems?.length)).toEqual([...Array(9).fill(10), 5]);
    expect(events.at(-1)).toMatchObject({ pages: 10, items: 95 });
    const keys = new Set(events.flatMap((e) => e.pageItems!.map((i) => JSON.stringify([i['pk'], i['sk']]))));
    expect(keys.size).toBe(95);
  });

  it('cancelling after a page stops the read', async () => {
    const controller = new AbortController();
    const events: PageEvent[] = [];
    const result = await client.call(
      'operation.scan',
      { connectionId, model: SHOP_MODEL, limit: 10, all: true, stream: true },
      {
        signal: controller.signal,
        onEvent: (e) => {
          events.push(e);
          if (events.length === 2) controller.abort();
        },
      },
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    expect(events.length).toBeGreaterThanOrEqual(2);
    expect(events.length).toBeLessThan(10);
  });
});
