import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AttributeValue, Item } from './attribute-value.js';
import { base64ByteLength, itemSize, numberSize, utf8Length, valueSize } from './item-size.js';

const require = createRequire(import.meta.url);
const dynaliteDb = require('dynalite/db/index.js') as { itemSize(item: Item): number };

describe('utf8Length', () => {
  it.each([
    ['', 0],
    ['abc', 3],
    ['é', 2],
    ['日本語', 9],
    ['😀', 4],
    ['a😀é日', 1 + 4 + 2 + 3],
    ['\uD83D', 3], // a lone surrogate is written as U+FFFD
  ])('%j is %i bytes', (s, bytes) => expect(utf8Length(s)).toBe(bytes));

  it('equals TextEncoder on any string', () => {
    const encoder = new TextEncoder();
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (s) => {
        expect(utf8Length(s)).toBe(encoder.encode(s).length);
      }),
    );
  });
});

describe('itemSize', () => {
  it('matches the documented example: shirt-color="R", shirt-size="M" is 23 bytes', () => {
    expect(itemSize({ 'shirt-color': { S: 'R' }, 'shirt-size': { S: 'M' } })).toBe(23);
  });

  it('counts strings and names in UTF-8 bytes, not JS characters', () => {
    expect(itemSize({ title: { S: '😀😀' } })).toBe(5 + 8);
    expect(itemSize({ 名前: { S: '山田太郎' } })).toBe(6 + 12);
    expect(itemSize({ bio: { S: '日'.repeat(700) } })).toBe(3 + 2100);
  });

  it('sizes numbers by significant digits', () => {
    expect(numberSize('0')).toBe(1);
    expect(numberSize('1')).toBe(2);
    expect(numberSize('12')).toBe(2); // one base-100 digit
    expect(numberSize('1.2')).toBe(3); // the pair is split by the decimal point: 01|20
    expect(numberSize('123')).toBe(3);
    expect(numberSize('-123')).toBe(4);
    expect(numberSize('1000000')).toBe(numberSize('1'));
    expect(numberSize('1'.repeat(38))).toBe(20);
  });

  it('sizes binary by decoded bytes, BOOL and NULL as 1, sets as the sum of elements', () => {
    expect(base64ByteLength('aGVsbG8=')).toBe(5);
    expect(valueSize({ B: 'aGVsbG8=' })).toBe(5);
    expect(valueSize({ BOOL: false })).toBe(1);
    expect(valueSize({ NULL: true })).toBe(1);
    expect(valueSize({ SS: ['ab', 'é'] })).toBe(4);
    expect(valueSize({ NS: ['1', '123'] })).toBe(5);
    expect(valueSize({ BS: ['aGVsbG8=', 'AA=='] })).toBe(6);
  });

  it('adds 3 bytes per List/Map plus 1 per element', () => {
    expect(valueSize({ L: [] })).toBe(3);
    expect(valueSize({ M: {} })).toBe(3);
    expect(valueSize({ L: [{ S: 'ab' }, { BOOL: true }] })).toBe(3 + 2 + 2 + 1);
    expect(valueSize({ M: { k: { S: 'ab' } } })).toBe(3 + 1 + 1 + 2);
    expect(itemSize({ tags: { L: [{ M: { a: { N: '1' } } }] } })).toBe(4 + 3 + 1 + (3 + 1 + 1 + 2));
  });

  it('handles a value nested 10,000 deep without overflowing the stack', () => {
    let value: AttributeValue = { S: 'x' };
    for (let i = 0; i < 10_000; i++) value = { L: [value] };
    expect(valueSize(value)).toBe(10_000 * 4 + 1);
  });

  it('agrees with dynalite on ASCII items (where dynalite counts characters = bytes)', () => {
    const ascii = fc.string({ unit: 'grapheme-ascii', maxLength: 8 });
    const number = fc.oneof(
      fc.integer().map(String),
      fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
      fc.bigInt({ min: -(10n ** 37n), max: 10n ** 37n }).map(String),
    );
    const b64 = fc.uint8Array({ maxLength: 12 }).map((a) => btoa(String.fromCharCode(...a)));
    const { value } = fc.letrec<{ value: AttributeValue }>((tie) => ({
      value: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        ascii.map((S) => ({ S })),
        number.map((N) => ({ N })),
        b64.map((B) => ({ B })),
        fc.boolean().map((BOOL) => ({ BOOL })),
        fc.constant({ NULL: true as const }),
        fc.uniqueArray(ascii, { minLength: 1, maxLength: 4 }).map((SS) => ({ SS })),
        fc.uniqueArray(number, { minLength: 1, maxLength: 4 }).map((NS) => ({ NS })),
        fc.array(tie('value'), { maxLength: 3 }).map((L) => ({ L })),
        fc
          .dictionary(fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 5 }), tie('value'), { maxKeys: 3 })
          .map((M) => ({ M })),
      ),
    }));
    const item = fc.dictionary(fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 6 }), value, {
      maxKeys: 5,
    });
    fc.assert(
      fc.property(item, (it) => {
        expect(itemSize(it)).toBe(dynaliteDb.itemSize(it));
      }),
      { numRuns: 300 },
    );
  });
});
