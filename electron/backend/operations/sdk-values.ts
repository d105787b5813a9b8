import type { AttributeValue as SdkValue } from '@aws-sdk/client-dynamodb';
import { MonotableError } from '../../../shared/errors/monotable-error.js';
import type { AttributeValue, Item } from '../../../shared/model/attribute-value.js';
import { isBase64 } from '../../../shared/model/base64-text.js';

/**
 * The boundary between Monotable's typed JSON (binary as base64 text, numbers as text) and the low-level SDK's
 * AttributeValue (binary as Uint8Array, numbers as text). Nothing else changes, so sets stay sets and a
 * 38-digit number keeps every digit.
 */
export type SdkItem = Record<string, SdkValue>;

/** Base64 to bytes; anything but valid standard base64 is refused, never "repaired" by Buffer's lenient decoder. */
export function toBytes(base64: string): Uint8Array {
  if (!isBase64(base64))
    throw new MonotableError(
      'BAD_INPUT',
      `"${base64.length > 40 ? `${base64.slice(0, 40)}…` : base64}" is not valid base64 for a Binary value.`,
      { hint: 'Binary values are standard base64 with padding, e.g. "aGVsbG8=".' },
    );
  return new Uint8Array(Buffer.from(base64, 'base64'));
}
const toBase64 = (bytes: Uint8Array): string =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');

export function toSdkValue(value: AttributeValue): SdkValue {
  if (typeof value !== 'object' || value === null || Object.keys(value).length !== 1)
    throw new TypeError(`${JSON.stringify(value)} is not one typed value`);
  const [type] = Object.keys(value) as [string];
  const inner = (value as Record<string, unknown>)[type];
  const strings = Array.isArray(inner) && inner.every((s) => typeof s === 'string');
  switch (type) {
    case 'S':
    case 'N':
      if (typeof inner !== 'string') throw new TypeError(`${type} must be text, not ${JSON.stringify(inner)}`);
      return value as SdkValue;
    case 'B':
      if (typeof inner !== 'string') throw new TypeError('B must be base64 text');
      return { B: toBytes(inner) };
    case 'BOOL':
      if (typeof inner !== 'boolean') throw new TypeError(`BOOL must be true or false, not ${JSON.stringify(inner)}`);
      return value as SdkValue;
    case 'NULL':
      if (inner !== true) throw new TypeError('NULL must be true');
      return value as SdkValue;
    case 'SS':
    case 'NS':
      if (!strings) throw new TypeError(`${type} must be a list of text`);
      return value as SdkValue;
    case 'BS':
      if (!strings) throw new TypeError('BS must be a list of base64 text');
      return { BS: (inner as string[]).map(toBytes) };
    case 'L':
      if (!Array.isArray(inner)) throw new TypeError('L must be a list of typed values');
      return { L: (inner as AttributeValue[]).map(toSdkValue) };
    case 'M':
      if (typeof inner !== 'object' || inner === null || Array.isArray(inner))
        throw new TypeError('M must be an object of typed values');
      return { M: toSdkItem(inner as Item) };
    default:
      throw new TypeError(`"${type}" is not a DynamoDB type (S, N, B, BOOL, NULL, SS, NS, BS, L, M)`);
  }
}

export function toSdkItem(item: Item): SdkItem {
  if (typeof item !== 'object' || item === null || Array.isArray(item))
    throw new TypeError(`${JSON.stringify(item)} is not an item (an object of typed values)`);
  const out: SdkItem = {};
  for (const [name, value] of Object.entries(item)) out[name] = toSdkValue(value);
  return out;
}

export function fromSdkValue(value: SdkValue): AttributeValue {
  if (value.S !== undefined) return { S: value.S };
  if (value.N !== undefined) return { N: value.N };
  if (value.B !== undefined) return { B: toBase64(value.B) };
  if (value.BOOL !== undefined) return { BOOL: value.BOOL };
  if (value.NULL !== undefined) return { NULL: true };
  if (value.SS !== undefined) return { SS: [...value.SS] };
  if (value.NS !== undefined) return { NS: [...value.NS] };
  if (value.BS !== undefined) return { BS: value.BS.map(toBase64) };
  if (value.L !== undefined) return { L: value.L.map(fromSdkValue) };
  if (value.M !== undefined) return { M: fromSdkItem(value.M) };
  throw new TypeError(`Unknown DynamoDB attribute value type: ${Object.keys(value).join(', ')}`);
}

export function fromSdkItem(item: SdkItem): Item {
  const out: Item = {};
  for (const [name, value] of Object.entries(item)) out[name] = fromSdkValue(value);
  return out;
}

/** Converts the values of a map whose values are items or attribute values, e.g. ExpressionAttributeValues. */
export function mapValues<A, B>(record: Record<string, A> | undefined, f: (a: A) => B): Record<string, B> | undefined {
  if (record === undefined) return undefined;
  const out: Record<string, B> = {};
  for (const [k, v] of Object.entries(record)) out[k] = f(v);
  return out;
}
