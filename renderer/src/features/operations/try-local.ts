import type { Model } from '../../../../shared/model/schema.js';
import { failureText } from '../../files/api-call.js';
import { showScreen } from '../../state/navigation.js';
import { createStore, useStore } from '../../state/store.js';
import { ensureEmbeddedConnection } from '../connections/connection-store.js';
import { startSeed } from '../seed/seed-store.js';
import { createModelTables, getTables, refreshTables, selectTable } from '../tables/tables-store.js';
import { sampleLiveValues } from './live-values.js';
import { choosePattern } from './operation-tabs.js';

export interface TryState {
  step?: string;
  error?: string;
}

const store = createStore<TryState>({});

export function useTryLocal(): TryState {
  return useStore(store);
}

/**
 * "Try it on local data": the model's first table on the embedded engine (created if missing), seeded when empty,
 * then its access patterns on the Data screen with parameter values taken from the seeded rows.
 */
export async function tryOnLocalData(model: Model): Promise<void> {
  const table = model.tables[0];
  if (!table) return;
  showScreen('data');
  try {
    store.set({ step: 'Starting the embedded engine…' });
    const connection = await ensureEmbeddedConnection();
    store.set({ step: `Creating ${table.name}…` });
    await createModelTables(model);
    selectTable(table.name);
    const live = getTables().tables.find((t) => t.name === table.name);
    if (!live?.itemCount) {
      store.set({ step: `Seeding ${table.name}…` });
      await startSeed(model, connection.connectionId, { table: table.name });
      await refreshTables(model);
    }
    store.set({ step: 'Reading values from the rows…' });
    await sampleLiveValues(model, connection.connectionId, table.name);
    const first =
      table.accessPatterns.find((p) => ['query', 'get', 'scan'].includes(p.kind)) ?? table.accessPatterns[0];
    if (first) choosePattern({ pattern: first.name });
    store.set({});
  } catch (error) {
    store.set({ error: failureText(error) });
  }
}
