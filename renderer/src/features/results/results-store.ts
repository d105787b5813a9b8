import type { z } from 'zod';
import type { Contract } from '../../../../shared/api/contract.js';
import type { InputOf } from '../../../../shared/api/define.js';
import type { SentRequestSchema } from '../../../../shared/api/methods/operations.js';
import type { Item } from '../../../../shared/model/attribute-value.js';
import { failureText } from '../../files/api-call.js';
import { createStore, useStore } from '../../state/store.js';
import { callStreaming } from '../tables/streaming-call.js';

export type SentRequest = z.output<typeof SentRequestSchema>;

type Paging = 'connectionId' | 'all' | 'maxItems' | 'exclusiveStartKey' | 'confirm';
/** A read the results can repeat page after page: an access pattern, or an ad hoc Query or Scan. */
export type ReadSpec =
  | { method: 'operation.runPattern'; input: Omit<InputOf<Contract['operation.runPattern']>, Paging> }
  | { method: 'operation.query'; input: Omit<InputOf<Contract['operation.query']>, Paging> }
  | { method: 'operation.scan'; input: Omit<InputOf<Contract['operation.scan']>, Paging> };

export type ReadStatus = 'idle' | 'running' | 'done' | 'more' | 'cancelled' | 'failed';

export interface ResultsState {
  /** What was run, for people: "list-messages" or "Scan cruddur-messages". */
  title: string;
  table?: string;
  spec?: ReadSpec;
  connectionId?: string;
  request?: SentRequest;
  /** Every item read so far, in read order (a new array reference on each publish). */
  items: readonly Item[];
  /** Attribute names in order of first appearance over all items. */
  attributes: readonly string[];
  count: number;
  scannedCount: number;
  consumedCapacity: number;
  pages: number;
  lastEvaluatedKey?: Item;
  status: ReadStatus;
  /** Which kind of load runs now (for the buttons' labels). */
  loading?: 'run' | 'more' | 'all';
  error?: string;
  /** Time spent in requests of this result, ms (summed over loads). */
  elapsedMs: number;
  /** Bumps on every new read (not on load more), so views reset their scroll and selection. */
  generation: number;
  /** The item open in the item panel (index into items). */
  openIndex?: number;
}

const EMPTY: ResultsState = {
  title: '',
  items: [],
  attributes: [],
  count: 0,
  scannedCount: 0,
  consumedCapacity: 0,
  pages: 0,
  status: 'idle',
  elapsedMs: 0,
  generation: 0,
};

const store = createStore<ResultsState>(EMPTY);

export function useResults(): ResultsState {
  return useStore(store);
}

export function getResults(): ResultsState {
  return store.get();
}

export function subscribeResults(listener: () => void): () => void {
  return store.subscribe(listener);
}

export function openItem(index: number | undefined): void {
  store.update((s) => ({ ...s, openIndex: index }));
}

/** Replaces one item in place (after an edit was written), keeping the rest of the result. */
export function replaceItem(index: number, item: Item): void {
  store.update((s) => {
    const items = s.items.slice();
    items[index] = item;
    return { ...s, items, attributes: mergeAttributes(s.attributes, [item]) };
  });
}

export function insertItem(item: Item): number {
  const index = store.get().items.length;
  store.update((s) => ({ ...s, items: [...s.items, item], attributes: mergeAttributes(s.attributes, [item]) }));
  return index;
}

export function removeItems(indexes: ReadonlySet<number>): void {
  store.update((s) => ({
    ...s,
    items: s.items.filter((_, i) => !indexes.has(i)),
    openIndex: undefined,
  }));
}

function mergeAttributes(known: readonly string[], items: readonly Item[]): readonly string[] {
  let seen: Set<string> | undefined;
  let out: string[] | undefined;
  for (const item of items) {
    for (const name in item) {
      seen ??= new Set(known);
      if (!seen.has(name)) {
        seen.add(name);
        out ??= known.slice();
        out.push(name);
      }
    }
  }
  return out ?? known;
}

let controller: AbortController | undefined;

/** Stops the read in flight; what was loaded stays, and the resume key lets Load more continue. */
export function cancelRead(): void {
  controller?.abort();
}

/** The rows a run or a "Load more" reads by default. */
export const ROWS_PER_LOAD = 1000;
export const ROWS_CHOICES = [100, 1000, 10_000] as const;

const rowsStore = createStore<number>(ROWS_PER_LOAD);

/** Rows per load, chosen in the results toolbar. */
export function useRowsPerLoad(): number {
  return useStore(rowsStore);
}

export function setRowsPerLoad(rows: number): void {
  rowsStore.set(rows);
}

/** Runs a new read (replacing the results) and loads its first rows. */
export function runRead(title: string, table: string, connectionId: string, spec: ReadSpec, rows = rowsStore.get()) {
  controller?.abort();
  store.update((s) => ({
    ...EMPTY,
    title,
    table,
    spec,
    connectionId,
    status: 'running',
    loading: 'run',
    generation: s.generation + 1,
  }));
  return load('run', rows);
}

/** Loads up to `rows` more rows after the last one (or every remaining row with `all`). */
export function loadMore(rows = rowsStore.get()): Promise<void> {
  return load('more', rows);
}

export function loadAll(): Promise<void> {
  return load('all', undefined);
}

/** Items of a streamed page event (`stream: true`: each Query/Scan page's items ride on its event). */
export function pageItems(event: unknown): Item[] | undefined {
  const page = (event as { pageItems?: unknown } | undefined)?.pageItems;
  return Array.isArray(page) ? (page as Item[]) : undefined;
}

/** How often streamed pages are published to the views while a long read runs. */
const PUBLISH_MS = 200;

async function load(kind: 'run' | 'more' | 'all', rows: number | undefined): Promise<void> {
  const start = store.get();
  const { spec, connectionId } = start;
  if (!spec || !connectionId) return;
  if (kind !== 'run' && !start.lastEvaluatedKey) return;
  const own = new AbortController();
  controller = own;
  const generation = start.generation;
  /** A newer read replaced this one: its late answers must not touch the new read's state. */
  const replaced = (): boolean => store.get().generation !== generation;
  const buffer = start.items.slice();
  let attributes = start.attributes;
  let streamed = false;
  let scanned = 0;
  let capacity = 0;
  let lastPublish = 0;
  const publish = (): void => {
    store.update((s) => ({ ...s, items: buffer.slice(), attributes }));
    lastPublish = performance.now();
  };
  store.update((s) => ({ ...s, status: 'running', loading: kind, error: undefined }));
  const begun = performance.now();
  // Streamed: every page arrives as an event with its items, so "Load all" has no item cap in the backend.
  const paging = {
    connectionId,
    all: true,
    stream: true,
    ...(rows !== undefined ? { maxItems: rows } : {}),
    ...(kind !== 'run' && start.lastEvaluatedKey ? { exclusiveStartKey: start.lastEvaluatedKey } : {}),
  };
  const onEvent = (event: unknown): void => {
    const items = pageItems(event);
    if (!items || replaced()) return;
    streamed = true;
    for (const item of items) buffer.push(item);
    attributes = mergeAttributes(attributes, items);
    const page = event as { lastEvaluatedKey?: Item; scannedCount?: number; consumedCapacity?: number };
    scanned += page.scannedCount ?? 0;
    capacity += page.consumedCapacity ?? 0;
    store.update((s) => ({
      ...s,
      ...(page.lastEvaluatedKey ? { lastEvaluatedKey: page.lastEvaluatedKey } : {}),
      count: buffer.length,
      scannedCount: start.scannedCount + scanned,
      consumedCapacity: start.consumedCapacity + capacity,
    }));
    if (performance.now() - lastPublish > PUBLISH_MS) publish();
  };
  try {
    const output = await callStreaming(
      spec.method,
      { ...spec.input, ...paging } as never,
      { signal: own.signal, onEvent } as never,
    );
    const { request, result } = output as { request: SentRequest; result: ResultOf };
    if (replaced()) return;
    if (!streamed) {
      for (const item of result.items) buffer.push(item);
      attributes = mergeAttributes(attributes, result.items);
    }
    const elapsed = performance.now() - begun;
    performance.mark('rows-arrived');
    store.update((s) => {
      const next: ResultsState = {
        ...s,
        request,
        items: buffer.slice(),
        attributes,
        count: buffer.length,
        scannedCount: start.scannedCount + result.scannedCount,
        consumedCapacity: start.consumedCapacity + result.consumedCapacity,
        pages: s.pages + result.pages,
        status: result.lastEvaluatedKey ? 'more' : 'done',
        loading: undefined,
        elapsedMs: s.elapsedMs + elapsed,
      };
      if (result.lastEvaluatedKey) next.lastEvaluatedKey = result.lastEvaluatedKey;
      else delete next.lastEvaluatedKey;
      return next;
    });
  } catch (error) {
    if (replaced()) return;
    const details = (error as { details?: Record<string, unknown> }).details ?? {};
    const resume = details.lastEvaluatedKey as Item | undefined;
    const cancelled = own.signal.aborted || (error as { code?: string }).code === 'CANCELLED';
    store.update((s) => {
      const next: ResultsState = {
        ...s,
        items: buffer.slice(),
        attributes,
        count: buffer.length,
        status: cancelled ? 'cancelled' : 'failed',
        loading: undefined,
        elapsedMs: s.elapsedMs + (performance.now() - begun),
        ...(cancelled ? {} : { error: failureText(error) }),
      };
      if (resume) next.lastEvaluatedKey = resume;
      return next;
    });
  } finally {
    if (controller === own) controller = undefined;
  }
}

interface ResultOf {
  items: Item[];
  count: number;
  scannedCount: number;
  consumedCapacity: number;
  pages: number;
  lastEvaluatedKey?: Item;
}

/** Shows the outcome of a single request (Get/Put/Update/Delete) as a result with no more pages. */
export function showSingle(
  title: string,
  table: string,
  request: SentRequest,
  items: readonly Item[],
  stats: { consumedCapacity: number; elapsedMs: number },
): void {
  controller?.abort();
  store.update((s) => ({
    ...EMPTY,
    title,
    table,
    request,
    items,
    attributes: mergeAttributes([], items),
    count: items.length,
    scannedCount: items.length,
    consumedCapacity: stats.consumedCapacity,
    pages: 1,
    status: 'done',
    elapsedMs: stats.elapsedMs,
    generation: s.generation + 1,
  }));
}
