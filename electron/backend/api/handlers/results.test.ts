import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResultPageEvent } from '../../../../shared/api/methods/results.js';
import { BIG, SHOP_MODEL, createShopTable, order, putItems } from '../../../../test/operations/shop-model.js';
import { startApiTestEngine, type ApiTestEngine } from '../../../../test/support/api-engine.js';
import { tempFolder } from '../../../../test/support/temp-folder.js';
import { openResultSets } from '../../results/result-store.js';
import { createInProcessClient } from '../in-process-client.js';

const api = createInProcessClient();
let engine: ApiTestEngine;
const orders = Array.from({ length: 120 }, (_, i) => order('c1', i));

beforeAll(async () => {
  engine = await startApiTestEngine(api);
  await createShopTable(engine.client);
  await putItems(engine.client, orders);
});
afterAll(async () => engine?.stop());

async function call<M extends Parameters<typeof api.call>[0]>(
  method: M,
  input: Parameters<typeof api.call<M>>[1],
  options?: Parameters<typeof api.call<M>>[2],
) {
  const out = await api.call(method, input, options);
  if (!out.ok) throw Object.assign(new Error(out.error.message), out.error);
  return out.value;
}

const scan = { method: 'operation.scan' as const, input: { model: SHOP_MODEL, limit: 25 } };

describe('results api', () => {
  it('reads a Scan into a result set page by page: events carry figures, windows carry the rows', async () => {
    const { resultId } = await call('results.create', { keyNames: ['pk', 'sk'] });
    const events: ResultPageEvent[] = [];
    const first = await call(
      'results.read',
      { resultId, connectionId: engine.connectionId, read: scan, maxItems: 50 },
      { onEvent: (e) => void events.push(e) },
    );
    expect(first.total).toBe(50);
    expect(first.lastEvaluatedKey).toBeDefined();
    expect(first.request.operation).toBe('Scan');
    expect(events.map((e) => e.total)).toEqual([25, 50]);
    expect(events.every((e) => !('pageItems' in e))).toBe(true);
    expect(first.attributes.slice(0, 2)).toEqual(['pk', 'sk']);
    const rest = await call('results.read', {
      resultId,
      connectionId: engine.connectionId,
      read: scan,
      more: true,
    });
    expect(rest.total).toBe(120);
    expect(rest.lastEvaluatedKey).toBeUndefined();
    const window = await call('results.window', { resultId, offset: 0, count: 120 });
    const keys = new Set(window.rows.map((r) => JSON.stringify([r.item.pk, r.item.sk])));
    expect(keys.size).toBe(120); // every row once, none lost or repeated across the two loads
    expect(window.rows.find((r) => r.item['big'])?.item['big']).toEqual({ N: BIG });

    // Sort by a number column, descending: the backend's permutation.
    await call('results.sort', { resultId, column: 'total', descending: true });
    const sorted = await call('results.window', { resultId, offset: 0, count: 120 });
    const totals = sorted.rows.map((r) => Number((r.item['total'] as { N: string }).N));
    expect(totals).toEqual([...totals].sort((a, b) => b - a));
    // Sort by the entity decoded from the model's key templates works too.
    await call('results.sort', { resultId, column: 'Entity', entity: { model: SHOP_MODEL, table: 'Shop' } });

    // Edit: replace, append, remove.
    const edited = await call('results.edit', {
      resultId,
      replace: [{ id: sorted.rows[0]!.id, item: { ...sorted.rows[0]!.item, note: { S: 'edited' } } }],
      append: [order('c2', 1)],
      remove: [sorted.rows[1]!.id],
    });
    expect(edited.total).toBe(120);
    expect(edited.appended).toHaveLength(1);
    expect(edited.attributes).toContain('note');
    const [again] = (await call('results.rows', { resultId, ids: [sorted.rows[0]!.id] })).rows;
    expect(again!.item['note']).toEqual({ S: 'edited' });

    expect((await call('results.close', { resultId })).closed).toBe(true);
    expect(openResultSets()).not.toContain(resultId);
    await expect(call('results.window', { resultId, offset: 0, count: 1 })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('a cancelled read keeps the rows it read and where to resume', async () => {
    const { resultId } = await call('results.create', {});
    const controller = new AbortController();
    const out = await api.call(
      'results.read',
      { resultId, connectionId: engine.connectionId, read: scan },
      { signal: controller.signal, onEvent: () => controller.abort() },
    );
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.error.code).toBe('CANCELLED');
    const window = await call('results.window', { resultId, offset: 0, count: 1000 });
    expect(window.total).toBe(25);
    const more = await call('results.read', { resultId, connectionId: engine.connectionId, read: scan, more: true });
    expect(more.total).toBe(120);
    await call('results.close', { resultId });
  });

  it('a pattern served by GetItem fills the result set with its item', async () => {
    const { resultId } = await call('results.create', {});
    const read = {
      method: 'operation.runPattern' as const,
      input: {
        model: SHOP_MODEL,
        pattern: 'get-order',
        params: { customer_id: 'c1', order_id: (orders[5]!['order_id'] as { S: string }).S },
      },
    };
    const out = await call('results.read', { resultId, connectionId: engine.connectionId, read });
    expect(out.request.operation).toBe('GetItem');
    expect(out.total).toBe(1);
    expect((await call('results.window', { resultId, offset: 0, count: 5 })).rows[0]!.item).toEqual(orders[5]);
    await call('results.close', { resultId });
  });

  it('a result set can hold given items (a single request’s outcome)', async () => {
    const made = await call('results.create', { items: [order('c9', 1)], keyNames: ['sk'] });
    expect(made.total).toBe(1);
    expect(made.attributes[0]).toBe('sk');
    await call('results.close', { resultId: made.resultId });
  });

  it('exports a result set to a file (the desktop save path): every row, every digit, atomic, no overwrite by surprise', async () => {
    const folder = await tempFolder('results-export');
    const { resultId } = await call('results.create', { keyNames: ['pk', 'sk'] });
    await call('results.read', { resultId, connectionId: engine.connectionId, read: scan });
    const path = join(folder, 'orders.ddb.jsonl');
    const out = await call('results.export', { resultId, format: 'ddb-jsonl', path });
    expect(out).toMatchObject({ path, rows: 120 });
    const text = await readFile(path, 'utf8');
    expect(out.bytes).toBe(Buffer.byteLength(text));
    const lines = text.trimEnd().split('\n');
    expect(lines).toHaveLength(120);
    expect(text).toContain(`"N":"${BIG}"`); // 38 digits, as stored

    await writeFile(path, 'keep me');
    await expect(call('results.export', { resultId, format: 'csv', path })).rejects.toMatchObject({
      code: 'FILE_CHANGED',
    });
    expect(await readFile(path, 'utf8')).toBe('keep me');
    await expect(call('results.export', { resultId, format: 'csv', path: folder })).rejects.toMatchObject({
      code: 'BAD_INPUT',
    });

    const controller = new AbortController();
    controller.abort();
    const cancelled = await api.call(
      'results.export',
      { resultId, format: 'csv', path, force: true },
      { signal: controller.signal },
    );
    expect(cancelled.ok).toBe(false);
    expect(await readFile(path, 'utf8')).toBe('keep me'); // a cancelled export leaves the old file

    const csv = await call('results.export', { resultId, format: 'csv', path, force: true });
    expect(csv.rows).toBe(120);
    expect((await readFile(path, 'utf8')).split('\n')[0]).toMatch(/^pk,sk,/);
    expect((await readdir(folder)).sort()).toEqual(['orders.ddb.jsonl']); // no temp file left
    await call('results.close', { resultId });
  });
});
