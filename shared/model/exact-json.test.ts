import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseModel } from './parse-model.js';
import { ExactNumber, findInexactNumber, isExactDouble, parseJsonExact } from './exact-json.js';
import { parseUntrustedJson } from './safe-json.js';

const BIG = '12345678901234567890123456789012345678';

describe('exact JSON numbers', () => {
  it('parseJsonExact keeps every digit of every number literal, at any depth', () => {
    const value = parseJsonExact(`{"a":${BIG},"l":[1.50,-0.000000000000000000000000000000000001e-90],"s":"${BIG}"}`);
    expect(value).toEqual({
      a: new ExactNumber(BIG),
      l: [new ExactNumber('1.50'), new ExactNumber('-0.000000000000000000000000000000000001e-90')],
      s: BIG,
    });
  });

  it('parseJsonExact refuses malformed text and keeps __proto__ an own key', () => {
    expect(() => parseJsonExact('{"a":1,}')).toThrow(SyntaxError);
    expect(() => parseJsonExact('[1] 2')).toThrow(SyntaxError);
    expect(() => parseJsonExact('01')).toThrow(SyntaxError);
    expect(() => parseJsonExact('['.repeat(500))).toThrow(/Nesting/);
    const value = parseJsonExact('{"__proto__":{"polluted":true}}') as Record<string, unknown>;
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.keys(value)).toEqual(['__proto__']);
  });

  it('isExactDouble tells numbers a double keeps from those it rounds', () => {
    for (const t of ['0', '-0', '1.5', '0.1', '9007199254740991', '1e21', '1E-7', '123456789012345.6'])
      expect(isExactDouble(t), t).toBe(true);
    for (const t of [BIG, '9007199254740993', '0.12345678901234567891', '1e400'])
      expect(isExactDouble(t), t).toBe(false);
  });

  it('findInexactNumber skips strings and finds the first rounded literal', () => {
    expect(findInexactNumber(`{"a":"${BIG}","b":1.25}`)).toBeUndefined();
    const text = `{"a\\"${BIG}":"x","b":[1, ${BIG}]}`;
    expect(findInexactNumber(text)).toEqual({ offset: text.lastIndexOf(BIG), text: BIG });
  });

  it('findInexactNumber finds what a token-by-token regex scan finds, on any JSON text', () => {
    // the scan it replaced: every string token skipped, every number token checked
    const TOKEN = /"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g;
    const reference = (text: string) => {
      TOKEN.lastIndex = 0;
      for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
        const token = m[0];
        if (token.charCodeAt(0) === 34 || (token.length <= 15 && !/[eE]/.test(token))) continue;
        if (!isExactDouble(token)) return { offset: m.index, text: token };
      }
      return undefined;
    };
    const number = fc.oneof(
      fc.constantFrom(BIG, `-${BIG}`, '1e400', '1.5e3', '0.1', '-0', '123456789012345678', '9007199254740993', '2e-5'),
      fc.integer().map(String),
    );
    const text = fc.stringMatching(/^[a-z0-9"\\ .e-]{0,12}$/).map((t) => JSON.stringify(t));
    const json: fc.Arbitrary<string> = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, number, text, tie('array'), tie('object')),
      array: fc.array(tie('value'), { maxLength: 4 }).map((values) => `[${values.join(', ')}]`),
      object: fc
        .array(fc.tuple(text, tie('value')), { maxLength: 4 })
        .map((entries) => `{\n  ${entries.map(([k, v]) => `${k}: ${v}`).join(',\n  ')}\n}`),
    })).value as fc.Arbitrary<string>;
    fc.assert(
      fc.property(json, (source) => {
        JSON.parse(source); // valid JSON, as the scan requires
        expect(findInexactNumber(source)).toEqual(reference(source));
      }),
      { numRuns: 500 },
    );
  });

  it('a model file with a 38-digit JSON number is refused with its line and column, never rounded', () => {
    const text = `{\n  "x": ${BIG}\n}`;
    expect(() => parseUntrustedJson(text, 'm.json')).toThrow(
      expect.objectContaining({ code: 'PARSE_ERROR', details: expect.objectContaining({ path: '2:8' }) }),
    );
    expect(() => parseModel(`{"format":"monotable/1","name":"m","tables":[],"n":${BIG}}`)).toThrow(
      /cannot be kept exactly/,
    );
  });
});
