import type { AttributeValue, Item } from '../model/attribute-value.js';

/** Plain JSON as `--plain` prints it: what people paste into code. */
export type PlainValue = string | number | boolean | null | PlainValue[] | { [name: string]: PlainValue };

/**
 * A DynamoDB number as a JSON number when that is exact (it prints back to the same text and is within ±2^53),
 * otherwise as a string, so `12345678901234567890123456789012345678` keeps every digit.
 */
export function plainNumber(text: string): number | string {
  const n = Number(text);
  return Number.isFinite(n) && Math.abs(n) <= Number.MAX_SAFE_INTEGER && String(n) === text ? n : text;
}

/**
 * Typed JSON → simplified JSON: S → string, N → number (or string when a number would lose digits), B → base64
 * string, BOOL → boolean, NULL → null, sets → arrays, L → array, M → object. Lossy on purpose (a set and a list
 * look alike); the typed form is the default for that reason.
 */
export function toPlainValue(value: AttributeValue): PlainValue {
  if ('S' in value) return value.S;
  if ('N' in value) return plainNumber(value.N);
  if ('B' in value) return value.B;
  if ('BOOL' in value) return value.BOOL;
  if ('NULL' in value) return null;
  if ('SS' in value) return [...value.SS];
  if ('NS' in value) return value.NS.map(plainNumber);
  if ('BS' in value) return [...value.BS];
  if ('L' in value) return value.L.map(toPlainValue);
  return toPlainItem(value.M);
}

export function toPlainItem(item: Item): { [name: string]: PlainValue } {
  const out: { [name: string]: PlainValue } = {};
  for (const [name, value] of Object.entries(item)) out[name] = toPlainValue(value);
  return out;
}
