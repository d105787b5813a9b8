import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_NESTING, checkStructure } from '../model/safe-json.js';
import { assertSafeInput } from './input-guard.js';

function outcome(check: (v: unknown) => void, value: unknown): string {
  try {
    check(value);
    return 'ok';
  } catch (error) {
    return (error as { code?: string }).code ?? 'thrown';
  }
}

const hostileKey = fc.constantFrom('__proto__', 'constructor', 'prototype', 'name', 'x');
/** JSON with some hostile keys (own properties, as JSON.parse makes them) and some deep chains. */
const value: fc.Arbitrary<unknown> = fc.letrec<{ node: unknown }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small' },
    fc.jsonValue(),
    fc.array(tie('node'), { maxLength: 3 }),
    fc
      .tuple(hostileKey, tie('node'))
      .map(([k, v]) => JSON.parse(`{${JSON.stringify(k)}: ${JSON.stringify(v) ?? 'null'}}`) as unknown),
    fc.integer({ min: 55, max: 70 }).map((n) => JSON.parse(`${'['.repeat(n)}${']'.repeat(n)}`) as unknown),
  ),
})).node;

describe('assertSafeInput', () => {
  it('refuses exactly what checkStructure refuses, with the same code', () => {
    fc.assert(
      fc.property(value, (v) => {
        expect(outcome(assertSafeInput, v)).toBe(outcome(checkStructure, v));
      }),
      { numRuns: 500 },
    );
  });

  it('reports the path of the problem', () => {
    expect(() => assertSafeInput(JSON.parse('{"a": [{"__proto__": 1}]}'))).toThrow(
      expect.objectContaining({
        code: 'FORBIDDEN_KEY',
        details: { path: '$.a[0].__proto__', hint: expect.any(String) },
      }),
    );
    let deep: unknown = 1;
    for (let i = 0; i < MAX_NESTING + 1; i++) deep = [deep];
    expect(() => assertSafeInput(deep)).toThrow(expect.objectContaining({ code: 'NESTING_TOO_DEEP' }));
  });
});
