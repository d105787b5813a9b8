import type { AttributeTypeName, AttributeValue } from '../model/attribute-value.js';
import { checkDynamoNumber } from '../model/numbers.js';
import { encodeBase64 } from './base64.js';

/**
 * Turns a generated JavaScript value (from faker, a constant, a sequence) into DynamoDB-typed JSON of the
 * attribute's declared type. Returns undefined when the value cannot be one (e.g. an empty set, which
 * DynamoDB refuses: the attribute is then left out), and throws a plain Error with the reason when the value
 * is of the wrong kind (the caller adds where).
 */
export function toAttributeValue(value: unknown, type: AttributeTypeName): AttributeValue | undefined {
  switch (type) {
    case 'S':
      return { S: toText(value) };
    case 'N':
      return { N: toNumberText(value) };
    case 'B':
      return { B: toBinary(value) };
    case 'BOOL':
      return { BOOL: toBool(value) };
    case 'NULL':
      return { NULL: true };
    case 'SS':
    case 'NS':
    case 'BS': {
      const convert = type === 'SS' ? toText : type === 'NS' ? toNumberText : toBinary;
      const members = [...new Set((Array.isArray(value) ? value : [value]).map(convert))];
      if (members.length === 0) return undefined;
      return type === 'SS' ? { SS: members } : type === 'NS' ? { NS: members } : { BS: members };
    }
    case 'L':
      return { L: (Array.isArray(value) ? value : [value]).map(inferAttributeValue) };
    case 'M':
      return inferAttributeValue(isPlainObject(value) ? value : { value });
  }
}

/** The natural DynamoDB type of a JSON-like value: string S, number N, boolean BOOL, null NULL, array L, object M. */
export function inferAttributeValue(value: unknown): AttributeValue {
  if (value === null || value === undefined) return { NULL: true };
  if (typeof value === 'string') return { S: value };
  if (typeof value === 'number' || typeof value === 'bigint') return { N: toNumberText(value) };
  if (typeof value === 'boolean') return { BOOL: value };
  if (value instanceof Date) return { S: toText(value) };
  if (value instanceof Uint8Array) return { B: encodeBase64(value) };
  if (Array.isArray(value)) return { L: value.map(inferAttributeValue) };
  if (isPlainObject(value)) {
    const out: { [name: string]: AttributeValue } = {};
    for (const [k, v] of Object.entries(value)) out[k] = inferAttributeValue(v);
    return { M: out };
  }
  return { S: String(value) };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof Date) &&
    !(value instanceof Uint8Array)
  );
}

function toText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  if (value === null || value === undefined) return '';
  return JSON.stringify(value);
}

/** Decimal text DynamoDB accepts (no exponent for everyday integers, dates as epoch seconds), or an Error saying why not. */
export function toNumberText(value: unknown): string {
  let text: string;
  if (typeof value === 'bigint') text = value.toString();
  else if (value instanceof Date) text = String(Math.floor(value.getTime() / 1000));
  else if (typeof value === 'boolean') text = value ? '1' : '0';
  else if (typeof value === 'number')
    text = Number.isInteger(value) && Math.abs(value) < 1e21 ? BigInt(value).toString() : String(value);
  else text = toText(value).trim();
  const problem = checkDynamoNumber(text);
  if (problem) throw new Error(problem);
  return text;
}

function toBool(value: unknown): boolean {
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === 'false') return value === 'true';
  if (typeof value === 'number') return value !== 0;
  throw new Error(`"${toText(value)}" is not a boolean`);
}

function toBinary(value: unknown): string {
  if (value instanceof Uint8Array) return encodeBase64(value);
  return encodeBase64(utf8Bytes(toText(value)));
}

/** UTF-8 encoding without TextEncoder (shared/ has no DOM or Node types). */
export function utf8Bytes(text: string): Uint8Array {
  const out: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return Uint8Array.from(out);
}
