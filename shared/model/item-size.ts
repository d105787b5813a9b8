import type { AttributeValue, Item } from './attribute-value.js';
import { parseDynamoNumber } from './numbers.js';

/** DynamoDB's item size limit: 400 KB, attribute names included. */
export const MAX_ITEM_BYTES = 400 * 1024;

/** Bytes of the UTF-8 encoding of `s` (a lone surrogate counts as U+FFFD, 3 bytes). No allocation. */
export function utf8Length(s: string): number {
  let bytes = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** Raw bytes behind base64 text (standard or URL-safe alphabet, padding and whitespace ignored). */
export function base64ByteLength(text: string): number {
  let chars = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const isAlphabet =
      (c >= 65 && c <= 90) ||
      (c >= 97 && c <= 122) ||
      (c >= 48 && c <= 57) ||
      c === 43 ||
      c === 47 ||
      c === 45 ||
      c === 95;
    if (isAlphabet) chars++;
  }
  return Math.floor((chars * 3) / 4);
}

/**
 * Stored size of a number: DynamoDB keeps digits in base-100 pairs aligned on the exponent, plus one byte,
 * plus one for a negative sign (the formula dynalite took from measurements against DynamoDB). Roughly
 * 1 byte per 2 significant digits + 1. Text that is not a number counts as its UTF-8 length.
 */
export function numberSize(text: string): number {
  const integer = integerSize(text);
  if (integer !== undefined) return integer;
  const n = parseDynamoNumber(text);
  if (!n) return utf8Length(text);
  if (n.digits === '0') return 1;
  const count = n.digits.length;
  // The exponent of the first digit decides whether the digits start mid-pair (big.js's `e` is this exponent).
  const padded = count % 2 !== 0 || n.exponent % 2 !== 0 ? 0 : 1;
  return 1 + Math.ceil(count / 2) + padded + (n.negative ? 1 : 0);
}

/** numberSize of digits-only text with an optional '-' (most numbers) without parsing; undefined for other text. */
function integerSize(text: string): number | undefined {
  const negative = text.charCodeAt(0) === 45;
  const from = negative ? 1 : 0;
  if (text.length === from) return undefined;
  let start = -1;
  let end = from;
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return undefined;
    if (c !== 48) {
      if (start < 0) start = i;
      end = i + 1;
    }
  }
  if (start < 0) return 1; // zero
  const count = end - start;
  const exponent = text.length - 1 - start;
  const padded = count % 2 !== 0 || exponent % 2 !== 0 ? 0 : 1;
  return 1 + Math.ceil(count / 2) + padded + (negative ? 1 : 0);
}

/**
 * Size of one value, nested values included (iterative: a value nested 10,000 deep does not overflow the stack).
 * S: UTF-8 bytes; N: see numberSize; B: decoded bytes; BOOL/NULL: 1; sets: sum of elements;
 * L/M: 3 bytes + 1 per element + elements (map entries also count their names' UTF-8 bytes).
 */
export function valueSize(root: AttributeValue): number {
  // scalars (nearly every value) without the stack
  if ('S' in root) return utf8Length(root.S);
  if ('N' in root) return numberSize(root.N);
  let total = 0;
  const stack: AttributeValue[] = [root];
  while (stack.length > 0) {
    const value = stack.pop()!;
    if ('S' in value) total += utf8Length(value.S);
    else if ('N' in value) total += numberSize(value.N);
    else if ('B' in value) total += base64ByteLength(value.B);
    else if ('BOOL' in value || 'NULL' in value) total += 1;
    else if ('SS' in value) for (const s of value.SS) total += utf8Length(s);
    else if ('NS' in value) for (const n of value.NS) total += numberSize(n);
    else if ('BS' in value) for (const b of value.BS) total += base64ByteLength(b);
    else if ('L' in value) {
      total += 3 + value.L.length;
      for (const child of value.L) stack.push(child);
    } else if ('M' in value) {
      const names = Object.keys(value.M);
      total += 3 + names.length;
      for (const name of names) {
        total += utf8Length(name);
        stack.push(value.M[name]!);
      }
    }
  }
  return total;
}

/** Name bytes plus value bytes of one top-level attribute. */
export function attributeSize(name: string, value: AttributeValue): number {
  return utf8Length(name) + valueSize(value);
}

/** DynamoDB item size in bytes: UTF-8 attribute names plus values, by the rules of dynamodb-rules.md §1.3. */
export function itemSize(item: Item): number {
  let total = 0;
  for (const name of Object.keys(item)) total += attributeSize(name, item[name]!);
  return total;
}
