import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportItems } from '../../electron/backend/operations/scan-export.js';
import type { TestEngine } from '../support/engine.js';
import { BIG, order, testConnection, startShopEngine } from './shop-model.js';

let engine: TestEngine;
let dir: string;
const orders = Array.from({ length: 230 }, (_, i) => order(`c${i % 7}`, i));
const scan = { operation: 'Scan' as const, input: { TableName: 'Shop', Limit: 20 } };

beforeAll(async () => {
  engine = await startShopEngine(orders);
  dir = await mkdtemp(join(tmpdir(), 'monotable-export-'));
});
afterAll(async () => {
  await engine?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('exportItems', () => {
  it('writes every item once as a typed JSON line, values exact', async () => {
    const file = join(dir, 'all.jsonl');
    const out = createWriteStream(file);
    const progress: number[] = [];
    const summary = await exportItems(testConnection(engine.client), scan, out, {
      onProgress: (p) => progress.push(p.items),
    });
    out.end();
    await finished(out);
    const lines: Record<string, unknown>[] = [];
    for await (const line of createInterface({ input: createReadStream(file) }))
      lines.push(JSON.parse(line) as Record<string, unknown>);
    expect(summary).toMatchObject({ items: 230, pages: 12, truncated: false });
    expect(progress.at(-1)).toBe(230);
    expect(lines).toHaveLength(230);
    expect(new Set(lines.map((l) => JSON.stringify(l['sk']) + JSON.stringify(l['pk']))).size).toBe(230);
    expect(lines.every((l) => (l['big'] as { N: string }).N === BIG)).toBe(true);
    const sample = lines.find(
      (l) =>
        JSON.stringify(l['sk']) === JSON.stringify(orders[77]!['sk']) &&
        JSON.stringify(l['pk']) === JSON.stringify(orders[77]!['pk']),
    );
    expect(sample).toEqual(orders[77]);
  });

  it('waits for a slow stream to drain before reading the next page', async () => {
    const buffered: number[] = [];
    let written = 0;
    const slow = new Writable({
      highWaterMark: 1,
      write(chunk: Buffer, _encoding, done) {
        written += chunk.toString().split('\n').length - 1;
        setTimeout(done, 5);
      },
    });
    const write = slow.write.bind(slow);
    slow.write = ((chunk: string) => {
      buffered.push(slow.writableLength);
      return write(chunk);
    }) as typeof slow.write;
    const listeners = (): number[] => ['drain', 'close', 'error'].map((e) => slow.listenerCount(e));
    const before = listeners();
    const summary = await exportItems(testConnection(engine.client), scan, slow, { format: 'plain', maxItems: 100 });
    expect(listeners()).toEqual(before);
    expect(summary.items).toBe(100);
    expect(summary.truncated).toBe(true);
    expect(buffered.length).toBe(5);
    expect(Math.max(...buffered)).toBe(0);
    expect(written).toBe(100);
  });

  it('parallel segments: every item exactly once, lines whole', async () => {
    const chunks: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _e, done) {
        chunks.push(chunk.toString());
        done();
      },
    });
    const summary = await exportItems(testConnection(engine.client), scan, sink, { segments: 3 });
    const lines = chunks
      .join('')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Record<string, { S: string }>);
    expect(summary).toMatchObject({ items: 230, count: 230, truncated: false });
    expect(summary.pages).toBeGreaterThanOrEqual(12);
    expect(new Set(lines.map((l) => `${l['pk']!.S}|${l['sk']!.S}`)).size).toBe(230);
  });

  it('parallel segments only for a full Scan', async () => {
    const sink = new Writable({
      write(_c, _e, done) {
        done();
      },
    });
    await expect(
      exportItems(testConnection(engine.client), scan, sink, { segments: 2, maxItems: 10 }),
    ).rejects.toMatchObject({ code: 'BAD_INPUT' });
  });
});
