import type { KeyTypeName } from '../model/attribute-value.js';
import { indexViews } from '../model/indexes.js';
import type { KeyAttribute, Table } from '../model/schema.js';

export const MAX_PARTITION_KEY_BYTES = 2048;
export const MAX_SORT_KEY_BYTES = 1024;

/** What the table and its indexes say about one key attribute. */
export interface KeyInfo {
  name: string;
  type: KeyTypeName;
  /** A key of the table itself (every item needs it). */
  tableKey: boolean;
  /** Partition key of the table or of some index. */
  partition: boolean;
  /** Byte limit of a value: 2048 for a partition key, 1024 once any index uses it as a sort key. */
  maxBytes: number;
  /** Where it is used, for messages: `table`, `index "gsi1"`. */
  usedBy: string[];
}

/** Key attributes of a table and its indexes by name (the first type wins; conflicts are reported elsewhere). */
export function keyInfo(table: Table): Map<string, KeyInfo> {
  const map = new Map<string, KeyInfo>();
  for (const view of indexViews(table)) {
    const where = view.name === undefined ? 'the table' : `index "${view.name}"`;
    for (const [key, partition] of [
      [view.partitionKey, true],
      [view.sortKey, false],
    ] as const) {
      if (!key) continue;
      let info = map.get(key.name);
      if (!info) {
        info = {
          name: key.name,
          type: key.type,
          tableKey: false,
          partition: false,
          maxBytes: MAX_PARTITION_KEY_BYTES,
          usedBy: [],
        };
        map.set(key.name, info);
      }
      if (view.kind === 'table') info.tableKey = true;
      if (partition) info.partition = true;
      else info.maxBytes = MAX_SORT_KEY_BYTES;
      if (!(view.kind === 'lsi' && partition)) info.usedBy.push(where);
    }
  }
  return map;
}

/** Every key attribute declaration of a table with its path below the table: table keys, GSI keys, LSI sort keys. */
export function keyDeclarations(table: Table): { key: KeyAttribute; path: (string | number)[] }[] {
  const out: { key: KeyAttribute; path: (string | number)[] }[] = [
    { key: table.partitionKey, path: ['partitionKey', 'name'] },
  ];
  if (table.sortKey) out.push({ key: table.sortKey, path: ['sortKey', 'name'] });
  (table.globalSecondaryIndexes ?? []).forEach((gsi, i) => {
    out.push({ key: gsi.partitionKey, path: ['globalSecondaryIndexes', i, 'partitionKey', 'name'] });
    if (gsi.sortKey) out.push({ key: gsi.sortKey, path: ['globalSecondaryIndexes', i, 'sortKey', 'name'] });
  });
  (table.localSecondaryIndexes ?? []).forEach((lsi, i) =>
    out.push({ key: lsi.sortKey, path: ['localSecondaryIndexes', i, 'sortKey', 'name'] }),
  );
  return out;
}
