import { type FileHandle, open, rm } from 'node:fs/promises';
import { MonotableError } from '../../../shared/errors/monotable-error.js';
import type { AttributeValue, Item } from '../../../shared/model/attribute-value.js';
import { compareCells } from './compare-cells.js';

/** One row of a result set: its id (stable while the set lives, whatever the order) and its item. */
export interface Row {
  id: number;
  item: Item;
}

/** How the rows are shown: in read order, or by one column's values (`key` gives the value of a row's item). */
export interface RowOrder {
  column: string;
  descending: boolean;
  key?: (item: Item) => AttributeValue | undefined;
}

/** Rows read from the spool at once when a whole result is walked (sort, export). */
const WALK_ROWS = 4096;
/** Two rows closer than this in the spool are read with one read call. */
const COALESCE_GAP = 16 * 1024;

/** A growable array of unsigned numbers in a typed array (a million rows cost 4 or 8 MB, not a JS array's 8+). */
class NumberColumn<T extends Float64Array | Uint32Array> {
  private length = 0;
  constructor(private data: T) {}
  get size(): number {
    return this.length;
  }
  get(i: number): number {
    return this.data[i]!;
  }
  set(i: number, value: number): void {
    this.data[i] = value;
  }
  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = new (this.data.constructor as new (n: number) => T)(Math.max(1024, this.data.length * 2));
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }
  /** The first `length` values (a view, not a copy). */
  values(): T {
    return this.data.subarray(0, this.length) as T;
  }
  replaceAll(values: T): void {
    this.data = values;
    this.length = values.length;
  }
}

/**
 * The rows of one read, kept outside the page: DynamoDB JSON lines appended to a spool file, an index of where each
 * line is (byte offset and length), and the order rows are shown in (a permutation of row ids: read order, a
 * column's sort, rows removed). A window of rows is read from the file by position; memory is a few bytes per row.
 * Editing a row appends its new line and points the row at it (the file only grows; it goes when the set closes).
 */
export class ResultSet {
  private readonly offsets = new NumberColumn(new Float64Array(1024));
  private readonly lengths = new NumberColumn(new Uint32Array(1024));
  private readonly view = new NumberColumn(new Uint32Array(1024));
  private fileSize = 0;
  private readonly seen = new Set<string>();
  private readonly names: string[] = [];
  private order: RowOrder | undefined;
  /** Rows were added since the last sort: the next `settle()` sorts again. */
  private unsorted = false;
  /** Serializes writes (appends and edits) so offsets follow the file. */
  private writing: Promise<unknown> = Promise.resolve();
  private closed = false;
  /** Where a read of this set resumes (the last page's LastEvaluatedKey). */
  lastEvaluatedKey: Item | undefined;
  /** Bumps whenever rows change content or place (the page refetches its windows). */
  version = 0;
  lastUsed = Date.now();
  /** A read is adding rows: the store does not evict the set meanwhile. */
  busy = false;

  private constructor(
    readonly id: string,
    readonly path: string,
    private readonly file: FileHandle,
    private readonly keyNames: readonly string[],
  ) {}

  static async create(id: string, path: string, keyNames: readonly string[] = []): Promise<ResultSet> {
    const file = await open(path, 'wx+', 0o600);
    return new ResultSet(id, path, file, keyNames);
  }

  /** Rows shown (read minus removed). */
  get total(): number {
    return this.view.size;
  }

  get sortedBy(): { column: string; descending: boolean } | undefined {
    return this.order ? { column: this.order.column, descending: this.order.descending } : undefined;
  }

  /** Attribute names: the key attributes present first, then every other in order of first appearance. */
  attributes(): string[] {
    const keys = this.keyNames.filter((k) => this.seen.has(k));
    const keySet = new Set(keys);
    return [...keys, ...this.names.filter((n) => !keySet.has(n))];
  }

  get attributeCount(): number {
    return this.names.length;
  }

  /** Adds rows at the end (in this order); returns their ids. */
  append(items: readonly Item[]): Promise<number[]> {
    return this.write(async () => {
      const ids: number[] = [];
      if (items.length === 0) return ids;
      const chunks: Buffer[] = [];
      let at = this.fileSize;
      for (const item of items) {
        this.learn(item);
        const line = Buffer.from(`${JSON.stringify(item)}\n`, 'utf8');
        chunks.push(line);
        const id = this.offsets.size;
        this.offsets.push(at);
        this.lengths.push(line.length - 1);
        this.view.push(id);
        ids.push(id);
        at += line.length;
      }
      const data = Buffer.concat(chunks);
      await this.file.write(data, 0, data.length, this.fileSize);
      this.fileSize = at;
      if (this.order) this.unsorted = true;
      this.version++;
      return ids;
    });
  }

  /** Replaces the items of rows (after an edit was written); each row keeps its id and place. */
  replace(rows: readonly Row[]): Promise<void> {
    return this.write(async () => {
      for (const { id } of rows) this.checkId(id);
      const chunks: Buffer[] = [];
      let at = this.fileSize;
      for (const { id, item } of rows) {
        this.learn(item);
        const line = Buffer.from(`${JSON.stringify(item)}\n`, 'utf8');
        chunks.push(line);
        this.offsets.set(id, at);
        this.lengths.set(id, line.length - 1);
        at += line.length;
      }
      const data = Buffer.concat(chunks);
      await this.file.write(data, 0, data.length, this.fileSize);
      this.fileSize = at;
      this.version++;
    });
  }

  /** Takes rows out of the view (deleted items); their lines stay in the spool until it is removed. */
  remove(ids: readonly number[]): void {
    if (ids.length === 0) return;
    const gone = new Set(ids);
    const kept = new Uint32Array(Math.max(1024, this.view.size));
    let n = 0;
    for (const id of this.view.values()) if (!gone.has(id)) kept[n++] = id;
    this.view.replaceAll(kept.subarray(0, n));
    this.version++;
  }

  /** Rows at positions `offset`…`offset + count - 1` of the view. */
  async window(offset: number, count: number): Promise<Row[]> {
    const from = Math.max(0, Math.min(offset, this.view.size));
    const to = Math.min(this.view.size, from + Math.max(0, count));
    const ids = Array.from(this.view.values().subarray(from, to));
    return this.rows(ids);
  }

  /** Rows by id, in the order asked. */
  async rows(ids: readonly number[]): Promise<Row[]> {
    this.lastUsed = Date.now();
    for (const id of ids) this.checkId(id);
    await this.writing;
    return this.read(ids);
  }

  private async read(ids: readonly number[]): Promise<Row[]> {
    // Read in file order, joining rows that lie close together into one read.
    const order = ids.map((_, i) => i).sort((a, b) => this.offsets.get(ids[a]!) - this.offsets.get(ids[b]!));
    const out = new Array<Row>(ids.length);
    let i = 0;
    while (i < order.length) {
      const first = ids[order[i]!]!;
      const start = this.offsets.get(first);
      let end = start + this.lengths.get(first);
      let j = i + 1;
      while (j < order.length) {
        const id = ids[order[j]!]!;
        const at = this.offsets.get(id);
        if (at - end > COALESCE_GAP) break;
        end = Math.max(end, at + this.lengths.get(id));
        j++;
      }
      const buffer = Buffer.allocUnsafe(end - start);
      await this.file.read(buffer, 0, buffer.length, start);
      for (let k = i; k < j; k++) {
        const id = ids[order[k]!]!;
        const at = this.offsets.get(id) - start;
        const item = JSON.parse(buffer.toString('utf8', at, at + this.lengths.get(id))) as Item;
        out[order[k]!] = { id, item };
      }
      i = j;
    }
    return out;
  }

  /**
   * Orders the view by one column (DynamoDB's value order: numbers by value, strings by UTF-8 bytes; missing values
   * last), or back to read order without `order`. Reads every row once; the permutation replaces the view.
   */
  sort(order: RowOrder | undefined, signal?: AbortSignal): Promise<void> {
    // In the write queue: rows a read appends meanwhile wait, and are not lost from the new order.
    return this.write(() => this.reorder(order, signal));
  }

  private async reorder(order: RowOrder | undefined, signal?: AbortSignal): Promise<void> {
    this.order = order;
    this.unsorted = false;
    const ids = this.view.values().slice();
    if (!order) {
      ids.sort();
      this.view.replaceAll(ids);
      this.version++;
      return;
    }
    const keyOf = order.key ?? ((item: Item) => item[order.column]);
    const keys = new Array<AttributeValue | undefined>(this.offsets.size);
    for (let from = 0; from < ids.length; from += WALK_ROWS) {
      if (signal?.aborted) throw new MonotableError('CANCELLED', 'Sorting the results was cancelled.', {});
      for (const row of await this.read(Array.from(ids.subarray(from, from + WALK_ROWS))))
        keys[row.id] = keyOf(row.item);
    }
    const sign = order.descending ? -1 : 1;
    // Missing values stay last in both directions; ties keep read order (a stable sort by id).
    const sorted = Array.from(ids).sort((a, b) => {
      const x = keys[a];
      const y = keys[b];
      if (x === undefined || y === undefined) return x === y ? a - b : x === undefined ? 1 : -1;
      return sign * compareCells(x, y) || a - b;
    });
    this.view.replaceAll(Uint32Array.from(sorted));
    this.version++;
  }

  /** After a read added rows to a sorted view: sorts again, so every row is in its place. */
  async settle(): Promise<void> {
    if (this.order && this.unsorted) await this.sort(this.order);
  }

  /** Every row in view order, a chunk at a time (for an export). */
  async *walk(): AsyncGenerator<Row[]> {
    const ids = this.view.values().slice();
    for (let from = 0; from < ids.length; from += WALK_ROWS)
      yield await this.rows(Array.from(ids.subarray(from, from + WALK_ROWS)));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.writing.catch(() => undefined);
    await this.file.close().catch(() => undefined);
    await rm(this.path, { force: true });
  }

  private learn(item: Item): void {
    for (const name in item) {
      if (!this.seen.has(name)) {
        this.seen.add(name);
        this.names.push(name);
      }
    }
  }

  private checkId(id: number): void {
    if (!Number.isInteger(id) || id < 0 || id >= this.offsets.size)
      throw new MonotableError('NOT_FOUND', `Result ${this.id} has no row ${id}.`, {
        hint: 'Run the read again: the row ids of a result are those its windows returned.',
      });
  }

  private write<T>(work: () => Promise<T>): Promise<T> {
    if (this.closed)
      return Promise.reject(
        new MonotableError('NOT_FOUND', `Result ${this.id} is closed.`, { hint: 'Run the read again.' }),
      );
    const next = this.writing.then(work);
    this.writing = next.catch(() => undefined);
    this.lastUsed = Date.now();
    return next;
  }
}
