import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { writeExport } from './export-stream.js';
import { closeAllResultSets, createResultSet } from './result-store.js';

const BIG = '12345678901234567890123456789012345678';

/** A sink that takes one chunk at a time (highWaterMark 1), so the writer has to wait for it to drain. */
function slowSink(): { out: Writable; text: () => string } {
  const chunks: string[] = [];
  const out = new Writable({
    highWaterMark: 1,
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString('utf8'));
      setImmediate(done);
    },
  });
  return { out, text: () => chunks.join('') };
}

afterEach(() => closeAllResultSets());

describe('streamed export of a result set', () => {
  it('writes CSV with the keys first, every digit and quoted fields, in the set’s order', async () => {
    const set = await createResultSet(['sk', 'pk']);
    await set.append([
      { pk: { S: 'a' }, sk: { S: '1' }, n: { N: BIG }, note: { S: 'says "hi", twice' } },
      { pk: { S: 'b' }, sk: { S: '2' }, tags: { SS: ['x', 'y'] }, flag: { BOOL: true } },
    ]);
    await set.sort({ column: 'pk', descending: true });
    const sink = slowSink();
    expect(await writeExport(set, 'csv', sink.out)).toBe(2);
    expect(sink.text().split('\r\n')).toEqual([
      'sk,pk,n,note,tags,flag',
      '2,b,,,"{""SS"":[""x"",""y""]}",true',
      `1,a,${BIG},"says ""hi"", twice",,`,
      '',
    ]);
  });

  it('writes JSON lines and DynamoDB JSON lines of many rows a chunk at a time', async () => {
    const set = await createResultSet();
    await set.append(Array.from({ length: 9000 }, (_, i) => ({ pk: { S: `P${i}` }, n: { N: String(i) } })));
    const plain = slowSink();
    expect(await writeExport(set, 'jsonl', plain.out)).toBe(9000);
    const lines = plain.text().trimEnd().split('\n');
    expect(lines).toHaveLength(9000);
    expect(JSON.parse(lines[8999]!)).toEqual({ pk: 'P8999', n: 8999 });
    const typed = slowSink();
    await writeExport(set, 'ddb-jsonl', typed.out);
    expect(JSON.parse(typed.text().split('\n')[1]!)).toEqual({ Item: { pk: { S: 'P1' }, n: { N: '1' } } });
  });
});
