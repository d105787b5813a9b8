import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkDynamoNumber, parseDynamoNumber } from './numbers.js';

describe('checkDynamoNumber', () => {
  it.each([
    '0',
    '-0',
    '42',
    '-1.5',
    '.5',
    '5.',
    '1e10',
    '-2.5E-3',
    '007',
    '1E-130',
    '9.9999999999999999999999999999999999999E+125',
    '12345678901234567890123456789012345678',
    '0.00000000000000000000000000000000000000000001',
    '1000000000000000000000000000000000000000000000000',
  ])('accepts %s', (text) => expect(checkDynamoNumber(text)).toBeUndefined());

  it.each([
    ['', /empty/],
    ['NaN', /NaN or Infinity/],
    ['Infinity', /NaN or Infinity/],
    ['-Infinity', /NaN or Infinity/],
    ['abc', /not a number/],
    ['1,5', /not a number/],
    ['+1', /not a number/],
    [' 1', /not a number/],
    ['0x10', /not a number/],
    ['123456789012345678901234567890123456789', /39 significant digits/],
    ['1e126', /too large/],
    ['1E-131', /too small/],
    ['-1e126', /too large/],
  ])('rejects %j', (text, problem) => {
    expect(checkDynamoNumber(text)).toMatch(problem);
  });

  it('counts significant digits, not leading or trailing zeros', () => {
    expect(parseDynamoNumber('000120.0300')).toEqual({ negative: false, digits: '12003', exponent: 2 });
    expect(parseDynamoNumber('-0.005')).toEqual({ negative: true, digits: '5', exponent: -3 });
    expect(parseDynamoNumber('0.000')).toEqual({ negative: false, digits: '0', exponent: 0 });
    expect(checkDynamoNumber(`1${'0'.repeat(60)}`)).toBeUndefined();
  });

  it('agrees with JavaScript on every finite double it prints', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        const n = parseDynamoNumber(String(x));
        expect(n).toBeDefined();
        if (x !== 0)
          expect(Number(`${n!.negative ? '-' : ''}${n!.digits[0]}.${n!.digits.slice(1)}e${n!.exponent}`)).toBe(x);
      }),
    );
  });
});
