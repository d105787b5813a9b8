import type { Item } from '../../../../shared/model/attribute-value.js';
import { callApi } from '../../files/api-call.js';

/** Rows fetched at once: a window starts at a multiple of this. */
export const WINDOW_ROWS = 100;
/** Windows kept in the page (least recently used first out): at most 2,400 rows, whatever the result holds. */
const MAX_WINDOWS = 24;

/** One row of a window: its id in the backend result set, its item, and its position in the result's order. */
export interface WindowRow {
  id: number;
  item: Item;
}

/**
 * The rows of the current result set the page holds: windows of `WINDOW_ROWS` rows around what is on screen, fetched
 * from the backend by position (`results.window`), the least recently used dropped beyond `MAX_WINDOWS`. The rest of
 * the result stays in the backend's spool, so the page's memory does not grow with the result.
 */
class RowWindows {
  private resultId: string | undefined;
  /** Bumps when rows change place or content: answers asked for before are dropped. */
  private generation = 0;
  private total = 0;
  private readonly windows = new Map<number, WindowRow[]>();
  private readonly pending = new Map<number, Promise<void>>();
  private readonly listeners = new Set<() => void>();
  private tick = 0;
  /** The rows the grid shows now, fetched again first after a change. */
  private visible: [number, number] = [0, 0];

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Changes on every window that arrives or is dropped (for useSyncExternalStore). */
  readonly version = (): number => this.tick;

  /** Shows another result set (or none): every window goes. */
  reset(resultId: string | undefined, total: number): void {
    this.resultId = resultId;
    this.total = total;
    this.visible = [0, 0];
    this.drop();
  }

  /** Rows were added at the end: full windows stay, the last partial one is fetched again. */
  appended(total: number): void {
    const partial = Math.floor(this.total / WINDOW_ROWS);
    this.total = total;
    if (this.windows.get(partial)?.length !== WINDOW_ROWS && this.windows.delete(partial)) this.generation++;
    this.notify();
  }

  /** Rows changed place or content (sort, edit, delete): every window goes. */
  changed(total: number): void {
    this.total = total;
    this.drop();
  }

  /** The row at a position, when its window is here. */
  rowAt(position: number): WindowRow | undefined {
    const index = Math.floor(position / WINDOW_ROWS);
    const window = this.windows.get(index);
    if (!window) return undefined;
    this.windows.delete(index); // most recently used last
    this.windows.set(index, window);
    return window[position - index * WINDOW_ROWS];
  }

  /** A row by id, when its window is here (the open row is usually on screen). */
  rowById(id: number): WindowRow | undefined {
    for (const window of this.windows.values()) {
      const row = window.find((r) => r.id === id);
      if (row) return row;
    }
    return undefined;
  }

  /** Fetches the windows covering positions `from`…`to` (inclusive) that are not here yet. */
  ensure(from: number, to: number): Promise<void> {
    this.visible = [from, to];
    const jobs: Promise<void>[] = [];
    const last = Math.min(to, this.total - 1);
    for (let index = Math.floor(Math.max(0, from) / WINDOW_ROWS); index * WINDOW_ROWS <= last; index++) {
      if (!this.windows.has(index)) jobs.push(this.fetch(index));
    }
    return Promise.all(jobs).then(() => undefined);
  }

  /** Fetches what the grid shows (after a change), so the new rows arrive together with the figures. */
  refresh(): Promise<void> {
    return this.ensure(this.visible[0], Math.max(this.visible[1], WINDOW_ROWS - 1));
  }

  /** The ids at positions `from`…`to` (inclusive): from the windows here, else fetched (a range selection). */
  async idsBetween(from: number, to: number): Promise<number[]> {
    const ids: number[] = [];
    for (let start = from; start <= to; start += 5000) {
      const end = Math.min(to, start + 4999);
      const here: number[] = [];
      for (let p = start; p <= end; p++) {
        const row = this.rowAt(p);
        if (!row) break;
        here.push(row.id);
      }
      if (here.length === end - start + 1) ids.push(...here);
      else {
        const out = await callApi('results.window', {
          resultId: this.resultId!,
          offset: start,
          count: end - start + 1,
        });
        for (const row of out.rows) ids.push(row.id);
      }
    }
    return ids;
  }

  private fetch(index: number): Promise<void> {
    const existing = this.pending.get(index);
    if (existing) return existing;
    const resultId = this.resultId;
    const generation = this.generation;
    if (!resultId) return Promise.resolve();
    const job = callApi('results.window', { resultId, offset: index * WINDOW_ROWS, count: WINDOW_ROWS })
      .then((out) => {
        if (resultId !== this.resultId || generation !== this.generation) return;
        // Rows added while this was asked for: ask again (the grid does on the next render).
        if (out.rows.length < Math.min(WINDOW_ROWS, this.total - index * WINDOW_ROWS)) return this.notify();
        this.windows.set(index, out.rows);
        while (this.windows.size > MAX_WINDOWS) this.windows.delete(this.windows.keys().next().value!);
        this.notify();
      })
      .catch(() => undefined) // a closed result: the next read replaces it
      .finally(() => {
        if (this.pending.get(index) === job) this.pending.delete(index);
      });
    this.pending.set(index, job);
    return job;
  }

  private drop(): void {
    this.generation++;
    this.windows.clear();
    this.pending.clear();
    this.notify();
  }

  private notify(): void {
    this.tick++;
    for (const listener of [...this.listeners]) listener();
  }
}

/** The one window cache of the results grid. */
export const rowWindows = new RowWindows();
