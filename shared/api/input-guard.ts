import { MonotableError } from '../errors/monotable-error.js';
import { MAX_NESTING, checkStructure } from '../model/safe-json.js';

const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

/** True when no object nests deeper than MAX_NESTING and no key is `__proto__`/`constructor`/`prototype`. */
function looksSafe(root: unknown): boolean {
  const values: unknown[] = [root];
  const depths: number[] = [0];
  while (values.length > 0) {
    const value = values.pop();
    const depth = depths.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (depth >= MAX_NESTING) return false;
    if (Array.isArray(value)) {
      for (const child of value) {
        values.push(child);
        depths.push(depth + 1);
      }
      continue;
    }
    for (const key in value) {
      if (!Object.hasOwn(value, key)) continue;
      if (FORBIDDEN.has(key)) return false;
      values.push((value as Record<string, unknown>)[key]);
      depths.push(depth + 1);
    }
  }
  return true;
}

/**
 * The dispatcher's structure guard for every api input: a fast walk without path bookkeeping; only when it finds
 * a problem does the path-reporting `checkStructure` run again to say where (FORBIDDEN_KEY / NESTING_TOO_DEEP).
 */
export function assertSafeInput(value: unknown): void {
  if (looksSafe(value)) return;
  checkStructure(value);
  throw new MonotableError('BAD_INPUT', 'The request has a forbidden key or nests too deeply.', {
    hint: 'Send plain JSON without __proto__/constructor/prototype keys.',
  });
}
