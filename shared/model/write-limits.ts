import { MonotableError } from '../errors/monotable-error.js';
import type { AttributeValue, Item } from './attribute-value.js';
import { itemSize, MAX_ITEM_BYTES, utf8Length, valueSize } from './item-size.js';

/** DynamoDB's limits on key values (UTF-8 bytes) and attribute names. */
export const MAX_PARTITION_KEY_BYTES = 2048;
export const MAX_SORT_KEY_BYTES = 1024;
export const MAX_ATTRIBUTE_NAME_BYTES = 65535;

export interface KeyNames {
  partition: string;
  sort?: string | undefined;
}

function tooLarge(message: string, hint: string, where: string): MonotableError {
  return new MonotableError('ITEM_TOO_LARGE', `${where}: ${message}`, { hint });
}

function keyValueBytes(value: AttributeValue): number | undefined {
  if ('S' in value || 'B' in value || 'N' in value) return valueSize(value);
  return undefined;
}

/** Every map key at any depth, for the attribute-name limit (iterative). */
function longestName(item: Item): { name: string; bytes: number } | undefined {
  let worst: { name: string; bytes: number } | undefined;
  const consider = (name: string) => {
    if (name.length * 3 <= MAX_ATTRIBUTE_NAME_BYTES && !worst) return;
    const bytes = utf8Length(name);
    if (bytes > MAX_ATTRIBUTE_NAME_BYTES && (!worst || bytes > worst.bytes)) worst = { name, bytes };
  };
  const stack: AttributeValue[] = [];
  for (const name of Object.keys(item)) {
    consider(name);
    stack.push(item[name]!);
  }
  while (stack.length > 0) {
    const value = stack.pop()!;
    if ('M' in value)
      for (const name of Object.keys(value.M)) {
        consider(name);
        stack.push(value.M[name]!);
      }
    else if ('L' in value) stack.push(...value.L);
  }
  return worst;
}

/**
 * The checks DynamoDB makes on an item or key before it is written, counted in UTF-8 bytes as DynamoDB counts them
 * (the embedded engine counts UTF-16 characters and would accept up to 3× more): the 400 KB item size, partition
 * key ≤ 2,048 bytes and sort key ≤ 1,024 bytes (when the key names are known), non-empty key values, and attribute
 * names ≤ 64 KB. Throws ITEM_TOO_LARGE or BAD_INPUT naming the item.
 */
export function checkWriteLimits(item: Item, keys: KeyNames | undefined, where: string): void {
  const long = longestName(item);
  if (long)
    throw new MonotableError(
      'BAD_INPUT',
      `${where}: an attribute name is ${long.bytes.toLocaleString('en-US')} bytes; DynamoDB allows ${MAX_ATTRIBUTE_NAME_BYTES.toLocaleString('en-US')} (64 KB).`,
      { hint: 'Use a shorter attribute name.' },
    );
  const size = itemSize(item);
  if (size > MAX_ITEM_BYTES)
    throw tooLarge(
      `the item is ${size.toLocaleString('en-US')} bytes (UTF-8); DynamoDB allows ${MAX_ITEM_BYTES.toLocaleString('en-US')} (400 KB).`,
      'Make the item smaller: move large values to S3 or split the item.',
      where,
    );
  if (!keys) return;
  const parts: [string | undefined, number, string][] = [
    [keys.partition, MAX_PARTITION_KEY_BYTES, 'partition'],
    [keys.sort, MAX_SORT_KEY_BYTES, 'sort'],
  ];
  for (const [name, limit, role] of parts) {
    if (name === undefined) continue;
    const value = item[name];
    if (value === undefined) continue; // the engine reports a missing key attribute
    const bytes = keyValueBytes(value);
    if (bytes === undefined) continue; // a wrongly typed key: the engine reports it
    if (('S' in value && value.S === '') || ('B' in value && value.B === ''))
      throw new MonotableError('BAD_INPUT', `${where}: the ${role} key "${name}" is empty.`, {
        hint: 'Key attributes cannot be empty strings or empty binary values.',
      });
    if (bytes > limit)
      throw tooLarge(
        `the ${role} key "${name}" is ${bytes.toLocaleString('en-US')} bytes (UTF-8); DynamoDB allows ${limit.toLocaleString('en-US')}.`,
        'Shorten the key: multibyte characters count 2–4 bytes each.',
        where,
      );
  }
}

/** A Query's partition key value: not empty and at most 2,048 UTF-8 bytes, as DynamoDB refuses both. */
export function checkPartitionValue(value: string, attribute: string, where: string): void {
  if (value === '')
    throw new MonotableError('BAD_INPUT', `${where}: the partition key value for "${attribute}" is empty.`, {
      hint: 'A Query needs the exact, non-empty partition key value.',
    });
  const bytes = utf8Length(value);
  if (bytes > MAX_PARTITION_KEY_BYTES)
    throw new MonotableError(
      'BAD_INPUT',
      `${where}: the partition key value for "${attribute}" is ${bytes.toLocaleString('en-US')} bytes (UTF-8); DynamoDB allows ${MAX_PARTITION_KEY_BYTES.toLocaleString('en-US')}.`,
      { hint: 'No stored item can have a longer partition key; check the value.' },
    );
}
