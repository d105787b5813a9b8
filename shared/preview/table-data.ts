import type { AttributeValue, Item } from '../model/attribute-value.js';
import { findTable } from '../model/find-table.js';
import { indexViews, primaryKeyNames, type IndexView } from '../model/indexes.js';
import type { Model, Table } from '../model/schema.js';
import { MonotableError } from '../errors/monotable-error.js';
import { compareScalars, compareSortableKeys, compareUtf8, keyText, sortableKey } from './compare-values.js';

/** One entry of an index: the item as the index holds it (projected) and the table item behind it. */
export interface IndexEntry {
  item: Item;
  full: Item;
  /** itemSize(item) and itemSize(full), computed when first needed. */
  bytes?: number;
  fullBytes?: number;
}

/** A table or index as DynamoDB stores it: partitions in first-seen order, each sorted by the sort key. */
export interface ViewData {
  view: IndexView;
  /** Key names a LastEvaluatedKey holds: the table's keys plus the index's keys. */
  keyNames: string[];
  /** Attribute names an entry holds; undefined for projection ALL. */
  projected: Set<string> | undefined;
  partitions: Map<string, IndexEntry[]>;
}

export interface TableData {
  table: Table;
  /** Sample items of every entity, one per primary key (a later duplicate replaces an earlier one, as a put would). */
  items: Item[];
  views: Map<string | undefined, ViewData>;
}

const cache = new WeakMap<Model, Map<string, TableData>>();

/** The table's sample items, indexed once per model object (the model is treated as immutable). */
export function tableData(model: Model, tableName: string): TableData {
  let perModel = cache.get(model);
  if (!perModel) cache.set(model, (perModel = new Map()));
  let data = perModel.get(tableName);
  if (!data) {
    const table = findTable(model, tableName);
    data = { table, items: collectItems(table), views: new Map() };
    perModel.set(tableName, data);
  }
  return data;
}

function hasKey(item: Item, key: { name: string; type: string } | undefined): boolean {
  if (!key) return true;
  const value = item[key.name];
  return value !== undefined && key.type in value;
}

function collectItems(table: Table): Item[] {
  const byKey = new Map<string, Item>();
  const keys = primaryKeyNames(table);
  for (const entity of table.entities) {
    for (const item of entity.sampleItems ?? []) {
      if (!hasKey(item, table.partitionKey) || !hasKey(item, table.sortKey)) continue;
      byKey.set(keys.map((k) => keyText(item[k]!)).join('\u0000'), item);
    }
  }
  return [...byKey.values()];
}

/** The view of one index (undefined = the table): only items with its keys, projected, grouped and sorted. */
export function viewData(model: Model, tableName: string, indexName: string | undefined): ViewData {
  const data = tableData(model, tableName);
  let view = data.views.get(indexName);
  if (!view) {
    const index = indexViews(data.table).find((v) => v.name === indexName);
    if (!index) {
      throw new MonotableError('NOT_FOUND', `Table "${tableName}" has no index "${indexName}".`, {
        hint: `Indexes: ${indexViews(data.table).slice(1).map((v) => v.name).join(', ') || '(none)'}.`,
      });
    }
    view = buildView(data, index);
    data.views.set(indexName, view);
  }
  return view;
}

function buildView(data: TableData, view: IndexView): ViewData {
  const tableKeys = primaryKeyNames(data.table);
  const keyNames = [...new Set([...tableKeys, view.partitionKey.name, ...(view.sortKey ? [view.sortKey.name] : [])])];
  const keep = projectedNames(view, keyNames);
  const partitions = new Map<string, IndexEntry[]>();
  for (const full of data.items) {
    if (view.kind !== 'table' && (!hasKey(full, view.partitionKey) || !hasKey(full, view.sortKey))) continue; // the table's items all have its keys
    const pk = keyText(full[view.partitionKey.name]!);
    let entries = partitions.get(pk);
    if (!entries) partitions.set(pk, (entries = []));
    entries.push(keep ? new ProjectedEntry(full, keep) : { item: full, full });
  }
  const sortName = view.sortKey?.name;
  // Within a partition: by the sort key; an index orders equal index keys by the table's keys (as the engine does).
  const tiebreak = view.kind === 'table' ? [] : tableKeys.filter((k) => k !== sortName);
  const byTableKeys = (a: IndexEntry, b: IndexEntry): number => {
    for (const name of tiebreak) {
      const c = compareScalars(a.full[name]!, b.full[name]!) ?? 0;
      if (c !== 0) return c;
    }
    return 0;
  };
  for (const [pk, entries] of partitions) {
    if (entries.length < 2) continue;
    if (!sortName) {
      if (tiebreak.length) entries.sort(byTableKeys);
      continue;
    }
    if (view.sortKey!.type === 'S') {
      // strings compare without preparation; numbers and binaries are parsed once per entry
      entries.sort((a, b) => compareUtf8((a.full[sortName] as { S: string }).S, (b.full[sortName] as { S: string }).S) || byTableKeys(a, b));
      continue;
    }
    if (view.sortKey!.type === 'N' && entries.every((e) => fitsDouble((e.full[sortName] as { N: string }).N))) {
      const numbered = entries.map((entry) => ({ entry, n: Number((entry.full[sortName] as { N: string }).N) }));
      numbered.sort((a, b) => a.n - b.n || byTableKeys(a.entry, b.entry));
      partitions.set(pk, numbered.map((k) => k.entry));
      continue;
    }
    const keyed = entries.map((entry) => ({ entry, key: sortableKey(entry.full[sortName]!) }));
    keyed.sort((a, b) => compareSortableKeys(a.key, b.key) || byTableKeys(a.entry, b.entry));
    partitions.set(pk, keyed.map((k) => k.entry));
  }
  return { view, keyNames, projected: keep, partitions };
}

const PLAIN_DECIMAL = /^-?(\d+)(?:\.(\d+))?$/;

/**
 * True for number text with at most 15 digits and no exponent: distinct such decimals map to distinct doubles
 * in the same order, so they can be sorted as JS numbers (exact decimal comparison is the general path).
 */
function fitsDouble(text: string): boolean {
  const m = PLAIN_DECIMAL.exec(text);
  return !!m && m[1]!.length + (m[2]?.length ?? 0) <= 15;
}

/** The attribute names an index entry keeps, or undefined for ALL. */
function projectedNames(view: IndexView, keyNames: string[]): Set<string> | undefined {
  if (view.projection.type === 'ALL') return undefined;
  return new Set([...keyNames, ...(view.projection.type === 'INCLUDE' ? view.projection.nonKeyAttributes ?? [] : [])]);
}

function project(item: Item, keep: Set<string>): Item {
  const out: Item = {};
  for (const name of keep) {
    const value = item[name];
    if (value !== undefined) out[name] = value;
  }
  return out;
}

/** An entry of a KEYS_ONLY / INCLUDE index: projected when first read (most entries never are). */
class ProjectedEntry implements IndexEntry {
  private projected: Item | undefined;
  bytes?: number;
  fullBytes?: number;
  constructor(readonly full: Item, private readonly keep: Set<string>) {}
  get item(): Item {
    return (this.projected ??= project(this.full, this.keep));
  }
}

/** Display text of a key value: the string, the number text, or the base64 of a binary. */
export function keyDisplay(value: AttributeValue): string {
  if ('S' in value) return value.S;
  if ('N' in value) return value.N;
  if ('B' in value) return value.B;
  return JSON.stringify(value);
}
