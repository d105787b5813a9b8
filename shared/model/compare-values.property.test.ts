import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { base64Bytes, compareBinary, compareNumbers, compareUtf8 } from './compare-values.js';
import { canonicalNumber } from '../preview/normalize-numbers.js';

const sign = (n: number): number => Math.sign(n);

/** Exact comparison of decimal texts through BigInt, scaling both to the same number of decimals. */
function bigCompare(a: string, b: string): number {
  const scale = (text: string): [bigint, number] => {
    const m = /^(-?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text)!;
    const int = (m[2] ?? '') + (m[3] ?? '');
    const exp = Number(m[4] ?? 0) - (m[3] ?? '').length;
    return [BigInt(`${m[1]}${int || '0'}`), exp];
  };
  const [x, ex] = scale(a);
  const [y, ey] = scale(b);
  const e = Math.min(ex, ey);
  const xs = x * 10n ** BigInt(ex - e);
  const ys = y * 10n ** BigInt(ey - e);
  return xs < ys ? -1 : xs > ys ? 1 : 0;
}

const decimal = fc
  .tuple(
    fc.boolean(),
    fc.stringMatching(/^\d{1,20}$/),
    fc.option(fc.stringMatching(/^\d{1,18}$/)),
    fc.option(fc.integer({ min: -40, max: 40 })),
  )
  .map(
    ([neg, int, frac, exp]) =>
      `${neg ? '-' : ''}${int}${frac !== null ? `.${frac}` : ''}${exp !== null ? `e${exp}` : ''}`,
  );

describe('comparison properties', () => {
  it('compareUtf8 orders strings exactly like their UTF-8 bytes', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme' }), (a, b) => {
        expect(sign(compareUtf8(a, b))).toBe(sign(Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'))));
      }),
      { numRuns: 2000 },
    );
  });

  it('compareNumbers is exact for any precision and exponent', () => {
    fc.assert(
      fc.property(decimal, decimal, (a, b) => {
        expect(sign(compareNumbers(a, b))).toBe(bigCompare(a, b));
      }),
      { numRuns: 2000 },
    );
  });

  it('canonicalNumber keeps the value', () => {
    fc.assert(
      fc.property(decimal, (a) => {
        expect(bigCompare(canonicalNumber(a), a)).toBe(0);
        expect(canonicalNumber(a)).not.toMatch(/e|^-?0\d|\.\d*0$|\.$/i);
      }),
      { numRuns: 1000 },
    );
  });

  it('base64 decoding and binary order agree with Buffer', () => {
    fc.assert(
      fc.property(fc.uint8Array(), fc.uint8Array(), (x, y) => {
        const a = Buffer.from(x).toString('base64');
        const b = Buffer.from(y).toString('base64');
        expect([...base64Bytes(a)]).toEqual([...x]);
        expect(sign(compareBinary(a, b))).toBe(sign(Buffer.compare(Buffer.from(x), Buffer.from(y))));
      }),
      { numRuns: 1000 },
    );
  });
});
