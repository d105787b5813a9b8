import { describe, expect, it } from 'vitest';
import { toPlainItem } from './plain-json.js';

describe('toPlainItem', () => {
  it('keeps big numbers as strings, small ones as numbers, and flattens every type', () => {
    expect(
      toPlainItem({
        s: { S: 'x' },
        n: { N: '42' },
        f: { N: '-1.5' },
        big: { N: '12345678901234567890123456789012345678' },
        edge: { N: '9007199254740993' },
        b: { B: 'AAH/' },
        t: { BOOL: true },
        z: { NULL: true },
        ss: { SS: ['a'] },
        ns: { NS: ['1', '99999999999999999999'] },
        bs: { BS: ['AA=='] },
        l: { L: [{ N: '1' }, { S: 'a' }] },
        m: { M: { deep: { M: { n: { N: '0.1' } } } } },
      }),
    ).toEqual({
      s: 'x',
      n: 42,
      f: -1.5,
      big: '12345678901234567890123456789012345678',
      edge: '9007199254740993',
      b: 'AAH/',
      t: true,
      z: null,
      ss: ['a'],
      ns: [1, '99999999999999999999'],
      bs: ['AA=='],
      l: [1, 'a'],
      m: { deep: { n: 0.1 } },
    });
  });
});
