import type { Diagnostic } from '../../../shared/model/diagnostic.js';
import type { Model } from '../../../shared/model/schema.js';
import { createStore, useStore } from '../state/store.js';

export type SaveStatus =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string; auto: boolean }
  | { kind: 'journaled'; at: string }
  | { kind: 'failed'; message: string };

/** Unsaved edits found in the journal for a file that was just opened (or for the unsaved model). */
export interface Recovery {
  path: string | undefined;
  journalPath: string;
  model: Model;
  savedAt: string;
}

export interface FileState {
  /** What the server says about itself (`app.info`); undefined until it answered, or without a backend. */
  app?: { version: string; mode: 'browser' | 'desktop'; root: string; confined: boolean; initialFile?: string };
  /** The revision (SHA-256) of the file as last read or written, so a save never replaces edits made elsewhere. */
  revision?: string;
  status: SaveStatus;
  /** Write the model file after a pause in editing (on by default; the journal is always written). */
  autosave: boolean;
  recovery?: Recovery;
  /** A message for the user (an error of open, import or save), shown in a banner until dismissed. */
  notice?: { kind: 'error' | 'info'; text: string };
  /** Where Save As suggests writing an unsaved model (an imported file's neighbour, a template's name). */
  suggestedPath?: string;
  saveAsOpen: boolean;
  /** A save refused because the file changed on disk since it was read: overwrite or keep editing. */
  conflict?: { path: string };
  /** What the import of a Workbench or CloudFormation file reported (shown on the Problems screen). */
  importNotes?: Diagnostic[];
  /** Replacing a model with unsaved changes waits for the user: save first, discard, or cancel. */
  replacing?: { what: string; run: () => void | Promise<unknown> };
  /** The reachable state of the backend: false after a call failed with NETWORK. */
  online: boolean;
}

const AUTOSAVE_KEY = 'monotable.autosave';

function initialAutosave(): boolean {
  try {
    return localStorage.getItem(AUTOSAVE_KEY) !== 'off';
  } catch {
    return true;
  }
}

export const fileState = createStore<FileState>({
  status: { kind: 'idle' },
  autosave: typeof window === 'undefined' ? true : initialAutosave(),
  saveAsOpen: false,
  online: true,
});

export function useFileState(): FileState {
  return useStore(fileState);
}

export function patchFileState(patch: Partial<FileState>): void {
  fileState.update((s) => ({ ...s, ...patch }));
}

export function setAutosave(on: boolean): void {
  patchFileState({ autosave: on });
  try {
    localStorage.setItem(AUTOSAVE_KEY, on ? 'on' : 'off');
  } catch {
    // Not persisted; holds for this window.
  }
}
