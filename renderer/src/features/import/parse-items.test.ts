import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv.js';
import { parseLosslessJson } from './lossless-json.js';
import { parseImport } from './parse-items.js';

const keys = { partitionKey: { name: 'pk', type: 'S' as const }, sortKey: { name: 'sk', type: 'S' as const } };
const BIG = '12345678901234567890123456789012345678';

describe('parseImport: JSON lines', () => {
  it('keeps DynamoDB-typed values exactly: 38-digit numbers, sets, binary, nested lists and maps', () => {
    const text = [
      `{"pk":{"S":"u#1"},"sk":{"S":"p"},"n":{"N":"${BIG}"},"tiny":{"N":"-1.5E-130"},"tags":{"SS":["a","b"]},"ns":{"NS":["1","${BIG}"]}}`,
      '{"Item":{"pk":{"S":"u#2"},"sk":{"S":"p"},"b":{"B":"AAEC/w=="},"bs":{"BS":["AA==","AQ=="]},"l":{"L":[{"NULL":true},{"BOOL":false}]},"m":{"M":{"x":{"N":"0.10"}}}}}',
      '',
    ].join('\n');
    const parsed = parseImport(text, 'items.jsonl', keys);
    expect(parsed.problems).toEqual([]);
    expect(parsed.format).toBe('dynamodb-json');
    expect(parsed.lines).toEqual([1, 2]);
    expect(parsed.items[0]).toEqual({
      pk: { S: 'u#1' },
      sk: { S: 'p' },
      n: { N: BIG },
      tiny: { N: '-1.5E-130' },
      tags: { SS: ['a', 'b'] },
      ns: { NS: ['1', BIG] },
    });
    expect(parsed.items[1]).toMatchObject({
      b: { B: 'AAEC/w==' },
      bs: { BS: ['AA==', 'AQ=='] },
      l: { L: [{ NULL: true }, { BOOL: false }] },
      m: { M: { x: { N: '0.10' } } },
    });
  });

  it('reads plain JSON with numbers as their source text (never a double)', () => {
    const text = `{"pk":"u#1","sk":"p","price":${BIG},"ratio":0.1000,"big":1e125,"ok":true,"none":null,"list":[1,"a"],"map":{"q":${BIG}}}`;
    const parsed = parseImport(text, 'items.json', keys);
    expect(parsed.problems).toEqual([]);
    expect(parsed.format).toBe('plain-json');
    expect(parsed.items[0]).toEqual({
      pk: { S: 'u#1' },
      sk: { S: 'p' },
      price: { N: BIG },
      ratio: { N: '0.1000' },
      big: { N: '1e125' },
      ok: { BOOL: true },
      none: { NULL: true },
      list: { L: [{ N: '1' }, { S: 'a' }] },
      map: { M: { q: { N: BIG } } },
    });
  });

  it('reports each bad line by number and keeps the good ones', () => {
    const text = [
      '{"pk":{"S":"a"},"sk":{"S":"1"}}',
      '{"pk":{"S":"b"},"sk":{"S":"2"},"n":{"N":"123456789012345678901234567890123456789"}}',
      '{"pk":{"S":"c"},"sk":{"S":"3"},"s":{"SS":[]}}',
      '{"pk":{"S":"d"},"sk":{"S":"4"},"s":{"SS":["x","x"]}}',
      '{"pk":{"S":"e"},"sk":{"S":"5"},"b":{"B":"not base64!"}}',
      '{"pk":{"S":"f"}}',
      '{"pk":{"N":"1"},"sk":{"S":"6"}}',
      '{"pk":{"S":"g"},"sk":{"S":"7"}',
      '[1,2]',
      '{"pk":{"S":"h"},"sk":{"S":"8"},"pk":{"S":"h2"}}',
      '{"pk":{"S":"i"},"sk":{"S":"9"}}',
    ].join('\n');
    const parsed = parseImport(text, 'x.jsonl', keys);
    expect(parsed.items.map((i) => i['pk'])).toEqual([{ S: 'a' }, { S: 'i' }]);
    expect(parsed.lines).toEqual([1, 11]);
    expect(parsed.problems.map((p) => p.line)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(parsed.problems[0]!.message).toMatch(/39 significant digits/);
    expect(parsed.problems[1]!.message).toMatch(/cannot be empty/);
    expect(parsed.problems[2]!.message).toMatch(/same value twice/);
    expect(parsed.problems[3]!.message).toMatch(/base64/);
    expect(parsed.problems[4]!.message).toMatch(/"sk" is missing/);
    expect(parsed.problems[5]!.message).toMatch(/must be of type S/);
    expect(parsed.problems[8]!.message).toMatch(/appears twice/);
  });
});

describe('parseImport: CSV', () => {
  it('reads strings unless the header gives a type; empty cells leave the attribute out; quotes and newlines', () => {
    const text = `pk,sk,price:N,active:BOOL,photo:B,note\r\nu#1,p,${BIG},true,AAEC,"a ""quoted"", two-line\nnote"\r\nu#2,p,007,FALSE,,\n`;
    const parsed = parseImport(text, 'items.CSV', keys);
    expect(parsed.problems).toEqual([]);
    expect(parsed.format).toBe('csv');
    expect(parsed.items).toEqual([
      {
        pk: { S: 'u#1' },
        sk: { S: 'p' },
        price: { N: BIG },
        active: { BOOL: true },
        photo: { B: 'AAEC' },
        note: { S: 'a "quoted", two-line\nnote' },
      },
      { pk: { S: 'u#2' }, sk: { S: 'p' }, price: { N: '007' }, active: { BOOL: false } },
    ]);
    expect(parsed.lines).toEqual([2, 4]);
  });

  it('reports bad cells and bad headers with their line numbers', () => {
    const parsed = parseImport('pk,sk,n:N\nu,1,x\nu,2\nu,3,4\n', 'a.csv', keys);
    expect(parsed.items).toHaveLength(1);
    expect(parsed.problems).toEqual([
      { line: 2, message: expect.stringMatching(/^n: "x" is not a number/) },
      { line: 3, message: '2 cells; the header has 3' },
    ]);
    const header = parseImport('pk,pk,x:DATE\n', 'a.csv', keys);
    expect(header.problems.map((p) => p.message)).toEqual([
      '"pk" is named twice in the header',
      '"x:DATE": the type after ":" is one of S, N, B, BOOL',
    ]);
    expect(parseCsv('a,"b\n').problem).toEqual({ line: 1, message: 'a quoted cell is never closed' });
  });
});

describe('parseLosslessJson', () => {
  it('keeps number text and rejects what JSON rejects', () => {
    expect(parseLosslessJson(`[${BIG}, -0.0, 1E+2]`)).toEqual([
      { number: BIG },
      { number: '-0.0' },
      { number: '1E+2' },
    ]);
    expect(parseLosslessJson('{"a":"\\u00e9\\n"}')).toEqual({ a: 'é\n' });
    for (const bad of ['{a:1}', '01', '[1,]', '"x', '1 2', 'NaN', '{"__proto__":1,']) {
      expect(() => parseLosslessJson(bad)).toThrow();
    }
    expect(Object.keys(parseLosslessJson('{"__proto__":{"S":"x"}}') as object)).toEqual(['__proto__']);
  });
});
