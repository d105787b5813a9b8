import { ApiFailure, callApi, failureText } from '../../files/api-call.js';
import { createStore, useStore } from '../../state/store.js';
import { selectTable } from '../tables/tables-store.js';
import { showOperationTab } from './operation-tabs.js';
import {
  operationsFolder,
  parseSavedOperation,
  type SavedOperation,
  savedOperationPath,
  serializeSavedOperation,
} from './saved-operations.js';

export interface SavedEntry {
  name: string;
  path: string;
  operation?: SavedOperation;
  /** Why the file could not be read as a saved operation (it stays listed so it can be deleted). */
  problem?: string;
}

interface SavedState {
  folder?: string;
  entries: readonly SavedEntry[];
  loading: boolean;
  error?: string;
  /** The operation opened in the Query/Scan builder, with a counter so opening the same one again resets it. */
  opened?: { operation: SavedOperation; name: string; serial: number };
}

const store = createStore<SavedState>({ entries: [], loading: false });
let serial = 0;

export function useSavedOperations(): SavedState {
  return useStore(store);
}

/** Lists `<model>.operations/*.json` (an absent folder is an empty list), reading each file. */
export async function refreshSaved(modelPath: string): Promise<void> {
  const folder = operationsFolder(modelPath);
  store.update((s) => ({ ...s, folder, loading: true, error: undefined }));
  try {
    const listing = await callApi('file.list', { dir: folder });
    const files = listing.entries.filter((e) => e.kind === 'file' && e.name.endsWith('.json'));
    const entries = await Promise.all(
      files.map(async (file): Promise<SavedEntry> => {
        const name = file.name.slice(0, -'.json'.length);
        try {
          const read = await callApi('file.readText', { path: file.path });
          return { name, path: file.path, operation: parseSavedOperation(read.text) };
        } catch (error) {
          return { name, path: file.path, problem: failureText(error) };
        }
      }),
    );
    entries.sort((a, b) => a.name.localeCompare(b.name));
    store.update((s) => (s.folder === folder ? { ...s, entries, loading: false } : s));
  } catch (error) {
    const absent = error instanceof ApiFailure && error.code === 'FILE_NOT_FOUND';
    store.update((s) =>
      s.folder === folder ? { ...s, entries: [], loading: false, ...(absent ? {} : { error: failureText(error) }) } : s,
    );
  }
}

/** Writes the operation beside the model; FILE_CHANGED (an ApiFailure) when the name is taken and not `replace`. */
export async function saveOperation(
  modelPath: string,
  name: string,
  operation: SavedOperation,
  replace: boolean,
): Promise<string> {
  const written = await callApi('file.writeText', {
    path: savedOperationPath(modelPath, name),
    text: serializeSavedOperation(operation),
    createFolders: true,
    ...(replace ? { force: true } : {}),
  });
  await refreshSaved(modelPath);
  return written.path;
}

export async function deleteSaved(modelPath: string, entry: SavedEntry): Promise<void> {
  try {
    await callApi('file.delete', { path: entry.path });
  } catch (error) {
    store.update((s) => ({ ...s, error: failureText(error) }));
  }
  await refreshSaved(modelPath);
}

/** Loads a saved operation into the Query or Scan builder, on its table. */
export function openSaved(name: string, operation: SavedOperation): void {
  serial += 1;
  selectTable(operation.table);
  store.update((s) => ({ ...s, opened: { operation, name, serial } }));
  showOperationTab(operation.kind);
}
