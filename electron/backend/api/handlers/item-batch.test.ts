import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Item } from '../../../../shared/model/attribute-value.js';
import { countItems, createTable } from '../../../../test/faults/seed-fixtures.js';
import { type ApiTestEngine, startApiTestEngine } from '../../../../test/support/api-engine.js';
import { cruddurModel } from '../../../../test/support/cruddur-model.js';
import { createInProcessClient } from '../in-process-client.js';

const api = createInProcessClient();
let engine: ApiTestEngine;

beforeAll(async () => {
  engine = await startApiTestEngine(api);
});

afterAll(async () => engine?.stop());

function item(i: number): Item {
  return {
    pk: { S: `MSG#${i % 40}` },
    sk: { S: `2026-01-01T00:00:${String(i).padStart(6, '0')}` },
    big: { N: '12345678901234567890123456789012345678' },
    tags: { SS: ['a', 'b'] },
  };
}

describe('item.writeBatch (bulk put/delete of selected rows, imports)', () => {
  it('puts 10,000 items and deletes them again in requests of 25, with progress; values stay as they were', async () => {
    const model = cruddurModel({ tableName: 'bulk' });
    await createTable(engine.client, model.tables[0]!);
    const items = Array.from({ length: 10_000 }, (_, i) => item(i));
    const events: { done: number; total: number }[] = [];
    const put = await api.call(
      'item.writeBatch',
      { connectionId: engine.connectionId, table: 'bulk', puts: items },
      { onEvent: (e) => events.push(e) },
    );
    expect(put).toMatchObject({ ok: true, value: { total: 10_000, done: 10_000, failed: 0, put: 10_000 } });
    expect(events.at(-1)).toMatchObject({ done: 10_000, total: 10_000 });
    expect(events.some((e) => e.done > 0 && e.done < 10_000)).toBe(true);
    expect(await countItems(engine.client, 'bulk')).toBe(10_000);
    const got = await api.call('operation.run', {
      connectionId: engine.connectionId,
      operation: 'GetItem',
      input: { TableName: 'bulk', Key: { pk: items[7]!.pk, sk: items[7]!.sk } },
    });
    expect(got.ok && got.value.items[0]).toEqual(items[7]);

    const keys = items.map(({ pk, sk }) => ({ pk: pk!, sk: sk! }));
    const del = await api.call('item.writeBatch', { connectionId: engine.connectionId, table: 'bulk', deletes: keys });
    expect(del).toMatchObject({ ok: true, value: { done: 10_000, failed: 0, deleted: 10_000 } });
    expect(await countItems(engine.client, 'bulk')).toBe(0);
  });

  it('a production connection needs the table name; a read-only one refuses', async () => {
    const prod = await api.call('connection.open', { kind: 'endpoint', url: engine.engine.endpoint, production: true });
    if (!prod.ok) throw new Error(prod.error.message);
    const refused = await api.call('item.writeBatch', {
      connectionId: prod.value.connectionId,
      table: 'bulk',
      deletes: [{ pk: { S: 'x' }, sk: { S: 'y' } }],
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFIRMATION_REQUIRED' } });
    const ro = await api.call('connection.open', { kind: 'endpoint', url: engine.engine.endpoint, readOnly: true });
    if (!ro.ok) throw new Error(ro.error.message);
    const readOnly = await api.call('item.writeBatch', {
      connectionId: ro.value.connectionId,
      table: 'bulk',
      puts: [item(1)],
    });
    expect(readOnly).toMatchObject({ ok: false, error: { code: 'READ_ONLY' } });
  });
});
