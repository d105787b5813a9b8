import type { AttributeValue as SdkAttributeValue } from '@aws-sdk/client-dynamodb';
import type { AttributeValue, Item } from '../../../shared/model/attribute-value.js';
import { toBytes } from '../operations/sdk-values.js';

export type SdkItem = Record<string, SdkAttributeValue>;

function hasBinary(value: AttributeValue): boolean {
  if ('S' in value) return false; // the common case, answered with one check
  if ('B' in value || 'BS' in value) return true;
  if ('L' in value) return value.L.some(hasBinary);
  if ('M' in value) return Object.values(value.M).some(hasBinary);
  return false;
}

function convert(value: AttributeValue): SdkAttributeValue {
  if ('B' in value) return { B: toBytes(value.B) };
  if ('BS' in value) return { BS: value.BS.map(toBytes) };
  if ('L' in value) return { L: value.L.map(convert) };
  if ('M' in value) return { M: Object.fromEntries(Object.entries(value.M).map(([k, v]) => [k, convert(v)])) };
  return value as SdkAttributeValue;
}

/**
 * The model's DynamoDB JSON (binary as base64 text) as the SDK's low-level client wants it (binary as bytes).
 * Items without binary values are the same shape and pass through untouched (the fast path for seeding).
 */
export function toSdkItem(item: Item): SdkItem {
  let binary = false;
  for (const name in item) {
    if (hasBinary(item[name]!)) {
      binary = true;
      break;
    }
  }
  if (!binary) return item as SdkItem;
  return Object.fromEntries(Object.entries(item).map(([k, v]) => [k, convert(v)]));
}
