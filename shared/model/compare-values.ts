import type { AttributeValue } from './attribute-value.js';
import { parseDynamoNumber, type DynamoNumber } from './numbers.js';

/**
 * Orders strings as DynamoDB does: by their UTF-8 bytes, which is Unicode code point order. JS compares
 * UTF-16 code units, which puts an emoji (surrogate pair, U+D83D…) before U+FFFF; this does not.
 */
export function compareUtf8(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return codePointRank(x) - codePointRank(y);
  }
  return a.length - b.length;
}

/** Surrogates (code points ≥ U+10000) rank above U+E000–U+FFFF; everything else keeps its order. */
function codePointRank(unit: number): number {
  if (unit >= 0xd800 && unit <= 0xdfff) return unit + 0x2000;
  if (unit >= 0xe000) return unit - 0x800;
  return unit;
}

const ZERO: DynamoNumber = { negative: false, digits: '0', exponent: 0 };

/** Numbers compared exactly from their decimal text (any precision); non-numbers sort as zero. */
export function compareNumbers(a: string, b: string): number {
  return compareParsedNumbers(parseDynamoNumber(a) ?? ZERO, parseDynamoNumber(b) ?? ZERO);
}

export function compareParsedNumbers(x: DynamoNumber, y: DynamoNumber): number {
  const sx = x.digits === '0' ? 0 : x.negative ? -1 : 1;
  const sy = y.digits === '0' ? 0 : y.negative ? -1 : 1;
  if (sx !== sy) return sx - sy;
  if (sx === 0) return 0;
  let magnitude = x.exponent - y.exponent;
  if (magnitude === 0) magnitude = x.digits < y.digits ? -1 : x.digits > y.digits ? 1 : 0;
  return sx * Math.sign(magnitude);
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const BASE64_INDEX = new Map([...BASE64].map((c, i) => [c, i]));

/** Decodes base64 (the wire form of Binary values) to bytes; characters outside the alphabet are skipped. */
export function base64Bytes(text: string): Uint8Array {
  const clean = [...text].filter((c) => BASE64_INDEX.has(c));
  const out = new Uint8Array(Math.floor((clean.length * 6) / 8));
  let bits = 0;
  let acc = 0;
  let o = 0;
  for (const c of clean) {
    acc = (acc << 6) | BASE64_INDEX.get(c)!;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 0xff;
    }
  }
  return out;
}

export function compareBinary(a: string, b: string): number {
  const x = base64Bytes(a);
  const y = base64Bytes(b);
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
  return x.length - y.length;
}

/** Orders two scalar values of the same type (S, N, B) the way a sort key is ordered; undefined otherwise. */
export function compareScalars(a: AttributeValue, b: AttributeValue): number | undefined {
  if ('S' in a && 'S' in b) return compareUtf8(a.S, b.S);
  if ('N' in a && 'N' in b) return compareNumbers(a.N, b.N);
  if ('B' in a && 'B' in b) return compareBinary(a.B, b.B);
  return undefined;
}

/** DynamoDB equality: same type and value; numbers by value, sets regardless of order. */
export function valuesEqual(a: AttributeValue, b: AttributeValue): boolean {
  if ('S' in a && 'S' in b) return a.S === b.S;
  if ('N' in a && 'N' in b) return compareNumbers(a.N, b.N) === 0;
  if ('B' in a && 'B' in b) return compareBinary(a.B, b.B) === 0;
  if ('BOOL' in a && 'BOOL' in b) return a.BOOL === b.BOOL;
  if ('NULL' in a && 'NULL' in b) return true;
  if ('SS' in a && 'SS' in b) return sameSet(a.SS, b.SS, (x, y) => x === y);
  if ('NS' in a && 'NS' in b) return sameSet(a.NS, b.NS, (x, y) => compareNumbers(x, y) === 0);
  if ('BS' in a && 'BS' in b) return sameSet(a.BS, b.BS, (x, y) => compareBinary(x, y) === 0);
  if ('L' in a && 'L' in b) return a.L.length === b.L.length && a.L.every((v, i) => valuesEqual(v, b.L[i]!));
  if ('M' in a && 'M' in b) {
    const keys = Object.keys(a.M);
    return keys.length === Object.keys(b.M).length && keys.every((k) => k in b.M && valuesEqual(a.M[k]!, b.M[k]!));
  }
  return false;
}

function sameSet(a: string[], b: string[], eq: (x: string, y: string) => boolean): boolean {
  return a.length === b.length && a.every((x) => b.some((y) => eq(x, y)));
}

/**
 * A canonical text for a key value, so `{N:"1.0"}` and `{N:"1"}` land in the same partition. Strings are
 * used as they are: a key attribute has one type, so texts of different types never meet in one map.
 */
export function keyText(value: AttributeValue): string {
  if ('S' in value) return value.S;
  if ('N' in value) {
    const n = parseDynamoNumber(value.N);
    return n ? `N:${n.negative ? '-' : ''}${n.digits}e${n.exponent}` : `N:${value.N}`;
  }
  if ('B' in value) return `B:${[...base64Bytes(value.B)].join(',')}`;
  return `?:${JSON.stringify(value)}`;
}

/** A key value prepared once for sorting many items: numbers parsed, binaries decoded. */
export type SortableKey = { S: string } | { N: DynamoNumber } | { B: Uint8Array };

export function sortableKey(value: AttributeValue): SortableKey {
  if ('N' in value) return { N: parseDynamoNumber(value.N) ?? ZERO };
  if ('B' in value) return { B: base64Bytes(value.B) };
  return { S: 'S' in value ? value.S : '' };
}

export function compareSortableKeys(a: SortableKey, b: SortableKey): number {
  if ('S' in a && 'S' in b) return compareUtf8(a.S, b.S);
  if ('N' in a && 'N' in b) return compareParsedNumbers(a.N, b.N);
  if ('B' in a && 'B' in b) {
    const n = Math.min(a.B.length, b.B.length);
    for (let i = 0; i < n; i++) if (a.B[i] !== b.B[i]) return a.B[i]! - b.B[i]!;
    return a.B.length - b.B.length;
  }
  return 0;
}
