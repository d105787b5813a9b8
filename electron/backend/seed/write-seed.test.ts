import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Model } from '../../../shared/model/schema.js';
import { planSeed } from '../../../shared/seed/plan-seed.js';
import { startTestEngine } from '../../../test/support/engine.js';
import { countItems, createTable, scanKeys } from '../../../test/faults/seed-fixtures.js';
import { cruddurModel } from '../../../test/support/cruddur-model.js';
import { openConnection, type OpenConnection } from '../connections/connection.js';
import { keyId } from './key-id.js';
import type { SeedProgress } from './seed-types.js';
import { writeSeed } from './write-seed.js';

let engine: Awaited<ReturnType<typeof startTestEngine>>;
let connection: OpenConnection;

beforeAll(async () => {
  engine = await startTestEngine();
  connection = await openConnection({ kind: 'endpoint', url: engine.engine.endpoint });
});

afterAll(async () => {
  await connection?.close();
  await engine?.stop();
});

describe('writeSeed against the real engine', () => {
  it('writes every planned item once, reports progress, and a re-run writes nothing new', async () => {
    const model = cruddurModel({ tableName: 'seed-basic' });
    await createTable(engine.client, model.tables[0]!);
    const plan = planSeed(model, { seed: 5 });
    const progress: SeedProgress[] = [];
    const summary = await writeSeed(connection, plan, { onProgress: (p) => progress.push(p), progressIntervalMs: 0 });
    expect(summary).toMatchObject({
      planned: plan.planned,
      written: plan.planned,
      failed: 0,
      skippedExisting: 0,
      unknown: 0,
      notStarted: 0,
      cancelled: false,
      checkedExisting: false,
    });
    expect(await countItems(engine.client, 'seed-basic')).toBe(plan.planned);
    const live = new Set(await scanKeys(engine.client, 'seed-basic', plan.keyNames));
    for (const p of plan.items()) expect(live.has(keyId(plan.keyNames, p.key))).toBe(true);
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.at(-1)).toMatchObject({ written: plan.planned, planned: plan.planned });
    for (let i = 1; i < progress.length; i++)
      expect(progress[i]!.written).toBeGreaterThanOrEqual(progress[i - 1]!.written);

    const again = await writeSeed(connection, plan);
    expect(again).toMatchObject({ written: 0, skippedExisting: plan.planned, checkedExisting: true });
    expect(await countItems(engine.client, 'seed-basic')).toBe(plan.planned);
  });

  it('writes the items exactly as planned, and counts items with a problem as failed without sending them', async () => {
    const model: Model = {
      format: 'monotable/1',
      name: 'dups',
      tables: [
        {
          name: 'seed-dups',
          partitionKey: { name: 'pk', type: 'S' },
          billing: { mode: 'on-demand' },
          entities: [
            {
              name: 'Thing',
              keys: { pk: 'T#{n}' },
              attributes: [
                { name: 'n', type: 'N', generator: { kind: 'one-of', values: [1, 2, 3] } },
                { name: 'blob', type: 'B', generator: { kind: 'constant', value: 'bytes' } },
                { name: 'tags', type: 'SS', generator: { kind: 'constant', value: ['x', 'y'] } },
              ],
              seed: { count: 30 },
            },
          ],
          accessPatterns: [],
        },
      ],
    };
    await createTable(engine.client, model.tables[0]!);
    const plan = planSeed(model);
    const summary = await writeSeed(connection, plan);
    expect(summary.written).toBe(3);
    expect(summary.failed).toBe(27);
    expect(summary.failures[0]!.reason).toMatch(/duplicate primary key/);
    expect(summary.written + summary.failed).toBe(plan.planned);
    const first = [...plan.items()][0]!;
    const got = await engine.client.send(
      new GetItemCommand({ TableName: 'seed-dups', Key: { pk: first.key.pk! as { S: string } } }),
    );
    expect(Buffer.from(got.Item!.blob!.B!).toString('utf8')).toBe('bytes');
    expect(got.Item!.tags).toEqual({ SS: ['x', 'y'] });
  });

  it('refuses a missing table, a read-only connection and a table whose keys differ from the model', async () => {
    const plan = planSeed(cruddurModel({ tableName: 'seed-missing' }));
    await expect(writeSeed(connection, plan)).rejects.toMatchObject({ code: 'TABLE_NOT_FOUND' });
    const readOnly = await openConnection({ kind: 'endpoint', url: engine.engine.endpoint, readOnly: true });
    await expect(writeSeed(readOnly, plan)).rejects.toMatchObject({ code: 'READ_ONLY' });
    await readOnly.close();
    const other = cruddurModel({ tableName: 'seed-other-keys' });
    other.tables[0]!.sortKey = undefined;
    other.tables[0]!.globalSecondaryIndexes = [];
    await createTable(engine.client, other.tables[0]!);
    await expect(writeSeed(connection, planSeed(cruddurModel({ tableName: 'seed-other-keys' })))).rejects.toMatchObject(
      {
        code: 'VALIDATION',
      },
    );
  });

  it('isolates the items DynamoDB refuses (live GSI key type differs from the model) and writes the rest of their batches', async () => {
    const model: Model = {
      format: 'monotable/1',
      name: 'drifted',
      tables: [
        {
          name: 'seed-drifted',
          partitionKey: { name: 'pk', type: 'S' },
          billing: { mode: 'on-demand' },
          globalSecondaryIndexes: [
            { name: 'by-g', partitionKey: { name: 'g', type: 'S' }, projection: { type: 'KEYS_ONLY' } },
          ],
          entities: [
            {
              name: 'InIndex',
              keys: { pk: 'A#{n}', g: 'G#{n}' },
              attributes: [{ name: 'n', type: 'N', generator: { kind: 'sequence' } }],
              seed: { count: 30 },
            },
            {
              name: 'NotInIndex',
              keys: { pk: 'B#{n}' },
              attributes: [{ name: 'n', type: 'N', generator: { kind: 'sequence' } }],
              seed: { count: 30 },
            },
          ],
          accessPatterns: [],
        },
      ],
    };
    const live = structuredClone(model.tables[0]!);
    live.globalSecondaryIndexes![0]!.partitionKey.type = 'N';
    await createTable(engine.client, live);
    const summary = await writeSeed(connection, planSeed(model));
    expect(summary).toMatchObject({ planned: 60, written: 30, failed: 30 });
    expect(summary.failures.every((f) => f.key.startsWith('pk=A#'))).toBe(true);
    expect(summary.failures[0]!.reason).toMatch(/rejected/);
    expect(await countItems(engine.client, 'seed-drifted')).toBe(30);
  });

  it('stops at once when the signal is already aborted', async () => {
    const model = cruddurModel({ tableName: 'seed-precancelled' });
    await createTable(engine.client, model.tables[0]!);
    const controller = new AbortController();
    controller.abort();
    const summary = await writeSeed(connection, planSeed(model), { signal: controller.signal });
    expect(summary).toMatchObject({ written: 0, cancelled: true });
    expect(summary.notStarted).toBe(summary.planned);
  });
});
