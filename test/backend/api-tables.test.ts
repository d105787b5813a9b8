import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createInProcessClient } from '../../electron/backend/api/in-process-client.js';
import { startApiTestEngine, type ApiTestEngine } from '../support/api-engine.js';
import { ordersModel } from './table-model.js';

const api = createInProcessClient();
let engine: ApiTestEngine;
let connectionId: string;
beforeAll(async () => {
  engine = await startApiTestEngine(api);
  connectionId = engine.connectionId;
});
afterAll(async () => engine.stop());

describe('table api', () => {
  test('create with progress events, list, describe, drift, add indexes (unsupported on dynalite), delete', async () => {
    const events: { phase: string }[] = [];
    const created = await api.call(
      'table.create',
      { connectionId, model: ordersModel({ globalSecondaryIndexes: [] }) },
      { onEvent: (e) => events.push(e) },
    );
    expect(created).toMatchObject({
      ok: true,
      value: { tables: [{ table: 'Orders', outcome: 'created', ttl: 'applied' }] },
    });
    expect(events.map((e) => e.phase)).toContain('done');
    expect(await api.call('table.list', { connectionId })).toEqual({ ok: true, value: { tables: ['Orders'] } });
    const described = await api.call('table.describe', { connectionId, table: 'Orders' });
    expect(described.ok && described.value.description.TableStatus).toBe('ACTIVE');
    expect(described.ok && typeof described.value.description.CreationDateTime).toBe('string');
    const drift = await api.call('table.drift', { connectionId, model: ordersModel() });
    expect(drift.ok && drift.value.differences.map((d) => d.path)).toEqual(['gsi[by-customer]', 'gsi[by-status]']);
    const add = await api.call('table.addMissingIndexes', { connectionId, model: ordersModel() });
    expect(!add.ok && add.error.code).toBe('ENGINE_UNSUPPORTED');
    const deleted = await api.call('table.delete', { connectionId, table: 'Orders' });
    expect(deleted.ok && deleted.value.table).toBe('Orders');
    expect(await api.call('table.list', { connectionId })).toEqual({ ok: true, value: { tables: [] } });
  });

  test('errors come back as envelopes with codes', async () => {
    const missing = await api.call('table.describe', { connectionId, table: 'Nope' });
    expect(!missing.ok && missing.error.code).toBe('TABLE_NOT_FOUND');
    const unknown = await api.call('table.list', { connectionId: 'no-such-id' });
    expect(!unknown.ok && unknown.error.code).toBe('NOT_FOUND');
  });
});
