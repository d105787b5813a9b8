import { createStore, useStore } from '../../state/store.js';
import type { PatternChoice } from './PatternRunner.js';

export type OperationTab = 'pattern' | 'query' | 'scan' | 'request' | 'saved' | 'history';

interface OperationView {
  tab: OperationTab;
  /** A pattern (and values) to show in the pattern runner, e.g. after "Try it on local data". */
  choice?: PatternChoice;
}

const store = createStore<OperationView>({ tab: 'pattern' });

export function useOperationView(): OperationView {
  return useStore(store);
}

export function showOperationTab(tab: OperationTab): void {
  store.update((s) => ({ ...s, tab }));
}

export function choosePattern(choice: PatternChoice): void {
  store.set({ tab: 'pattern', choice });
}
