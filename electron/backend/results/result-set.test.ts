import { existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import type { Item } from '../../../shared/model/attribute-value.js';
import {
  MAX_RESULT_SETS,
  closeAllResultSets,
  closeResultSet,
  createResultSet,
  getResultSet,
  openResultSets,
} from './result-store.js';

const BIG = '12345678901234567890123456789012345678';

function row(i: number, extra: Item = {}): Item {
  return { pk: { S: `P#${i}` }, n: { N: String(i) }, ...extra };
}

/** This process's spool folders in the temp folder. */
function spoolFolders(): string[] {
  return readdirSync(tmpdir()).filter((n) => n.startsWith(`monotable-results-${process.pid}-`));
}

afterEach(async () => {
  await closeAllResultSets();
  expect(spoolFolders()).toEqual([]);
});

describe('result sets', () => {
  it('keeps appended rows in a spool file and reads windows of them back type-faithfully', async () => {
    const set = await createResultSet(['pk']);
    const items = Array.from({ length: 1000 }, (_, i) =>
      row(i, i === 7 ? { big: { N: BIG }, tags: { SS: ['b', 'a'] } } : {}),
    );
    const ids = await set.append(items.slice(0, 600));
    expect(ids.slice(0, 3)).toEqual([0, 1, 2]);
    await set.append(items.slice(600));
    expect(set.total).toBe(1000);
    expect(existsSync(set.path)).toBe(true);
    const window = await set.window(5, 4);
    expect(window.map((r) => r.id)).toEqual([5, 6, 7, 8]);
    expect(window[2]!.item).toEqual(items[7]);
    expect(window[2]!.item['big']).toEqual({ N: BIG });
    expect(await set.window(998, 10)).toHaveLength(2);
    expect(await set.window(2000, 10)).toEqual([]);
    expect(set.attributes()).toEqual(['pk', 'n', 'big', 'tags']);
    expect((await set.rows([999, 3])).map((r) => r.item)).toEqual([items[999], items[3]]);
  });

  it('lists the key attributes first, then the others in order of first appearance', async () => {
    const set = await createResultSet(['sk', 'pk', 'gsi1pk']);
    await set.append([
      { a: { S: '1' }, pk: { S: 'x' } },
      { sk: { S: 'y' }, b: { BOOL: true } },
    ]);
    expect(set.attributes()).toEqual(['sk', 'pk', 'a', 'b']);
  });

  it('replaces a row in place, removes rows from the view and keeps ids stable', async () => {
    const set = await createResultSet();
    await set.append(Array.from({ length: 10 }, (_, i) => row(i)));
    const before = set.version;
    await set.replace([{ id: 3, item: row(3, { edited: { S: 'yes' } }) }]);
    expect(set.version).toBeGreaterThan(before);
    set.remove([0, 1]);
    expect(set.total).toBe(8);
    const window = await set.window(0, 3);
    expect(window.map((r) => r.id)).toEqual([2, 3, 4]);
    expect(window[1]!.item['edited']).toEqual({ S: 'yes' });
    expect(set.attributes()).toContain('edited');
    await expect(set.rows([10])).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('sorts by a column in DynamoDB order (numbers by value, missing last, stable) and back to read order', async () => {
    const set = await createResultSet();
    const values = ['10', '9', '-1', BIG, '1e2', '0.5'];
    await set.append(values.map((n, i) => ({ pk: { S: `P#${i}` }, n: { N: n } })));
    await set.append([{ pk: { S: 'none' } }, { pk: { S: 'text' }, n: { S: 'abc' } }]);
    await set.sort({ column: 'n', descending: false });
    const asc = (await set.window(0, 10)).map((r) => r.item['n'] && Object.values(r.item['n'])[0]);
    expect(asc).toEqual(['abc', '-1', '0.5', '9', '10', '1e2', BIG, undefined]);
    await set.sort({ column: 'n', descending: true });
    const desc = (await set.window(0, 10)).map((r) => r.item['n'] && Object.values(r.item['n'])[0]);
    expect(desc).toEqual([BIG, '1e2', '10', '9', '0.5', '-1', 'abc', undefined]);
    // Rows added to a sorted set go to their place once the read settles.
    await set.append([{ pk: { S: 'late' }, n: { N: '5' } }]);
    await set.settle();
    expect((await set.window(0, 10)).map((r) => r.item['pk']!)).toContainEqual({ S: 'late' });
    expect((await set.window(4, 1))[0]!.item['n']).toEqual({ N: '5' });
    await set.sort(undefined);
    expect((await set.window(0, 3)).map((r) => r.id)).toEqual([0, 1, 2]);
  });

  it('strings sort by UTF-8 bytes, as DynamoDB orders them', async () => {
    const set = await createResultSet();
    await set.append(['😀', '\uffff', 'b', 'a'].map((s) => ({ s: { S: s } })));
    await set.sort({ column: 's', descending: false });
    expect((await set.window(0, 4)).map((r) => r.item['s'])).toEqual(['a', 'b', '\uffff', '😀'].map((s) => ({ S: s })));
  });

  it('walks every row in view order, in chunks', async () => {
    const set = await createResultSet();
    await set.append(Array.from({ length: 5000 }, (_, i) => row(i)));
    set.remove([0]);
    let seen = 0;
    let first: Item | undefined;
    for await (const chunk of set.walk()) {
      first ??= chunk[0]!.item;
      seen += chunk.length;
    }
    expect(seen).toBe(4999);
    expect(first).toEqual(row(1));
  });

  it('removes the spool file on close and the folder with the last set; an unknown id is NOT_FOUND', async () => {
    const a = await createResultSet();
    const b = await createResultSet();
    await a.append([row(1)]);
    expect(spoolFolders()).toHaveLength(1);
    expect(await closeResultSet(a.id)).toBe(true);
    expect(existsSync(a.path)).toBe(false);
    expect(await closeResultSet(a.id)).toBe(false);
    expect(() => getResultSet(a.id)).toThrow(/no result/);
    await closeResultSet(b.id);
    expect(spoolFolders()).toEqual([]);
  });

  it(`keeps at most ${MAX_RESULT_SETS} sets: the least recently used idle one is closed`, async () => {
    const first = await createResultSet();
    first.busy = true; // a read is filling it: never evicted
    const second = await createResultSet();
    for (let i = 0; i < MAX_RESULT_SETS; i++) await createResultSet();
    expect(openResultSets()).toHaveLength(MAX_RESULT_SETS);
    expect(openResultSets()).toContain(first.id);
    expect(openResultSets()).not.toContain(second.id);
    expect(existsSync(second.path)).toBe(false);
  });

  it('a set created while the last one closes gets its file (the spool folder is not removed under it)', async () => {
    // the renderer closes the previous result and creates the next one at the same time (a Run after a Run)
    for (let round = 0; round < 40; round++) {
      const previous = await createResultSet();
      const closing = closeResultSet(previous.id);
      // the create arrives a little after the close began: at each point of the close's file work in turn
      for (let wait = 0; wait < round % 5; wait++) await new Promise((resolve) => setImmediate(resolve));
      const [, next] = await Promise.all([closing, createResultSet()]);
      await next.append([row(round)]);
      expect(existsSync(next.path)).toBe(true);
      await closeResultSet(next.id);
    }
  });
});
