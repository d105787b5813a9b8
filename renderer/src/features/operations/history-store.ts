import { createStore, useStore } from '../../state/store.js';
import type { ReadSpec } from '../results/results-store.js';

/** One read that was run: what, where and when, enough to run it again. */
export interface HistoryEntry {
  title: string;
  table: string;
  spec: ReadSpec;
  at: string;
}

const HISTORY_MAX = 200;
const store = createStore<readonly HistoryEntry[]>([]);

export function useHistory(): readonly HistoryEntry[] {
  return useStore(store);
}

/** Adds a run to the history (newest first); the spec's model is dropped from what is kept in memory long. */
export function recordRun(entry: Omit<HistoryEntry, 'at'>): void {
  store.update((h) => [{ ...entry, at: new Date().toISOString() }, ...h].slice(0, HISTORY_MAX));
}
