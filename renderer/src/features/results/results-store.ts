import type { z } from 'zod';
import type { SentRequestSchema } from '../../../../shared/api/methods/operations.js';
import type { ResultPageEvent, ResultReadSchema } from '../../../../shared/api/methods/results.js';
import type { Item } from '../../../../shared/model/attribute-value.js';
import { keyAttributes } from '../../../../shared/model/indexes.js';
import type { Model } from '../../../../shared/model/schema.js';
import { callApi, failureText } from '../../files/api-call.js';
import { createStore, useStore } from '../../state/store.js';
import { engineRevived } from '../connections/connection-store.js';
import { callStreaming } from '../tables/streaming-call.js';
import { rowWindows } from './row-windows.js';

export type SentRequest = z.output<typeof SentRequestSchema>;

/** A read the results can repeat page after page: an access pattern, or an ad hoc Query or Scan. */
export type ReadSpec = z.output<typeof ResultReadSchema>;

export type ReadStatus = 'idle' | 'running' | 'done' | 'more' | 'cancelled' | 'failed';

/** The column the rows are ordered by (in the backend), or none: read order. */
export interface ResultSort {
  column: string;
  descending: boolean;
}

export interface ResultsState {
  /** What was run, for people: "list-messages" or "Scan cruddur-messages". */
  title: string;
  table?: string;
  spec?: ReadSpec;
  connectionId?: string;
  request?: SentRequest;
  /** The backend result set holding the rows (decisions/0011-result-sets.md); the page holds windows of it. */
  resultId?: string;
  /** Rows in the result (read, minus deleted ones). */
  total: number;
  /** Attribute names: key attributes first, then in order of first appearance over all rows. */
  attributes: readonly string[];
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
  /** Bumps when rows change place or content (sort, edit, delete), so views refetch what they show. */
  revision: number;
  sort?: ResultSort;
  /** Sorting runs in the backend. */
  sorting?: boolean;
  /** The row open in the item panel (its id in the result set). */
  openId?: number;
}

const EMPTY: ResultsState = {
  title: '',
  total: 0,
  attributes: [],
  scannedCount: 0,
  consumedCapacity: 0,
  pages: 0,
  status: 'idle',
  elapsedMs: 0,
  generation: 0,
  revision: 0,
};

const store = createStore<ResultsState>(EMPTY);

export function useResults(): ResultsState {
  return useStore(store);
}

export function getResults(): ResultsState {
  return store.get();
}

export function openItem(id: number | undefined): void {
  store.update((s) => ({ ...s, openId: id }));
}

type Shape = { total: number; attributes: string[] };

/** After rows changed in the backend: the new shape, every cached window dropped, what is on screen fetched again. */
async function rowsChanged(shape: Shape): Promise<void> {
  rowWindows.changed(shape.total);
  await rowWindows.refresh();
  store.update((s) => ({ ...s, total: shape.total, attributes: shape.attributes, revision: s.revision + 1 }));
}

function currentId(): string {
  const id = store.get().resultId;
  if (!id) throw new Error('There is no result to change.');
  return id;
}

/** Replaces rows in place (after edits were written), keeping the rest of the result. */
export async function replaceRows(rows: readonly { id: number; item: Item }[]): Promise<void> {
  if (rows.length === 0) return;
  await rowsChanged(await callApi('results.edit', { resultId: currentId(), replace: [...rows] }));
}

/** Adds a written item at the end of the result; returns its row id. */
export async function insertItem(item: Item): Promise<number> {
  const out = await callApi('results.edit', { resultId: currentId(), append: [item] });
  await rowsChanged(out);
  return out.appended[0]!;
}

/** Takes deleted rows out of the result. */
export async function removeRows(ids: readonly number[]): Promise<void> {
  store.update((s) => ({ ...s, openId: undefined }));
  await rowsChanged(await callApi('results.edit', { resultId: currentId(), remove: [...ids] }));
}

/** Orders the rows by a column in the backend (missing values last), or back to read order. */
export async function sortResults(sort: ResultSort | undefined, model: Model | undefined): Promise<void> {
  const { resultId, table } = store.get();
  if (!resultId) return;
  store.update((s) => ({ ...s, sort, sorting: true }));
  try {
    const entity = sort?.column === ENTITY_COLUMN && model && table ? { model, table } : undefined;
    const out = await callApi('results.sort', {
      resultId,
      ...(sort && { column: sort.column, descending: sort.descending }),
      ...(entity && { entity }),
    });
    if (store.get().resultId === resultId) await rowsChanged(out);
  } catch (error) {
    store.update((s) => ({ ...s, error: failureText(error) }));
  } finally {
    store.update((s) => ({ ...s, sorting: false }));
  }
}

/** The Entity column's id (decoded from the key templates, not an attribute). */
export const ENTITY_COLUMN = 'Entity';

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

/** Key attributes of the read's table, listed first in the result (table keys, then index keys). */
function keyNamesOf(spec: ReadSpec, table: string): string[] {
  const found = spec.input.model.tables.find((t) => t.name === table);
  return found ? keyAttributes(found).map((k) => k.name) : [];
}

/** Closes the result set being replaced (its spool file goes with it). */
function closeCurrent(): void {
  const previous = store.get().resultId;
  if (previous) void callApi('results.close', { resultId: previous }).catch(() => undefined);
}

/** Opens a fresh result set (after `closeCurrent`). */
function createResultSet(keyNames: string[], items?: Item[]) {
  return callApi('results.create', { keyNames, ...(items && { items }) });
}

/** Runs a new read (replacing the results) and loads its first rows. */
export async function runRead(
  title: string,
  table: string,
  connectionId: string,
  spec: ReadSpec,
  rows = rowsStore.get(),
): Promise<void> {
  controller?.abort();
  closeCurrent();
  const generation = store.get().generation + 1;
  store.update((s) => ({
    ...EMPTY,
    title,
    table,
    spec,
    connectionId,
    status: 'running',
    loading: 'run',
    generation,
    revision: s.revision + 1,
  }));
  try {
    const made = await createResultSet(keyNamesOf(spec, table));
    if (store.get().generation !== generation) {
      void callApi('results.close', { resultId: made.resultId }).catch(() => undefined);
      return;
    }
    rowWindows.reset(made.resultId, 0);
    store.update((s) => ({ ...s, resultId: made.resultId }));
  } catch (error) {
    store.update((s) => ({ ...s, status: 'failed', loading: undefined, error: failureText(error) }));
    return;
  }
  return load('run', rows);
}

/** Loads up to `rows` more rows after the last one (or every remaining row with `all`). */
export function loadMore(rows = rowsStore.get()): Promise<void> {
  return load('more', rows);
}

export function loadAll(): Promise<void> {
  return load('all', undefined);
}

/** How often page figures are published to the views while a long read runs. */
const PUBLISH_MS = 200;

async function load(kind: 'run' | 'more' | 'all', rows: number | undefined): Promise<void> {
  await engineRevived();
  const start = store.get();
  const { spec, connectionId, resultId } = start;
  if (!spec || !connectionId || !resultId) return;
  if (kind !== 'run' && !start.lastEvaluatedKey) return;
  const own = new AbortController();
  controller = own;
  const generation = start.generation;
  /** A newer read replaced this one: its late answers must not touch the new read's state. */
  const replaced = (): boolean => store.get().generation !== generation;
  let scanned = 0;
  let capacity = 0;
  let lastPublish = 0;
  let shown = start.total;
  let latest: ResultPageEvent | undefined;
  /** Publishes run one after another, each once the rows on screen are fetched: the count and the rows agree. */
  let publishing: Promise<void> = Promise.resolve();
  const publish = (): void => {
    if (!latest) return;
    const page = latest;
    lastPublish = performance.now();
    shown = page.total;
    const figures = { scanned, capacity };
    publishing = publishing.then(async () => {
      rowWindows.appended(page.total);
      await rowWindows.refresh();
      if (replaced() || own.signal.aborted || done) return;
      store.update((s) => ({
        ...s,
        total: page.total,
        ...(page.attributes.length > 0 && { attributes: page.attributes }),
        scannedCount: start.scannedCount + figures.scanned,
        consumedCapacity: start.consumedCapacity + figures.capacity,
        ...(page.lastEvaluatedKey && { lastEvaluatedKey: page.lastEvaluatedKey }),
      }));
    });
  };
  /** The load ended: publishes still queued leave the final figures alone. */
  let done = false;
  store.update((s) => ({ ...s, status: 'running', loading: kind, error: undefined }));
  const begun = performance.now();
  const onEvent = (event: ResultPageEvent): void => {
    if (replaced()) return;
    scanned += event.scannedCount;
    capacity += event.consumedCapacity;
    const attributes = event.attributes.length > 0 ? event.attributes : (latest?.attributes ?? []);
    latest = { ...event, attributes };
    if (performance.now() - lastPublish > PUBLISH_MS || shown === 0) publish();
  };
  /** The figures and the rows on screen, published together. */
  const finish = async (next: Partial<ResultsState>, total: number, attributes: readonly string[] | undefined) => {
    done = true;
    await publishing;
    if (start.sort) rowWindows.changed(total);
    else rowWindows.appended(total);
    await rowWindows.refresh();
    if (replaced()) return;
    performance.mark('rows-arrived');
    store.update((s) => {
      const out: ResultsState = {
        ...s,
        ...next,
        total,
        ...(attributes && attributes.length > 0 && { attributes }),
        loading: undefined,
        elapsedMs: s.elapsedMs + (performance.now() - begun),
        revision: s.revision + 1,
      };
      if (!next.lastEvaluatedKey && next.status === 'done') delete out.lastEvaluatedKey;
      return out;
    });
  };
  try {
    const output = await callStreaming(
      'results.read',
      {
        resultId,
        connectionId,
        read: spec,
        ...(rows !== undefined && { maxItems: rows }),
        ...(kind !== 'run' && { more: true }),
      },
      { signal: own.signal, onEvent },
    );
    if (replaced()) return;
    await finish(
      {
        request: output.request,
        scannedCount: start.scannedCount + output.scannedCount,
        consumedCapacity: start.consumedCapacity + output.consumedCapacity,
        pages: start.pages + output.pages,
        status: output.lastEvaluatedKey ? 'more' : 'done',
        ...(output.lastEvaluatedKey && { lastEvaluatedKey: output.lastEvaluatedKey }),
      },
      output.total,
      output.attributes,
    );
  } catch (error) {
    if (replaced()) return;
    const details = (error as { details?: Record<string, unknown> }).details ?? {};
    const resume = (details.lastEvaluatedKey as Item | undefined) ?? latest?.lastEvaluatedKey;
    const cancelled = own.signal.aborted || (error as { code?: string }).code === 'CANCELLED';
    await finish(
      {
        scannedCount: start.scannedCount + scanned,
        consumedCapacity: start.consumedCapacity + capacity,
        status: cancelled ? 'cancelled' : 'failed',
        ...(cancelled ? {} : { error: failureText(error) }),
        ...(resume && { lastEvaluatedKey: resume }),
      },
      latest?.total ?? shown,
      latest?.attributes,
    ).catch(() => undefined);
  } finally {
    if (controller === own) controller = undefined;
  }
}

/** Shows the outcome of a single request (Get/Put/Update/Delete) as a result with no more pages. */
export async function showSingle(
  title: string,
  table: string,
  request: SentRequest,
  items: readonly Item[],
  stats: { consumedCapacity: number; elapsedMs: number },
  model?: Model,
): Promise<void> {
  controller?.abort();
  const found = model?.tables.find((t) => t.name === table);
  closeCurrent();
  const generation = store.get().generation + 1;
  store.update((s) => ({ ...s, generation, resultId: undefined }));
  const made = await createResultSet(found ? keyAttributes(found).map((k) => k.name) : [], [...items]);
  if (store.get().generation !== generation) {
    void callApi('results.close', { resultId: made.resultId }).catch(() => undefined);
    return;
  }
  rowWindows.reset(made.resultId, made.total);
  await rowWindows.refresh();
  store.update((s) => ({
    ...EMPTY,
    title,
    table,
    request,
    resultId: made.resultId,
    total: made.total,
    attributes: made.attributes,
    scannedCount: items.length,
    consumedCapacity: stats.consumedCapacity,
    pages: 1,
    status: 'done',
    elapsedMs: stats.elapsedMs,
    generation,
    revision: s.revision + 1,
  }));
}

/** Closes the result set when the page goes away (reload, tab closed), so its spool file does not wait for exit. */
export function closeResultsOnUnload(): void {
  const resultId = store.get().resultId;
  if (resultId) void callApi('results.close', { resultId }).catch(() => undefined);
}
