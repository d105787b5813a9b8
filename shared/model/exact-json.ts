import { MonotableError } from '../errors/monotable-error.js';
import { parseDynamoNumber } from './numbers.js';

/**
 * JSON numbers without silent rounding. `JSON.parse` turns `12345678901234567890123456789012345678` into a double
 * that prints as `12345678901234568000000000000000000000`; a database tool must never store that. Two ways out:
 * - `parseJsonExact`: every number literal becomes an `ExactNumber` holding its text (for values that are sent to
 *   DynamoDB, where numbers are decimal text anyway);
 * - `findInexactNumber`: after `JSON.parse` accepted a text, the first number literal that a JavaScript number does
 *   not hold exactly (for model files and form fields, whose values stay plain JSON: such a number is refused).
 */
export class ExactNumber {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

/** True when `Number(text)` prints back as the same decimal value (sign, digits and exponent). */
export function isExactDouble(text: string): boolean {
  const n = Number(text);
  if (!Number.isFinite(n)) return false;
  const a = parseDynamoNumber(text);
  const b = parseDynamoNumber(String(n));
  if (!a || !b) return false;
  return a.digits === b.digits && a.exponent === b.exponent && (a.negative === b.negative || a.digits === '0');
}

// Valid JSON only: a string token (skipped) or a number token. Run it on text JSON.parse has accepted.
const TOKEN = /"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g;

/** The first number literal of a valid JSON text that a JavaScript number would change, with its offset. */
export function findInexactNumber(text: string): { offset: number; text: string } | undefined {
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    const token = m[0];
    if (token.charCodeAt(0) === 34) continue;
    // Up to 15 significant digits and a modest exponent always survive a double.
    if (token.length <= 15 && !/[eE]/.test(token)) continue;
    if (!isExactDouble(token)) return { offset: m.index, text: token };
  }
  return undefined;
}

function lineColumnOf(text: string, offset: number): string {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      start = i + 1;
    }
  }
  return `${line}:${offset - start + 1}`;
}

/** MonotableError for a number that plain JSON values cannot keep exactly. */
export function inexactNumberError(text: string, found: { offset: number; text: string }, file?: string) {
  const at = lineColumnOf(text, found.offset);
  return new MonotableError(
    'PARSE_ERROR',
    `The number ${found.text} at line ${at.replace(':', ', column ')} cannot be kept exactly (it would become ${String(Number(found.text))}).`,
    {
      ...(file !== undefined && { file }),
      path: at,
      hint: `Write it as a string, "${found.text}": a Number attribute takes decimal text and keeps all 38 digits.`,
    },
  );
}

/** `JSON.parse` that refuses (PARSE_ERROR with line:column) any number it would round. */
export function parseJsonRefusingInexact(text: string, file?: string): unknown {
  const value = JSON.parse(text) as unknown;
  const found = findInexactNumber(text);
  if (found) throw inexactNumberError(text, found, file);
  return value;
}

const MAX_DEPTH = 200;

/**
 * Parses JSON with every number kept as an `ExactNumber` (its literal text). Throws a SyntaxError with the offset on
 * malformed text; nesting is capped so hostile input cannot exhaust the stack.
 */
export function parseJsonExact(text: string): unknown {
  let i = 0;
  const fail = (what: string): never => {
    throw new SyntaxError(`${what} at position ${i}`);
  };
  const space = () => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\n' || text[i] === '\r' || text[i] === '\t')) i++;
  };
  const value = (depth: number): unknown => {
    if (depth > MAX_DEPTH) fail(`Nesting deeper than ${MAX_DEPTH} levels`);
    space();
    const c = text[i];
    if (c === '{') {
      i++;
      const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
      space();
      if (text[i] === '}') {
        i++;
        return { ...out };
      }
      for (;;) {
        space();
        if (text[i] !== '"') fail('Expected a property name');
        const key = string();
        space();
        if (text[i] !== ':') fail("Expected ':'");
        i++;
        out[key] = value(depth + 1);
        space();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return { ...out };
        }
        fail("Expected ',' or '}'");
      }
    }
    if (c === '[') {
      i++;
      const out: unknown[] = [];
      space();
      if (text[i] === ']') {
        i++;
        return out;
      }
      for (;;) {
        out.push(value(depth + 1));
        space();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return out;
        }
        fail("Expected ',' or ']'");
      }
    }
    if (c === '"') return string();
    if (text.startsWith('true', i)) return ((i += 4), true);
    if (text.startsWith('false', i)) return ((i += 5), false);
    if (text.startsWith('null', i)) return ((i += 4), null);
    const m = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
    m.lastIndex = i;
    const found = m.exec(text);
    if (!found) return fail('Unexpected token');
    i += found[0].length;
    return new ExactNumber(found[0]);
  };
  const string = (): string => {
    const m = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;
    m.lastIndex = i;
    const found = m.exec(text);
    if (!found) return fail('Bad string');
    i += found[0].length;
    return JSON.parse(found[0]) as string;
  };
  const result = value(0);
  space();
  if (i < text.length) fail('Unexpected text after the JSON value');
  return result;
}
