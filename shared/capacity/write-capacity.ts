import type { Item } from '../model/attribute-value.js';
import { typeOf } from '../model/attribute-value.js';
import { indexViews, primaryKeyNames, type IndexView } from '../model/indexes.js';
import type { Table } from '../model/schema.js';
import { itemSize } from '../model/item-size.js';
import { writeUnits } from '../model/units.js';

export interface IndexWrite {
  index: string;
  kind: 'gsi' | 'lsi';
  /** 1 for a new or removed entry or a changed projected attribute; 2 when an index key changes (delete + put). */
  writes: number;
  entryBytes: number;
  units: number;
}

export interface WriteCapacity {
  itemBytes: number;
  /** Units charged to the table: the item write plus its LSI entries (LSI writes use the table's capacity). */
  tableUnits: number;
  /** Every secondary index the write touches; GSI units are charged to the GSI. */
  indexes: IndexWrite[];
  totalUnits: number;
  transactional: boolean;
}

export interface WriteOptions {
  transactional?: boolean;
  /** `update`: only indexes projecting a changed attribute are written; `put`/`delete`: every index holding the item. */
  kind?: 'put' | 'update' | 'delete';
  /** For `update`: the attributes it sets. */
  changed?: readonly string[];
}

function inIndex(item: Item, view: IndexView): boolean {
  const has = (key: IndexView['sortKey']): boolean =>
    !key || (item[key.name] !== undefined && typeOf(item[key.name]!) === key.type);
  return has(view.partitionKey) && has(view.sortKey);
}

/** The index entry: table keys, index keys and the projected attributes. */
export function indexEntry(table: Table, view: IndexView, item: Item): Item {
  if (view.projection.type === 'ALL') return item;
  const keep = new Set([
    ...primaryKeyNames(table),
    view.partitionKey.name,
    ...(view.sortKey ? [view.sortKey.name] : []),
    ...(view.projection.type === 'INCLUDE' ? (view.projection.nonKeyAttributes ?? []) : []),
  ]);
  const out: Item = {};
  for (const [name, value] of Object.entries(item)) if (keep.has(name)) out[name] = value;
  return out;
}

/**
 * Write units of one item write with secondary-index amplification: each index holding the item costs a
 * write sized on its projected entry (1 KB rounding); an update that changes an index key costs that index two.
 */
export function writeCapacity(table: Table, item: Item, options: WriteOptions = {}): WriteCapacity {
  const transactional = options.transactional ?? false;
  const itemBytes = itemSize(item);
  let tableUnits = writeUnits(itemBytes, transactional);
  const changed = new Set(options.changed ?? []);
  const indexes: IndexWrite[] = [];
  for (const view of indexViews(table).slice(1)) {
    if (!inIndex(item, view)) continue;
    const entry = indexEntry(table, view, item);
    let writes = 1;
    if (options.kind === 'update') {
      const keyChanged =
        changed.has(view.partitionKey.name) || (view.sortKey !== undefined && changed.has(view.sortKey.name));
      if (keyChanged) writes = 2;
      else if (![...changed].some((name) => name in entry || view.projection.type === 'ALL')) continue;
    }
    const entryBytes = itemSize(entry);
    const units = writes * writeUnits(entryBytes, transactional);
    indexes.push({ index: view.name!, kind: view.kind as 'gsi' | 'lsi', writes, entryBytes, units });
    if (view.kind === 'lsi') tableUnits += units;
  }
  const gsiUnits = indexes.filter((i) => i.kind === 'gsi').reduce((sum, i) => sum + i.units, 0);
  return { itemBytes, tableUnits, indexes, totalUnits: tableUnits + gsiUnits, transactional };
}
