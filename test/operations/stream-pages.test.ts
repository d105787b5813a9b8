import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInProcessClient } from '../../electron/backend/api/in-process-client.js';
import { exportPages } from '../../electron/cli/json-lines.js';
import type { OperationResult, PageEvent } from '../../shared/api/methods/operations.js';
import { startApiTestEngine, type ApiTestEngine } from '../support/api-engine.js';
import { BIG, SHOP_MODEL, createShopTable, order, putItems } from './shop-model.js';

/**
 * Long reads through the contract: `stream: true` sends every page as an event with its items, the final result
 * holds none, and the use case awaits the reader before the next page, so `scan --all > file`, the UI's "load all"
 * and "export all pages" share one path with memory bounded by a page.
 */
const api = createInProcessClient();
let engine: ApiTestEngine;
let dir: string;
const orders = Array.from({ length: 230 }, (_, i) => order(`c${i % 7}`, i));

async function scan(
  extra: { maxItems?: number; segments?: number; exclusiveStartKey?: Record<string, never> } = {},
  onEvent?: (event: PageEvent) => unknown,
): Promise<OperationResult> {
  const result = await api.call(
    'operation.scan',
    { connectionId: engine.connectionId, model: SHOP_MODEL, limit: 20, all: true, stream: true, ...extra },
    { onEvent: (event) => onEvent?.(event) },
  );
  if (!result.ok) throw Object.assign(new Error(result.error.message), result.error);
  return result.value.result;
}

beforeAll(async () => {
  engine = await startApiTestEngine(api);
  await createShopTable(engine.client);
  await putItems(engine.client, orders);
  dir = await mkdtemp(join(tmpdir(), 'monotable-stream-'));
});
afterAll(async () => {
  await engine?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('streamed reads through the contract', () => {
  it('each page is an event with its items, totals and resume key; the final result holds no items', async () => {
    const events: PageEvent[] = [];
    const result = await scan({}, (e) => events.push(e));
    expect(result.items).toEqual([]);
    expect(result).toMatchObject({ count: 230, pages: 12, truncated: false });
    expect(result.lastEvaluatedKey).toBeUndefined();
    expect(events).toHaveLength(12);
    expect(events.map((e) => e.pageItems!.length)).toEqual([...Array(11).fill(20), 10]);
    expect(events.map((e) => e.items)).toEqual([...Array(11).keys()].map((i) => (i + 1) * 20).concat(230));
    expect(events.map((e) => e.pages)).toEqual([...Array(12).keys()].map((i) => i + 1));
    expect(events.slice(0, -1).every((e) => e.lastEvaluatedKey !== undefined)).toBe(true);
    expect(events.at(-1)!.lastEvaluatedKey).toBeUndefined();
    const all = events.flatMap((e) => e.pageItems!);
    expect(new Set(all.map((i) => JSON.stringify([i['pk'], i['sk']]))).size).toBe(230);
  });

  it('a resume key from any page event continues exactly after it', async () => {
    const events: PageEvent[] = [];
    await scan({ maxItems: 50 }, (e) => events.push(e));
    const resumed: PageEvent[] = [];
    const rest = await api.call(
      'operation.scan',
      {
        connectionId: engine.connectionId,
        model: SHOP_MODEL,
        limit: 20,
        all: true,
        stream: true,
        exclusiveStartKey: events[1]!.lastEvaluatedKey!,
      },
      { onEvent: (e) => void resumed.push(e) },
    );
    expect(rest.ok).toBe(true);
    const first = events.slice(0, 2).flatMap((e) => e.pageItems!);
    const after = resumed.flatMap((e) => e.pageItems!);
    expect(first.length + after.length).toBe(230);
    expect(new Set([...first, ...after].map((i) => JSON.stringify([i['pk'], i['sk']]))).size).toBe(230);
  });

  it('writes every item once as a typed JSON line to a file, values exact', async () => {
    const file = join(dir, 'all.jsonl');
    const out = createWriteStream(file);
    const progress: number[] = [];
    const exported = await exportPages(
      out,
      'typed',
      (onEvent) => scan({}, onEvent),
      (p) => progress.push(p.items),
    );
    out.end();
    await finished(out);
    const lines: Record<string, unknown>[] = [];
    for await (const line of createInterface({ input: createReadStream(file) }))
      lines.push(JSON.parse(line) as Record<string, unknown>);
    expect(exported).toMatchObject({ items: 230, result: { pages: 12, truncated: false, items: [] } });
    expect(progress.at(-1)).toBe(230);
    expect(lines).toHaveLength(230);
    expect(lines.every((l) => (l['big'] as { N: string }).N === BIG)).toBe(true);
    const sample = lines.find(
      (l) => JSON.stringify([l['pk'], l['sk']]) === JSON.stringify([orders[77]!['pk'], orders[77]!['sk']]),
    );
    expect(sample).toEqual(orders[77]);
  });

  it('a slow reader holds the backend back: at most one page is in flight (memory bounded by a page)', async () => {
    let inFlight = 0;
    let most = 0;
    let written = 0;
    const slow = new Writable({
      highWaterMark: 1,
      write(chunk: Buffer, _encoding, done) {
        written += chunk.toString().split('\n').length - 1;
        setTimeout(done, 5);
      },
    });
    const listeners = (): number[] => ['drain', 'close', 'error'].map((e) => slow.listenerCount(e));
    const before = listeners();
    const exported = await exportPages(slow, 'plain', (onEvent) =>
      scan({ maxItems: 100 }, async (event) => {
        inFlight += event.pageItems!.length;
        most = Math.max(most, inFlight);
        await onEvent(event);
        inFlight -= event.pageItems!.length;
      }),
    );
    expect(listeners()).toEqual(before);
    expect(exported.items).toBe(100);
    expect(exported.result.truncated).toBe(true);
    expect(most).toBe(20);
    expect(written).toBe(100);
  });

  it('cancelling stops further pages; the error says how much was read and where to resume', async () => {
    const controller = new AbortController();
    const events: PageEvent[] = [];
    const result = await api.call(
      'operation.scan',
      { connectionId: engine.connectionId, model: SHOP_MODEL, limit: 20, all: true, stream: true },
      {
        signal: controller.signal,
        onEvent: (e) => {
          events.push(e);
          if (events.length === 3) controller.abort();
        },
      },
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'CANCELLED', details: { itemsLoaded: 60 } } });
    expect(events).toHaveLength(3);
    if (!result.ok) expect(result.error.details.lastEvaluatedKey).toEqual(events[2]!.lastEvaluatedKey);
  });

  it('parallel segments: every item exactly once, no resume keys; only for a whole-table streamed Scan', async () => {
    const events: PageEvent[] = [];
    const result = await scan({ segments: 3 }, (e) => events.push(e));
    expect(result).toMatchObject({ count: 230, truncated: false, items: [] });
    expect(result.pages).toBeGreaterThanOrEqual(12);
    expect(events.every((e) => e.lastEvaluatedKey === undefined)).toBe(true);
    const all = events.flatMap((e) => e.pageItems!);
    expect(new Set(all.map((i) => JSON.stringify([i['pk'], i['sk']]))).size).toBe(230);
    await expect(scan({ segments: 2, maxItems: 10 })).rejects.toMatchObject({ code: 'BAD_INPUT' });
    const unstreamed = await api.call('operation.scan', {
      connectionId: engine.connectionId,
      model: SHOP_MODEL,
      all: true,
      segments: 2,
    });
    expect(unstreamed).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
  });
});
