import type { z } from 'zod';
import type { DifferenceSchema, TableProgressSchema } from '../../../../shared/api/methods/table.js';
import type { Model } from '../../../../shared/model/schema.js';
import { callApi, failureText } from '../../files/api-call.js';
import { createStore, useStore } from '../../state/store.js';
import { ensureConnection } from '../connections/connection-store.js';
import { callStreaming } from './streaming-call.js';

export type Difference = z.output<typeof DifferenceSchema>;
export type TableProgress = z.output<typeof TableProgressSchema>;

export interface LiveTable {
  name: string;
  status?: string;
  itemCount?: number;
  sizeBytes?: number;
  /** The item count came from a Scan (Select COUNT), not from DescribeTable. */
  counted?: boolean;
  /** Drift against the model's table of the same name (undefined: not checked, or not in the model). */
  drift?: Difference[];
  /** Why the table could not be described (shown under its row, not as its status). */
  problem?: string;
}

export interface TablesState {
  connectionId?: string;
  tables: readonly LiveTable[];
  loading: boolean;
  /** The table the operations and results are about. */
  selected?: string;
  /** Lines of progress of the running create/delete. */
  progress: readonly string[];
  working?: string;
  error?: string;
}

const store = createStore<TablesState>({ tables: [], loading: false, progress: [] });

export function useTables(): TablesState {
  return useStore(store);
}

export function getTables(): TablesState {
  return store.get();
}

export function selectTable(name: string | undefined): void {
  store.update((s) => ({ ...s, selected: name }));
}

function num(value: unknown): number | undefined {
  return typeof value === 'number' ? value : undefined;
}

/** Lists the live tables with their status, item count and size, and their drift against the model. */
export async function refreshTables(model: Model): Promise<void> {
  store.update((s) => ({ ...s, loading: true, error: undefined }));
  try {
    const connection = await ensureConnection();
    const { tables: names } = await callApi('table.list', { connectionId: connection.connectionId });
    const tables = await Promise.all(
      names.map(async (name): Promise<LiveTable> => {
        try {
          const { description } = await callApi('table.describe', {
            connectionId: connection.connectionId,
            table: name,
          });
          const live: LiveTable = { name };
          if (typeof description.TableStatus === 'string') live.status = description.TableStatus;
          const count = num(description.ItemCount);
          if (count !== undefined) live.itemCount = count;
          const size = num(description.TableSizeBytes);
          if (size !== undefined) live.sizeBytes = size;
          if (model.tables.some((t) => t.name === name)) {
            const drift = await callApi('table.drift', { connectionId: connection.connectionId, model, table: name });
            live.drift = drift.differences;
          }
          return live;
        } catch (error) {
          return { name, problem: failureText(error) };
        }
      }),
    );
    store.update((s) => {
      // A count made with a Scan stays until the next count (DescribeTable would report 0 again on dynalite).
      for (const t of tables) {
        const before = s.tables.find((x) => x.name === t.name);
        if (before?.counted) Object.assign(t, { itemCount: before.itemCount, counted: true });
      }
      const selected =
        s.selected && names.includes(s.selected)
          ? s.selected
          : (model.tables.find((t) => names.includes(t.name))?.name ?? names[0]);
      return { ...s, connectionId: connection.connectionId, tables, loading: false, selected };
    });
  } catch (error) {
    store.update((s) => ({ ...s, loading: false, error: failureText(error) }));
  }
}

function describeProgress(p: TableProgress): string {
  return `${p.table}${p.index ? ` / ${p.index}` : ''}: ${p.message}`;
}

async function withProgress<T>(what: string, work: (onEvent: (p: TableProgress) => void) => Promise<T>): Promise<T> {
  store.update((s) => ({ ...s, working: what, progress: [], error: undefined }));
  try {
    return await work((p) => store.update((s) => ({ ...s, progress: [...s.progress, describeProgress(p)] })));
  } catch (error) {
    store.update((s) => ({ ...s, error: failureText(error) }));
    throw error;
  } finally {
    store.update((s) => ({ ...s, working: undefined }));
  }
}

/** Creates the model's tables that are missing (ifNotExists), waiting until ACTIVE, with progress lines. */
export async function createModelTables(model: Model): Promise<void> {
  const connection = await ensureConnection();
  await withProgress('Creating tables', (onEvent) =>
    callStreaming('table.create', { connectionId: connection.connectionId, model, ifNotExists: true }, { onEvent }),
  );
  await refreshTables(model);
}

/** Deletes a table; `confirm` is the typed table name a production connection asks for. */
export async function deleteLiveTable(model: Model, table: string, confirm: string | undefined): Promise<void> {
  const connection = await ensureConnection();
  await withProgress(`Deleting ${table}`, (onEvent) =>
    callStreaming(
      'table.delete',
      { connectionId: connection.connectionId, table, ...(confirm ? { confirm } : {}) },
      { onEvent },
    ),
  );
  await refreshTables(model);
}

/** The fix the engine allows for drift: the model's missing GSIs, one UpdateTable each. */
export async function addMissingIndexes(model: Model, table: string): Promise<void> {
  const connection = await ensureConnection();
  await withProgress(`Adding indexes to ${table}`, (onEvent) =>
    callStreaming('table.addMissingIndexes', { connectionId: connection.connectionId, model, table }, { onEvent }),
  );
  await refreshTables(model);
}

/**
 * Counts a table's items with a Scan (Select COUNT) over every page: DescribeTable's ItemCount is refreshed only
 * every few hours on DynamoDB and never by the embedded engine (dynalite).
 */
export async function countTableItems(table: string): Promise<void> {
  const connection = await ensureConnection();
  try {
    const result = await callApi('operation.run', {
      connectionId: connection.connectionId,
      operation: 'Scan',
      input: { TableName: table, Select: 'COUNT' },
      all: true,
    });
    store.update((s) => ({
      ...s,
      tables: s.tables.map((t) => (t.name === table ? { ...t, itemCount: result.count, counted: true } : t)),
    }));
  } catch (error) {
    store.update((s) => ({ ...s, error: failureText(error) }));
  }
}
