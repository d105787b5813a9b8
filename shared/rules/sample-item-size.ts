import { attributeSize, itemSize, MAX_ITEM_BYTES } from '../model/item-size.js';
import type { Item } from '../model/attribute-value.js';
import type { Table } from '../model/schema.js';
import { own } from './rule-context.js';

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

export interface SizeProblem {
  code: 'item-too-large' | 'item-too-large-with-lsi';
  /** Continues the item's label: ` is 439.6 KB …`. */
  message: string;
  hint: string;
}

/**
 * Is the item over 400 KB in UTF-8, alone or with its LSI entries (tables with LSIs: item + the keys and
 * projected attributes of every LSI it is in)? `bound` is an upper bound of the item's size (3 bytes per UTF-16
 * unit of its names and scalar values, Infinity with a set, list or map) that the caller adds up in its walk over
 * the item; exact sizes are computed only when this cheap bound is too high.
 */
export function itemSizeProblem(table: Table, item: Item, bound: number): SizeProblem | undefined {
  const lsis = table.localSecondaryIndexes ?? [];
  if (bound * (1 + lsis.length) <= MAX_ITEM_BYTES) return undefined;
  const size = itemSize(item);
  if (size > MAX_ITEM_BYTES) {
    let largest = '';
    let largestSize = -1;
    for (const name of Object.keys(item)) {
      const s = attributeSize(name, item[name]!);
      if (s > largestSize) [largest, largestSize] = [name, s];
    }
    return {
      code: 'item-too-large',
      message: ` is ${kb(size)} (${size} bytes); DynamoDB items may be at most 400 KB (409,600 bytes), counted in UTF-8. Largest attribute: "${largest}" (${kb(largestSize)}).`,
      hint: 'Store large values in S3 and keep a reference, or split the item.',
    };
  }
  const tableKeys = [table.partitionKey.name, table.sortKey?.name];
  let total = size;
  for (const lsi of lsis) {
    if (own(item, lsi.sortKey.name) === undefined) continue;
    const names =
      lsi.projection.type === 'ALL'
        ? Object.keys(item)
        : [
            ...new Set([
              ...tableKeys,
              lsi.sortKey.name,
              ...(lsi.projection.type === 'INCLUDE' ? (lsi.projection.nonKeyAttributes ?? []) : []),
            ]),
          ];
    for (const name of names) {
      const value = name ? own(item, name) : undefined;
      if (value) total += attributeSize(name!, value);
    }
  }
  if (total <= MAX_ITEM_BYTES) return undefined;
  return {
    code: 'item-too-large-with-lsi',
    message: ` is ${kb(size)}, but with its local secondary index entries it is ${kb(total)}; on a table with LSIs the item plus its LSI entries must fit in 400 KB.`,
    hint: 'Project fewer attributes into the LSIs, or make the item smaller.',
  };
}
