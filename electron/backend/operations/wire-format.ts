import type { AttributeValue as SdkValue } from '@aws-sdk/client-dynamodb';
import type { AttributeValue, Item } from '../../../shared/model/attribute-value.js';
import { fromSdkItem, fromSdkValue, toSdkItem, toSdkValue, type SdkItem } from './sdk-values.js';

/**
 * Converts a whole low-level request or response between typed JSON (the DynamoDB API's JSON body, binary as
 * base64) and the SDK's shapes (binary as Uint8Array), by the DynamoDB API's own field names: `Item`, `Key`,
 * `ExclusiveStartKey`, `LastEvaluatedKey`, `Attributes`, `ExpressionAttributeValues` hold items; `Items` and
 * `Keys` lists of items; `Parameters` (PartiQL) a list of values; `Responses` items per table (BatchGetItem) or
 * `{Item}` entries (TransactGetItems). Everything else is copied, recursing into containers such as
 * `RequestItems`, `UnprocessedKeys` and `TransactItems`.
 */
const ITEM_FIELDS = new Set([
  'Item',
  'Key',
  'ExclusiveStartKey',
  'LastEvaluatedKey',
  'Attributes',
  'ExpressionAttributeValues',
]);
const ITEM_LIST_FIELDS = new Set(['Items', 'Keys']);

interface Direction {
  item(value: never): unknown;
  value(value: never): unknown;
}

const TO_SDK: Direction = { item: (i: Item) => toSdkItem(i), value: (v: AttributeValue) => toSdkValue(v) };
const FROM_SDK: Direction = { item: (i: SdkItem) => fromSdkItem(i), value: (v: SdkValue) => fromSdkValue(v) };

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);
}

function walk(value: unknown, d: Direction): unknown {
  if (Array.isArray(value)) return value.map((v) => walk(v, d));
  if (!isPlainObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [field, inner] of Object.entries(value)) {
    if (inner === undefined) continue;
    if (ITEM_FIELDS.has(field) && isPlainObject(inner)) out[field] = d.item(inner as never);
    else if (ITEM_LIST_FIELDS.has(field) && Array.isArray(inner)) out[field] = inner.map((i) => d.item(i as never));
    else if (field === 'Parameters' && Array.isArray(inner)) out[field] = inner.map((v) => d.value(v as never));
    else if (field === 'Responses' && isPlainObject(inner)) {
      const perTable: Record<string, unknown> = {};
      for (const [table, items] of Object.entries(inner))
        perTable[table] = Array.isArray(items) ? items.map((i) => d.item(i as never)) : items;
      out[field] = perTable;
    } else if (field === '$metadata') continue;
    else out[field] = walk(inner, d);
  }
  return out;
}

/** Typed JSON request body → SDK command input. */
export function toSdkInput(input: Record<string, unknown>): Record<string, unknown> {
  return walk(input, TO_SDK) as Record<string, unknown>;
}

/** SDK command output → typed JSON (the DynamoDB API's JSON body), without `$metadata`. */
export function fromSdkOutput(output: object): Record<string, unknown> {
  return walk(output, FROM_SDK) as Record<string, unknown>;
}
