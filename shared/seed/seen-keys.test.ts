import { describe, expect, it } from 'vitest';
import { SeenKeys } from './seen-keys.js';

const S = (text: string) => ({ S: text });

describe('SeenKeys', () => {
  it('finds every repeated key with the ordinal of its first item, across table growth, and no other', () => {
    const seen = new SeenKeys(true);
    const n = 300_000;
    for (let i = 0; i < n; i++)
      expect(seen.firstOrdinal(S(`P#${i % 997}`), S(`2026-01-01T00:00:${i}`), i)).toBeUndefined();
    for (let i = 0; i < n; i += 1013)
      expect(seen.firstOrdinal(S(`P#${i % 997}`), S(`2026-01-01T00:00:${i}`), n + i)).toBe(i);
    expect(seen.firstOrdinal(S('P#1'), S('new'), 2 * n)).toBeUndefined();
  });

  it('tells apart keys whose texts only concatenate alike; without a sort key only the partition key counts', () => {
    const seen = new SeenKeys(true);
    expect(seen.firstOrdinal(S('ab'), S('c'), 0)).toBeUndefined();
    expect(seen.firstOrdinal(S('a'), S('bc'), 1)).toBeUndefined();
    expect(seen.firstOrdinal(S('a'), S('bc'), 2)).toBe(1);
    const pkOnly = new SeenKeys(false);
    expect(pkOnly.firstOrdinal({ N: '12' }, undefined, 0)).toBeUndefined();
    expect(pkOnly.firstOrdinal({ N: '12' }, S('ignored'), 1)).toBe(0);
  });
});
