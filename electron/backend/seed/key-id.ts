import type { AttributeValue as SdkAttributeValue } from '@aws-sdk/client-dynamodb';
import type { Item } from '../../../shared/model/attribute-value.js';

/**
 * An exact identity for an item's primary key, equal for the planned item (binary as base64 text) and the item the
 * SDK sends back (binary as bytes).
 */
export function keyId(keyNames: readonly string[], item: Item | Record<string, SdkAttributeValue>): string {
  return JSON.stringify(
    keyNames.map((n) => {
      const value = item[n];
      return value && 'B' in value && value.B instanceof Uint8Array
        ? { B: Buffer.from(value.B).toString('base64') }
        : value;
    }),
  );
}
