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

/** Where a string or a number token starts (whitespace and punctuation are skipped by the regex engine). */
const INTERESTING = /["\-0-9]/g;

/** A character of a JSON number token: digits, sign, point, exponent. */
function inNumber(c: number): boolean {
  return (c >= 48 && c <= 57) || c === 45 || c === 43 || c === 46 || c === 101 || c === 69;
}

/**
 * The first number literal of a valid JSON text that a JavaScript number would change, with its offset. Run it on
 * text JSON.parse has accepted: strings are skipped with indexOf (a quote ends one unless an odd run of backslashes
 * precedes it), and a number token is the run of number characters that starts outside a string. No allocation per
 * token, only for the few long or exponent literals that need the exact check.
 */
export function findInexactNumber(text: string): { offset: number; text: string } | undefined {
  const n = text.length;
  let i = 0;
  while (i < n) {
    // the next quote or number start; RegExp#test moves lastIndex without building a match
    INTERESTING.lastIndex = i;
    if (!INTERESTING.test(text)) return undefined;
    i = INTERESTING.lastIndex - 1;
    const c = text.charCodeAt(i);
    if (c === 34) {
      let from = i + 1;
      for (;;) {
        const quote = text.indexOf('"', from);
        if (quote < 0) return undefined; // not valid JSON: JSON.parse would have refused it
        let backslashes = 0;
        while (text.charCodeAt(quote - 1 - backslashes) === 92) backslashes++;
        from = quote + 1;
        if (backslashes % 2 === 0) break;
      }
      i = from;
      continue;
    }
    if (c === 45 || (c >= 48 && c <= 57)) {
      let end = i + 1;
      let exponent = false;
      for (; end < n; end++) {
        const d = text.charCodeAt(end);
        if (!inNumber(d)) break;
        if (d === 101 || d === 69) exponent = true;
      }
      // Up to 15 significant digits and a modest exponent always survive a double.
      if (end - i > 15 || exponent) {
        const token = text.slice(i, end);
        if (!isExactDouble(token)) return { offset: i, text: token };
      }
      i = end;
      continue;
    }
    i++;
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
