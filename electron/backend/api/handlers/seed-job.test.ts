import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countItems, createTable } from '../../../../test/faults/seed-fixtures.js';
import { type ApiTestEngine, startApiTestEngine } from '../../../../test/support/api-engine.js';
import { cruddurModel } from '../../../../test/support/cruddur-model.js';
import { createInProcessClient } from '../in-process-client.js';

const api = createInProcessClient();
let engine: ApiTestEngine;
let connectionId: string;

beforeAll(async () => {
  engine = await startApiTestEngine(api);
  connectionId = engine.connectionId;
});

afterAll(async () => engine?.stop());

describe('seed jobs (a seed that outlives the page that started it)', () => {
  it('seed.start returns at once; a watcher that leaves does not stop it; a second watcher gets the summary', async () => {
    const model = cruddurModel({ tableName: 'job-seed' });
    await createTable(engine.client, model.tables[0]!);
    const started = await api.call('seed.start', { connectionId, model, counts: { Conversation: 20, Message: 3960 } });
    if (!started.ok) throw new Error(started.error.message);
    expect(started.value).toMatchObject({ table: 'job-seed', state: 'running' });
    const { jobId } = started.value;

    // A page that reloads: its watch is cancelled after the first progress event.
    const first = new AbortController();
    const seen: unknown[] = [];
    const left = await api.call(
      'seed.attach',
      { jobId },
      {
        signal: first.signal,
        onEvent: (e) => {
          seen.push(e);
          first.abort();
        },
      },
    );
    expect(seen.length).toBeGreaterThan(0);
    if (left.ok) expect(left.value.jobId).toBe(jobId);

    // The reloaded page finds the job and follows it to the end.
    const status = await api.call('seed.status', {});
    if (!status.ok) throw new Error(status.error.message);
    expect(status.value.jobs.map((j) => j.jobId)).toContain(jobId);
    const end = await api.call('seed.attach', { jobId });
    expect(end).toMatchObject({
      ok: true,
      value: { state: 'done', summary: { planned: 4000, written: 4000, failed: 0, unknown: 0 } },
    });
    expect(await countItems(engine.client, 'job-seed')).toBe(4000);
  });

  it('seed.cancel stops a running job; its summary accounts for every planned item', async () => {
    const model = cruddurModel({ tableName: 'job-seed-cancel' });
    await createTable(engine.client, model.tables[0]!);
    const started = await api.call('seed.start', {
      connectionId,
      model,
      counts: { Conversation: 100, Message: 19_800 },
    });
    if (!started.ok) throw new Error(started.error.message);
    const cancelled = await api.call('seed.cancel', { jobId: started.value.jobId });
    if (!cancelled.ok) throw new Error(cancelled.error.message);
    expect(cancelled.value.state).toBe('cancelled');
    const s = cancelled.value.summary!;
    expect(s.written + s.failed + s.skippedExisting + s.unknown + s.notStarted).toBe(20_000);
    expect(s.written).toBeLessThan(20_000);
  });

  it('an unknown job is NOT_FOUND', async () => {
    expect(await api.call('seed.attach', { jobId: 'nope' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
