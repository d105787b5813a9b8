import type { Item } from '../model/attribute-value.js';
import { primaryKeyNames, type IndexView } from '../model/indexes.js';
import type { KeyAttribute, Table } from '../model/schema.js';
import { compareScalars, compareSortableKeys, compareUtf8, keyText, sortableKey } from '../model/compare-values.js';

/**
 * Per-entity parts of the preview's index views, cached by the objects an immutable edit keeps: the sample-item
 * array of an entity gives its rows, the rows give one part per index definition. A view is the merge of its
 * parts, so an edit re-indexes only the entity it touched.
 */

/** One entry of an index: the item as the index holds it (projected) and the table item behind it. */
export interface IndexEntry {
  item: Item;
  full: Item;
  /** itemSize(item) and itemSize(full), computed when first needed. */
  bytes?: number;
  fullBytes?: number;
}

/** Items that have the table's keys, one per primary key (a later duplicate replaces an earlier one in place). */
export interface Rows {
  keys: string[];
  items: Item[];
  /**
   * The entry of each item in a view that projects ALL (item and full are the same object, and so are its sizes):
   * made when a first such view reads the rows, then shared by the table and every ALL index.
   */
  allEntries?: IndexEntry[];
}

function hasKey(item: Item, key: { name: string; type: string } | undefined): boolean {
  if (!key) return true;
  const value = item[key.name];
  return value !== undefined && key.type in value;
}

/**
 * Reads one table key of an item as row-key text: undefined when the item lacks it or holds another type. A string
 * key is its text as it is; numbers and binaries are normalised (keyText), so 1 and 1.0 are the same key.
 */
function keyReader(key: KeyAttribute): (item: Item) => string | undefined {
  const { name, type } = key;
  if (type === 'S') return (item) => (item[name] as { S?: string } | undefined)?.S;
  return (item) => {
    const value = item[name];
    return value !== undefined && type in value ? keyText(value) : undefined;
  };
}

/**
 * Rows of items in list order: only items with the table's keys, one per primary key (a repeated key keeps its
 * first position and takes the later item, as a later put would).
 */
class RowsCollector {
  /** key → position in the rows */
  private readonly at = new Map<string, number>();
  private readonly partitionKey: (item: Item) => string | undefined;
  private readonly sortKey: ((item: Item) => string | undefined) | undefined;
  readonly rows: Rows = { keys: [], items: [] };

  constructor(table: Table) {
    this.partitionKey = keyReader(table.partitionKey);
    this.sortKey = table.sortKey && keyReader(table.sortKey);
  }

  add(item: Item): void {
    const pk = this.partitionKey(item);
    if (pk === undefined) return;
    let key = pk;
    if (this.sortKey) {
      const sk = this.sortKey(item);
      if (sk === undefined) return;
      key = `${pk}\u0000${sk}`;
    }
    const { rows } = this;
    const position = this.at.get(key);
    if (position !== undefined) rows.items[position] = item;
    else {
      this.at.set(key, rows.keys.length);
      rows.keys.push(key);
      rows.items.push(item);
    }
  }
}

function collectRows(table: Table, lists: readonly (readonly Item[])[]): Rows {
  const collector = new RowsCollector(table);
  for (const list of lists) for (const item of list) collector.add(item);
  return collector.rows;
}

const rowsCache = new WeakMap<readonly Item[], { partitionKey: unknown; sortKey: unknown; rows: Rows }>();

/**
 * The rows of one entity's sample items, per item array and table key definitions: collected when a preview first
 * needs them (the Items and Patterns screens), not by the validator, whose screen shows no rows.
 */
function entityRows(table: Table, items: readonly Item[]): Rows {
  const hit = rowsCache.get(items);
  if (hit && hit.partitionKey === table.partitionKey && hit.sortKey === table.sortKey) return hit.rows;
  const collector = new RowsCollector(table);
  for (let i = 0; i < items.length; i++) collector.add(items[i]!);
  rowsCache.set(items, { partitionKey: table.partitionKey, sortKey: table.sortKey, rows: collector.rows });
  return collector.rows;
}

const combined = new WeakMap<Rows, { list: Rows[]; parts: Rows[] }>();

/**
 * The table's sample items as parts: each entity's rows when no primary key occurs in two entities (the usual
 * case), else one part of all items deduplicated together, exactly as one list of puts would leave them.
 */
export function tableRows(table: Table): Rows[] {
  const list = table.entities.map((e) => entityRows(table, e.sampleItems ?? [])).filter((r) => r.items.length > 0);
  if (list.length === 0) return [];
  const memo = combined.get(list[0]!);
  if (memo && memo.list.length === list.length && memo.list.every((r, i) => r === list[i])) return memo.parts;
  const seen = new Set<string>();
  let repeated = false;
  for (const rows of list) {
    for (const key of rows.keys) {
      if (seen.has(key)) {
        repeated = true;
        break;
      }
      seen.add(key);
    }
    if (repeated) break;
  }
  const parts = repeated
    ? [
        collectRows(
          table,
          table.entities.map((e) => e.sampleItems ?? []),
        ),
      ]
    : list;
  combined.set(list[0]!, { list, parts });
  return parts;
}

/** What an index's entries depend on besides the items: its keys, its projection and the table's keys. */
export interface ViewSpec {
  view: IndexView;
  /** Key names a LastEvaluatedKey holds: the table's keys plus the index's keys. */
  keyNames: string[];
  /** Attribute names an entry holds; undefined for projection ALL. */
  projected: Set<string> | undefined;
  /** Table keys that order entries with equal index keys. */
  tiebreak: string[];
  signature: string;
}

export function viewSpec(table: Table, view: IndexView): ViewSpec {
  const tableKeys = primaryKeyNames(table);
  const keyNames = [...new Set([...tableKeys, view.partitionKey.name, ...(view.sortKey ? [view.sortKey.name] : [])])];
  const projected = projectedNames(view, keyNames);
  const tiebreak = view.kind === 'table' ? [] : tableKeys.filter((k) => k !== view.sortKey?.name);
  const signature = JSON.stringify([
    view.kind,
    view.partitionKey,
    view.sortKey ?? null,
    projected ? [...projected] : null,
    tableKeys,
  ]);
  return { view, keyNames, projected, tiebreak, signature };
}

/** The attribute names an index entry keeps, or undefined for ALL. */
function projectedNames(view: IndexView, keyNames: string[]): Set<string> | undefined {
  if (view.projection.type === 'ALL') return undefined;
  return new Set([
    ...keyNames,
    ...(view.projection.type === 'INCLUDE' ? (view.projection.nonKeyAttributes ?? []) : []),
  ]);
}

type Partitions = Map<string, IndexEntry[]>;
const partCache = new WeakMap<Rows, Map<string, Partitions>>();

/** The entries of one part in an index: only items with its keys, projected, grouped and sorted. */
function viewPart(rows: Rows, spec: ViewSpec): Partitions {
  let perSpec = partCache.get(rows);
  if (!perSpec) partCache.set(rows, (perSpec = new Map()));
  let part = perSpec.get(spec.signature);
  if (!part) perSpec.set(spec.signature, (part = buildPart(rows, spec)));
  return part;
}

function allEntriesOf(rows: Rows): IndexEntry[] {
  if (rows.allEntries) return rows.allEntries;
  const { items } = rows;
  const entries = new Array<IndexEntry>(items.length);
  for (let i = 0; i < items.length; i++) entries[i] = { item: items[i]!, full: items[i]! };
  return (rows.allEntries = entries);
}

function buildPart(rows: Rows, spec: ViewSpec): Partitions {
  const { view, projected: keep } = spec;
  const { items } = rows;
  const shared = keep ? undefined : allEntriesOf(rows);
  const partitions: Partitions = new Map();
  const pkName = view.partitionKey.name;
  for (let i = 0; i < items.length; i++) {
    const full = items[i]!;
    if (view.kind !== 'table' && (!hasKey(full, view.partitionKey) || !hasKey(full, view.sortKey))) continue; // the table's items all have its keys
    const pk = keyText(full[pkName]!);
    const entry = shared ? shared[i]! : new ProjectedEntry(full, keep!);
    const entries = partitions.get(pk);
    if (entries) entries.push(entry);
    else partitions.set(pk, [entry]);
  }
  // forEach: a for-of over a Map allocates an [key, value] array per entry
  partitions.forEach((entries, pk) => {
    if (entries.length > 1) partitions.set(pk, sortEntries(entries, spec));
  });
  return partitions;
}

function byTableKeys(tiebreak: string[]): (a: IndexEntry, b: IndexEntry) => number {
  return (a, b) => {
    for (const name of tiebreak) {
      const c = compareScalars(a.full[name]!, b.full[name]!) ?? 0;
      if (c !== 0) return c;
    }
    return 0;
  };
}

/**
 * Partitions up to this size are sorted by insertion in place (stable, and no work array per sort): most
 * partitions of sample items are small, and often already in order (one comparison per entry then).
 */
const INSERTION_SORT_MAX = 64;

/** Stable sort in place; returns `entries`. */
function sortInPlace(entries: IndexEntry[], compare: (a: IndexEntry, b: IndexEntry) => number): IndexEntry[] {
  if (entries.length > INSERTION_SORT_MAX) return entries.sort(compare);
  for (let i = 1; i < entries.length; i++) {
    const entry = entries[i]!;
    let j = i - 1;
    if (compare(entries[j]!, entry) <= 0) continue;
    while (j >= 0 && compare(entries[j]!, entry) > 0) {
      entries[j + 1] = entries[j]!;
      j--;
    }
    entries[j + 1] = entry;
  }
  return entries;
}

/** Within a partition: by the sort key; an index orders equal index keys by the table's keys (as the engine does). Stable. */
function sortEntries(entries: IndexEntry[], spec: ViewSpec): IndexEntry[] {
  const sortKey = spec.view.sortKey;
  const tiebreak = byTableKeys(spec.tiebreak);
  if (!sortKey) return spec.tiebreak.length ? sortInPlace(entries, tiebreak) : entries;
  const sortName = sortKey.name;
  if (sortKey.type === 'S') {
    // strings compare without preparation; numbers and binaries are parsed once per entry
    return sortInPlace(
      entries,
      (a, b) =>
        compareUtf8((a.full[sortName] as { S: string }).S, (b.full[sortName] as { S: string }).S) || tiebreak(a, b),
    );
  }
  if (sortKey.type === 'N' && entries.every((e) => fitsDouble((e.full[sortName] as { N: string }).N))) {
    if (entries.length <= INSERTION_SORT_MAX) return sortNumbersInPlace(entries, sortName, tiebreak);
    const numbered = entries.map((entry) => ({ entry, n: Number((entry.full[sortName] as { N: string }).N) }));
    numbered.sort((a, b) => a.n - b.n || tiebreak(a.entry, b.entry));
    return numbered.map((k) => k.entry);
  }
  const keyed = entries.map((entry) => ({ entry, key: sortableKey(entry.full[sortName]!) }));
  keyed.sort((a, b) => compareSortableKeys(a.key, b.key) || tiebreak(a.entry, b.entry));
  return keyed.map((k) => k.entry);
}

/** Insertion sort by number sort keys that fit a double (see fitsDouble), each parsed once into a parallel array. */
function sortNumbersInPlace(
  entries: IndexEntry[],
  sortName: string,
  tiebreak: (a: IndexEntry, b: IndexEntry) => number,
): IndexEntry[] {
  const numbers = new Float64Array(entries.length);
  for (let i = 0; i < entries.length; i++) numbers[i] = Number((entries[i]!.full[sortName] as { N: string }).N);
  for (let i = 1; i < entries.length; i++) {
    const entry = entries[i]!;
    const n = numbers[i]!;
    let j = i - 1;
    while (j >= 0 && (numbers[j]! - n || tiebreak(entries[j]!, entry)) > 0) {
      entries[j + 1] = entries[j]!;
      numbers[j + 1] = numbers[j]!;
      j--;
    }
    entries[j + 1] = entry;
    numbers[j + 1] = n;
  }
  return entries;
}

/** Index after the ASCII digits of `text` from `i` on. */
function skipDigits(text: string, i: number): number {
  while (i < text.length && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++;
  return i;
}

/**
 * True for number text with at most 15 digits and no exponent (`-?digits(.digits)?`): distinct such decimals map
 * to distinct doubles in the same order, so they can be sorted as JS numbers (exact decimal comparison is the
 * general path). Scanned without a regex match per entry.
 */
function fitsDouble(text: string): boolean {
  const from = text.charCodeAt(0) === 45 ? 1 : 0;
  let i = skipDigits(text, from);
  if (i === from) return false;
  let digits = i - from;
  if (i < text.length) {
    if (text.charCodeAt(i) !== 46) return false;
    const fraction = i + 1;
    i = skipDigits(text, fraction);
    if (i === fraction || i < text.length) return false;
    digits += i - fraction;
  }
  return digits <= 15;
}

/**
 * The partitions of a view over the parts, in first-seen order. A partition found in one part is that part's
 * array; one spread over several parts is their sorted runs merged (what a stable sort of all its entries in
 * part order gives), remembered for the same runs.
 */
export function mergeParts(parts: readonly Rows[], spec: ViewSpec): Partitions {
  if (parts.length === 0) return new Map();
  let perSpec = views.get(parts[0]!);
  if (!perSpec) views.set(parts[0]!, (perSpec = new Map()));
  const memo = perSpec.get(spec.signature);
  if (memo && memo.parts.length === parts.length && memo.parts.every((p, i) => p === parts[i])) return memo.partitions;
  const partitions = mergeFresh(parts, spec);
  perSpec.set(spec.signature, { parts, partitions });
  return partitions;
}

/** The last merge per first part and index definition: the next model after an edit that kept every part. */
const views = new WeakMap<Rows, Map<string, { parts: readonly Rows[]; partitions: Partitions }>>();

function mergeFresh(parts: readonly Rows[], spec: ViewSpec): Partitions {
  // a partition found in one part (the usual case) is that part's array; only those in several collect their runs
  const partitions: Partitions = new Map();
  let spread: Map<string, IndexEntry[][]> | undefined;
  for (const rows of parts) {
    viewPart(rows, spec).forEach((entries, pk) => {
      const first = partitions.get(pk);
      if (first === undefined) {
        partitions.set(pk, entries);
        return;
      }
      spread ??= new Map();
      const runs = spread.get(pk);
      if (runs) runs.push(entries);
      else spread.set(pk, [first, entries]);
    });
  }
  spread?.forEach((runs, pk) => partitions.set(pk, mergedRuns(runs, spec)));
  return partitions;
}

const merges = new WeakMap<IndexEntry[], { runs: IndexEntry[][]; merged: IndexEntry[] }>();

function mergedRuns(runs: IndexEntry[][], spec: ViewSpec): IndexEntry[] {
  const memo = merges.get(runs[0]!);
  if (memo && memo.runs.length === runs.length && memo.runs.every((r, i) => r === runs[i])) return memo.merged;
  const merged = mergeRuns(runs, spec);
  merges.set(runs[0]!, { runs, merged });
  return merged;
}

function mergeRuns(runs: IndexEntry[][], spec: ViewSpec): IndexEntry[] {
  const sortKey = spec.view.sortKey;
  if (!sortKey && spec.tiebreak.length === 0) return runs.flat();
  // N and B sort keys choose their comparison from all entries: sort them together as one partition.
  if (sortKey && sortKey.type !== 'S') return sortEntries(runs.flat(), spec);
  const tiebreak = byTableKeys(spec.tiebreak);
  const sortName = sortKey?.name;
  const compare =
    sortName === undefined
      ? tiebreak
      : (a: IndexEntry, b: IndexEntry): number =>
          compareUtf8((a.full[sortName] as { S: string }).S, (b.full[sortName] as { S: string }).S) || tiebreak(a, b);
  let level = runs;
  while (level.length > 1) {
    const next: IndexEntry[][] = [];
    for (let i = 0; i < level.length; i += 2)
      next.push(i + 1 < level.length ? mergeTwo(level[i]!, level[i + 1]!, compare) : level[i]!);
    level = next;
  }
  return level[0]!;
}

/** Stable merge of two sorted runs: on equal keys the entry of the earlier run comes first. */
function mergeTwo(a: IndexEntry[], b: IndexEntry[], compare: (x: IndexEntry, y: IndexEntry) => number): IndexEntry[] {
  // Runs that do not interleave (entities with their own key prefixes, the usual case) need no element-wise merge:
  // by transitivity the loop below would take all of one run before the other.
  if (a.length === 0 || b.length === 0 || compare(b[0]!, a[a.length - 1]!) >= 0) return a.concat(b);
  if (compare(b[b.length - 1]!, a[0]!) < 0) return b.concat(a);
  const out = new Array<IndexEntry>(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = compare(b[j]!, a[i]!) < 0 ? b[j++]! : a[i++]!;
  while (i < a.length) out[k++] = a[i++]!;
  while (j < b.length) out[k++] = b[j++]!;
  return out;
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
  constructor(
    readonly full: Item,
    private readonly keep: Set<string>,
  ) {}
  get item(): Item {
    return (this.projected ??= project(this.full, this.keep));
  }
}
