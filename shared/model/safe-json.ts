import { MonotableError } from '../errors/monotable-error.js';
import { findInexactNumber, inexactNumberError } from './exact-json.js';

export const MAX_FILE_BYTES = 20 * 1024 * 1024;
/**
 * The file's own depth cap. DynamoDB nests lists and maps 32 levels deep, and typed JSON spends two levels on each
 * (`{"M": {"a": …}}`); with the model's wrapping ($.tables[0].entities[0].sampleItems[0]) and the api's envelope on
 * top, a legal item reaches about 80 levels. The rules report items deeper than 32 themselves.
 */
export const MAX_NESTING = 100;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** `$.tables[0].entities[2]` from path segments. */
export function formatPath(segments: readonly (string | number)[]): string {
  let out = '$';
  for (const s of segments) {
    if (typeof s === 'number') out += `[${s}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(s)) out += `.${s}`;
    else out += `[${JSON.stringify(s)}]`;
  }
  return out;
}

/** 1-based line and column of a character offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/**
 * JSON.parse with the guards a file from anywhere needs: a size cap, a BOM tolerated, parse errors with
 * line:column, nesting capped (every later walker may recurse safely), and `__proto__` / `constructor` /
 * `prototype` keys refused at any depth before anything merges the value into another object.
 */
export function parseUntrustedJson(text: string, file?: string): unknown {
  const where = file ? { file } : {};
  if (text.length > MAX_FILE_BYTES) {
    throw new MonotableError(
      'FILE_TOO_LARGE',
      `The file is ${(text.length / 1048576).toFixed(1)} MB; the limit is ${MAX_FILE_BYTES / 1048576} MB.`,
      {
        ...where,
        hint: 'Split the model or remove large sample data.',
      },
    );
  }
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(message);
    const offset = position ? Number(position[1]) : body.length;
    const { line, column } = lineColumn(body, offset);
    throw new MonotableError(
      'PARSE_ERROR',
      `Not valid JSON at line ${line}, column ${column}: ${message.replace(/^.*?: /, '')}`,
      {
        ...where,
        path: `${line}:${column}`,
        hint:
          body.trim() === ''
            ? 'The file is empty.'
            : 'Check for a truncated file, a trailing comma or a missing quote near that position.',
      },
    );
  }
  const inexact = findInexactNumber(body);
  if (inexact) throw inexactNumberError(body, inexact, file);
  checkStructure(value, where);
  return value;
}

/**
 * True when no object nests deeper than MAX_NESTING and no key is `__proto__`/`constructor`/`prototype`: a fast
 * iterative walk without path bookkeeping (a 10,000-item model is ~400,000 values).
 */
export function structureLooksSafe(root: unknown): boolean {
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
      if (FORBIDDEN_KEYS.has(key)) return false;
      values.push((value as Record<string, unknown>)[key]);
      depths.push(depth + 1);
    }
  }
  return true;
}

/**
 * Depth cap and forbidden keys, reported with the JSON path: the fast walk first, and only when it finds a problem
 * the walk that keeps paths, to say where.
 */
export function checkStructure(root: unknown, where: { file?: string } = {}): void {
  if (structureLooksSafe(root)) return;
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value: root, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (path.length >= MAX_NESTING) {
      throw new MonotableError(
        'NESTING_TOO_DEEP',
        `Nesting deeper than ${MAX_NESTING} levels at ${formatPath(path.slice(0, 8))}…`,
        {
          ...where,
          path: formatPath(path.slice(0, 8)),
          hint: 'A model never needs this depth; the file is probably damaged or hostile.',
        },
      );
    }
    if (Array.isArray(value)) {
      value.forEach((child, i) => stack.push({ value: child, path: [...path, i] }));
      continue;
    }
    for (const key of Object.keys(value)) {
      if (FORBIDDEN_KEYS.has(key)) {
        throw new MonotableError('FORBIDDEN_KEY', `The key "${key}" is not allowed (at ${formatPath(path)}).`, {
          ...where,
          path: formatPath([...path, key]),
          hint: `Remove the "${key}" key: it could change the behaviour of plain objects (prototype pollution).`,
        });
      }
      stack.push({ value: (value as Record<string, unknown>)[key], path: [...path, key] });
    }
  }
}
