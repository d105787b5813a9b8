import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openConnection, type OpenConnection } from '../../electron/backend/connections/connection.js';
import { createEndpointClient } from '../../electron/backend/connections/local-client.js';
import { startEngine } from '../../electron/backend/engine/start-engine.js';
import { keyId } from '../../electron/backend/seed/key-id.js';
import type { SeedSummary } from '../../electron/backend/seed/seed-types.js';
import { DEFAULT_CONCURRENCY, writeSeed } from '../../electron/backend/seed/write-seed.js';
import { isMonotableError } from '../../shared/errors/monotable-error.js';
import { planSeed } from '../../shared/seed/plan-seed.js';
import type { SeedPlan } from '../../shared/seed/seed-types.js';
import { startTestEngine } from '../support/engine.js';
import { startFaultProxy, type FaultProxy, type Faults } from '../support/fault-proxy.js';
import { countItems, createTable, scanKeys } from './seed-fixtures.js';
import { cruddurModel } from '../support/cruddur-model.js';

let engine: Awaited<ReturnType<typeof startTestEngine>>;
const opened: { close(): Promise<void> }[] = [];

beforeAll(async () => {
  engine = await startTestEngine();
});

afterAll(async () => {
  for (const o of opened.reverse()) await o.close();
  await engine?.stop();
});

/** A fresh Cruddur table of exactly `groups + messages` planned items, and a connection through a fault proxy. */
async function setup(
  table: string,
  counts: { Conversation: number; Message: number },
  faults: Faults,
): Promise<{ plan: SeedPlan; proxy: FaultProxy; connection: OpenConnection }> {
  const model = cruddurModel({ tableName: table });
  await createTable(engine.client, model.tables[0]!);
  const plan = planSeed(model, { seed: 11, counts });
  const proxy = await startFaultProxy(engine.engine.endpoint, faults);
  const connection = await openConnection({ kind: 'endpoint', url: proxy.endpoint });
  opened.push(proxy, connection);
  return { plan, proxy, connection };
}

/** Every planned key is in the table exactly once and nothing else is: Scan COUNT == planned and the key sets match. */
async function expectExactly(plan: SeedPlan, client = engine.client): Promise<void> {
  expect(await countItems(client, plan.table)).toBe(plan.planned);
  const live = await scanKeys(client, plan.table, plan.keyNames);
  expect(new Set(live).size).toBe(live.length);
  const planned = new Set([...plan.items()].map((p) => keyId(plan.keyNames, p.key)));
  expect(live.filter((k) => !planned.has(k))).toEqual([]);
  expect(live.length).toBe(planned.size);
}

describe('seeding through the fault proxy', () => {
  it('writes 20,000 items exactly once with 30% of BatchWriteItem calls throttled', async () => {
    const { plan, proxy, connection } = await setup(
      'faults-throttle',
      { Conversation: 200, Message: 19_600 },
      {
        seed: 3,
        rules: [{ fault: 'throttle', operations: ['BatchWriteItem'], probability: 0.3 }],
      },
    );
    expect(plan.planned).toBe(20_000);
    // The SDK's own retries wait ~0.5-2 s per throttled attempt (its throttling base delay), so more requests in flight keep the run short.
    const summary = await writeSeed(connection, plan, { concurrency: 32, baseDelayMs: 10, maxDelayMs: 200 });
    expect(summary).toMatchObject({ planned: 20_000, written: 20_000, failed: 0, unknown: 0 });
    expect(proxy.stats.throttled).toBeGreaterThan(100);
    await expectExactly(plan);
  }, 50_000);

  it('resends only the UnprocessedItems of partially processed batches', async () => {
    const { plan, proxy, connection } = await setup(
      'faults-unprocessed',
      { Conversation: 20, Message: 1960 },
      {
        seed: 4,
        rules: [{ fault: 'unprocessed', operations: ['BatchWriteItem'], probability: 0.5, share: 0.6 }],
      },
    );
    const summary = await writeSeed(connection, plan, { baseDelayMs: 5, maxDelayMs: 50 });
    expect(summary).toMatchObject({ written: 2000, failed: 0 });
    expect(proxy.stats.unprocessedItems).toBeGreaterThan(500);
    await expectExactly(plan);
  });

  it('survives 500s and connections reset after the write was applied (SDK retries), without duplicates', async () => {
    const { plan, proxy, connection } = await setup(
      'faults-resets',
      { Conversation: 20, Message: 1960 },
      {
        seed: 5,
        rules: [
          { fault: 'reset', operations: ['BatchWriteItem'], probability: 0.1, when: 'after' },
          { fault: 'server-error', operations: ['BatchWriteItem'], probability: 0.1 },
        ],
      },
    );
    const summary = await writeSeed(connection, plan, { baseDelayMs: 5, maxDelayMs: 50 });
    expect(summary).toMatchObject({ written: 2000, failed: 0 });
    expect(proxy.stats.resets).toBeGreaterThan(0);
    expect(proxy.stats.serverErrors).toBeGreaterThan(0);
    await expectExactly(plan);
  });

  it('resends a batch whose connection is reset more times in a row than the SDK retries', async () => {
    const { plan, proxy, connection } = await setup(
      'faults-reset-run',
      { Conversation: 1, Message: 48 },
      {
        rules: [{ fault: 'reset', operations: ['BatchWriteItem'], maxTimes: 6, when: 'after' }],
      },
    );
    const summary = await writeSeed(connection, plan, { concurrency: 1, baseDelayMs: 1, maxDelayMs: 5 });
    expect(proxy.stats.resets).toBe(6); // more than the client's 4 attempts: the seeder's own backoff resent it
    expect(summary).toMatchObject({ written: 50, failed: 0 });
    await expectExactly(plan);
  });

  it('gives up on items that stay throttled, lists them, and a re-run writes only those', async () => {
    const { plan, proxy, connection } = await setup(
      'faults-give-up',
      { Conversation: 1, Message: 73 },
      {
        rules: [{ fault: 'throttle', operations: ['BatchWriteItem'], skipFirst: 1 }],
      },
    );
    const first = await writeSeed(connection, plan, { concurrency: 2, maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 5 });
    expect(first.written).toBe(25);
    expect(first.failed).toBe(50);
    expect(first.failures[0]!.reason).toMatch(/throttled .*gave up after 1 attempts/);
    proxy.setFaults({ rules: [] });
    const second = await writeSeed(connection, plan);
    expect(second).toMatchObject({ written: 50, skippedExisting: 25, failed: 0, checkedExisting: true });
    await expectExactly(plan);
  });

  it('cancel mid-seed stops sending batches and returns a summary with written < planned; a re-run writes the rest', async () => {
    const { plan, proxy, connection } = await setup(
      'faults-cancel',
      { Conversation: 50, Message: 4900 },
      { rules: [{ fault: 'delay', delayMs: 5 }] },
    );
    const controller = new AbortController();
    const batches = () => proxy.stats.byOperation['BatchWriteItem'] ?? 0;
    let batchesAtCancel = 0;
    const summary = await writeSeed(connection, plan, {
      signal: controller.signal,
      progressIntervalMs: 0,
      onProgress: (p) => {
        if (p.written >= 1000 && !controller.signal.aborted) {
          batchesAtCancel = batches();
          controller.abort();
        }
      },
    });
    // The cancel took effect: no batch starts after it; only the ones already on their way (one per worker) arrive.
    expect(batches() - batchesAtCancel).toBeLessThanOrEqual(DEFAULT_CONCURRENCY);
    expect(summary.cancelled).toBe(true);
    expect(summary.written).toBeGreaterThanOrEqual(1000);
    expect(summary.written).toBeLessThan(plan.planned);
    expect(summary.written + summary.unknown + summary.notStarted + summary.failed).toBe(plan.planned);
    const rest = await writeSeed(connection, plan);
    expect(rest.skippedExisting).toBeGreaterThanOrEqual(summary.written);
    expect(rest.written + rest.skippedExisting).toBe(plan.planned);
    await expectExactly(plan);
  });
});

describe('engine killed mid-seed', () => {
  it('fails with CONNECTION_FAILED and the partial summary; a re-run on the restarted engine completes without duplicates', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'monotable-seed-kill-'));
    try {
      const first = await startEngine({ dataDir, createTableMs: 5 });
      const client = createEndpointClient(first.endpoint);
      const model = cruddurModel({ tableName: 'faults-kill' });
      await createTable(client, model.tables[0]!);
      client.destroy();
      const plan = planSeed(model, { seed: 12, counts: { Conversation: 50, Message: 4900 } });
      const connection = await openConnection({ kind: 'endpoint', url: first.endpoint });
      let killed = false;
      let error: unknown;
      try {
        await writeSeed(connection, plan, {
          progressIntervalMs: 0,
          onProgress: (p) => {
            if (!killed && p.written >= 1500) {
              killed = true;
              process.kill(first.pid, 'SIGKILL');
            }
          },
        });
      } catch (e) {
        error = e;
      }
      await connection.close();
      await first.exited;
      expect(isMonotableError(error)).toBe(true);
      if (!isMonotableError(error)) return;
      expect(error.code).toBe('CONNECTION_FAILED');
      expect(error.message).toMatch(/of 5000 items were written/);
      expect(error.details.hint).toMatch(/run the same seed command again/);
      const partial = error.details.summary as SeedSummary;
      expect(partial.written).toBeGreaterThanOrEqual(1500);
      expect(partial.written).toBeLessThan(5000);

      const second = await startEngine({ dataDir });
      const again = await openConnection({ kind: 'endpoint', url: second.endpoint });
      const direct = createEndpointClient(second.endpoint);
      try {
        const rest = await writeSeed(again, plan);
        expect(rest.checkedExisting).toBe(true);
        expect(rest.skippedExisting).toBeGreaterThanOrEqual(partial.written);
        expect(rest.written + rest.skippedExisting).toBe(plan.planned);
        await expectExactly(plan, direct);
      } finally {
        direct.destroy();
        await again.close();
        await second.stop();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
