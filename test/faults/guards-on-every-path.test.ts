import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Model } from '../../shared/model/schema.js';
import { createInProcessClient } from '../../electron/backend/api/in-process-client.js';
import { SHOP_MODEL } from '../operations/shop-model.js';
import { startApiTestEngine, type ApiTestEngine } from '../support/api-engine.js';

/** §2 of the guards issue: every guard runs at the one door, so every verb and every connection gets it. */
const api = createInProcessClient();
let engine: ApiTestEngine;
let production: string;

const table = SHOP_MODEL.tables[0]!;
const entity = table.entities[0]!;
const seedable: Model = {
  ...SHOP_MODEL,
  tables: [{ ...table, entities: [{ ...entity, seed: { count: 5 } }], accessPatterns: [] }],
};

beforeAll(async () => {
  engine = await startApiTestEngine(api);
  const opened = await api.call('connection.open', { kind: 'endpoint', url: engine.engine.endpoint, production: true });
  if (!opened.ok) throw new Error(opened.error.message);
  production = opened.value.connectionId;
});
afterAll(async () => {
  await api.call('connection.close', { connectionId: production });
  await engine?.stop();
});

describe('guards on every path', () => {
  it('table.create refuses a model with errors unless forced', async () => {
    // A key name of 100 emoji is 400 UTF-8 bytes (DynamoDB allows 255); the embedded engine counts 200 characters.
    const broken: Model = {
      ...SHOP_MODEL,
      tables: [
        { ...table, name: 'Broken', partitionKey: { name: '😀'.repeat(100), type: 'S' }, localSecondaryIndexes: [] },
      ],
    };
    const refused = await api.call('table.create', { connectionId: engine.connectionId, model: broken });
    expect(refused).toMatchObject({ ok: false, error: { code: 'MODEL_INVALID', message: /no table was created/ } });
    const listed = await api.call('table.list', { connectionId: engine.connectionId });
    expect(listed.ok && listed.value.tables).not.toContain('Broken');
    const forced = await api.call('table.create', { connectionId: engine.connectionId, model: broken, force: true });
    expect(forced).toMatchObject({ ok: true });
  });

  it('seeding a production connection needs --confirm TABLE (seed.run and seed.start), like every other write', async () => {
    const created = await api.call('table.create', { connectionId: engine.connectionId, model: seedable });
    if (!created.ok) throw new Error(created.error.message);
    for (const method of ['seed.run', 'seed.start'] as const) {
      const refused = await api.call(method, { connectionId: production, model: seedable });
      expect(refused, method).toMatchObject({ ok: false, error: { code: 'CONFIRMATION_REQUIRED' } });
      const wrong = await api.call(method, { connectionId: production, model: seedable, confirm: 'Shoe' });
      expect(wrong, method).toMatchObject({ ok: false, error: { code: 'CONFIRMATION_REQUIRED' } });
    }
    const scan = await api.call('operation.scan', { connectionId: engine.connectionId, model: seedable });
    expect(scan.ok && scan.value.result.items).toEqual([]);
    const confirmed = await api.call('seed.run', { connectionId: production, model: seedable, confirm: 'Shop' });
    expect(confirmed).toMatchObject({ ok: true, value: { written: 5 } });
    const write = await api.call('item.writeBatch', { connectionId: production, table: 'Shop', deletes: [] });
    expect(write).toMatchObject({ ok: false, error: { code: 'CONFIRMATION_REQUIRED' } });
  });

  it('deletion protection in the model is honoured on every connection, not only AWS', async () => {
    const guarded: Model = { ...SHOP_MODEL, tables: [{ ...table, name: 'Guarded', deletionProtection: true }] };
    const created = await api.call('table.create', { connectionId: engine.connectionId, model: guarded });
    if (!created.ok) throw new Error(created.error.message);
    const refused = await api.call('table.delete', {
      connectionId: engine.connectionId,
      table: 'Guarded',
      model: guarded,
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'DELETION_PROTECTED' } });
    const listed = await api.call('table.list', { connectionId: engine.connectionId });
    expect(listed.ok && listed.value.tables).toContain('Guarded');
  });

  it('seeding a table whose key types differ from the model is refused before writing', async () => {
    const model: Model = {
      ...seedable,
      tables: [{ ...seedable.tables[0]!, name: 'Typed', localSecondaryIndexes: [] }],
    };
    const numeric: Model = { ...model, tables: [{ ...model.tables[0]!, sortKey: { name: 'sk', type: 'N' } }] };
    const created = await api.call('table.create', { connectionId: engine.connectionId, model: numeric, force: true });
    if (!created.ok) throw new Error(created.error.message);
    const result = await api.call('seed.run', { connectionId: engine.connectionId, model });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: /key types .*sk N.*sk S/ } });
    const scan = await api.call('operation.scan', { connectionId: engine.connectionId, model, table: 'Typed' });
    expect(scan.ok && scan.value.result.items).toEqual([]);
  });

  it('counts and scales beyond what can be planned are a clear error up front', async () => {
    for (const extra of [{ scale: 1e300 }, { scale: 1e9 }, { counts: { Order: 200_000_000 } }]) {
      const result = await api.call('seed.plan', { model: seedable, sample: 1, ...extra });
      expect(result, JSON.stringify(extra)).toMatchObject({
        ok: false,
        error: { code: 'BAD_INPUT', message: /at most 100,000,000/ },
      });
    }
  });

  it('scan --segments N works for any N the option accepts, with a bounded number in flight and no warnings', async () => {
    const warnings: Error[] = [];
    const onWarning = (w: Error) => warnings.push(w);
    process.on('warning', onWarning);
    try {
      for (const segments of [2, 17, 1000]) {
        let items = 0;
        const result = await api.call(
          'operation.scan',
          { connectionId: engine.connectionId, model: seedable, table: 'Shop', segments, all: true, stream: true },
          { onEvent: (e) => void (items += (e as { pageItems?: unknown[] }).pageItems?.length ?? 0) },
        );
        if (!result.ok) throw new Error(result.error.message);
        expect(items, `${segments} segments`).toBe(5);
      }
      await new Promise((r) => setTimeout(r, 50)); // warnings are emitted on a later tick
    } finally {
      process.off('warning', onWarning);
    }
    expect(warnings.map((w) => w.message)).toEqual([]);
  });
});
