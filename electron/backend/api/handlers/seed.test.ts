import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cruddurMessaging } from '../../../../shared/templates/cruddur-messaging.js';
import { countItems, createTable } from '../../../../test/faults/seed-fixtures.js';
import { cruddurModel } from '../../../../test/support/cruddur-model.js';
import { startApiTestEngine, type ApiTestEngine } from '../../../../test/support/api-engine.js';
import { createInProcessClient } from '../in-process-client.js';

const api = createInProcessClient();
let engine: ApiTestEngine;
let connectionId: string;

beforeAll(async () => {
  engine = await startApiTestEngine(api);
  connectionId = engine.connectionId;
});

afterAll(async () => engine?.stop());

describe('seed api', () => {
  it('seed.plan previews counts and sample items without a connection', async () => {
    const result = await api.call('seed.plan', { model: cruddurMessaging, seed: 4, sample: 3 });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.counts[0]).toEqual({
      entity: 'MessageGroup',
      count: expect.any(Number),
      parent: 'Conversation',
    });
    expect(result.value.sample).toHaveLength(3);
    expect(result.value.sample[0]!.item.pk).toEqual({ S: expect.stringMatching(/^MSG#/) });
  });

  it('seed.plan reports a bad faker path as an error envelope with the model path', async () => {
    const model = structuredClone(cruddurMessaging);
    model.tables[0]!.entities[0]!.attributes[3]!.generator = { kind: 'faker', method: 'constructor.constructor' };
    const result = await api.call('seed.plan', { model });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'SCHEMA_ERROR', details: { path: '$.tables[0].entities[0].attributes[3].generator.method' } },
    });
  });

  it('seed.run writes the plan, streams progress events and returns the summary', async () => {
    const model = cruddurModel({ tableName: 'api-seed' });
    await createTable(engine.client, model.tables[0]!);
    const events: unknown[] = [];
    const result = await api.call(
      'seed.run',
      { connectionId, model, counts: { Conversation: 10, Message: 980 } },
      { onEvent: (e) => events.push(e) },
    );
    expect(result).toMatchObject({ ok: true, value: { planned: 1000, written: 1000, failed: 0 } });
    expect(events.at(-1)).toMatchObject({ planned: 1000, written: 1000 });
    expect(await countItems(engine.client, 'api-seed')).toBe(1000);
  });

  it('seed.run is cancelled by the call signal and says so in the summary', async () => {
    const model = cruddurModel({ tableName: 'api-seed-cancel' });
    await createTable(engine.client, model.tables[0]!);
    const controller = new AbortController();
    const result = await api.call(
      'seed.run',
      { connectionId, model, counts: { Conversation: 50, Message: 4900 } },
      {
        signal: controller.signal,
        onEvent: (e) => {
          if (e.written >= 500) controller.abort();
        },
      },
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.cancelled).toBe(true);
    expect(result.value.written).toBeLessThan(5000);
  });
});
