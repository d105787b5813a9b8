import { type Draft, Immer } from 'immer';
import { MODEL_FORMAT, type Model } from '../../../shared/model/schema.js';
import { createStore, useStore } from './store.js';

/**
 * The open model: one immutable, structurally shared root (immer), the undo list of earlier roots and the redo list.
 * `dirty` compares the current root with the root last saved, so undoing back to the saved state is clean again.
 */
export interface DocumentState {
  model: Model;
  /** The model file (under the server's root folder, or any path in the desktop app); none for an unsaved model. */
  path?: string;
  dirty: boolean;
  canUndo: boolean;
  canRedo: boolean;
  /** The label of the edit that Undo would revert, and of the one Redo would repeat. */
  undoLabel?: string;
  redoLabel?: string;
  /** Bumped by every open, edit, undo and redo; autosave and the journal key on it. */
  revision: number;
  /** True once a model was opened or created (the Start screen shows until then). */
  opened: boolean;
}

interface HistoryEntry {
  model: Model;
  label: string;
  /** The JSON path the edit changed, when one field did (Undo/Redo reveal it). */
  path?: string;
}

interface Internal {
  doc: DocumentState;
  saved: Model | undefined;
  past: HistoryEntry[];
  future: HistoryEntry[];
  /** The label and time of the last edit, to merge a burst of keystrokes in one field into one undo step. */
  lastEdit?: { label: string; at: number };
}

/**
 * Immer without auto-freeze. With it, the first edit of a model just opened deep-freezes every untouched object
 * under the edited path (the 10,000 sample items of the large model: a first keystroke of ~100 ms). Models are
 * immutable by convention, which every identity cache in shared/ relies on (shared/rules/README.md): an edit makes
 * new objects for what it changes and nothing mutates a model in place.
 */
const immer = new Immer({ autoFreeze: false });

/** Keystrokes in the same field within this many ms are one undo step. */
export const MERGE_EDITS_MS = 1000;
const MAX_UNDO = 500;

export function emptyModel(name = 'untitled'): Model {
  return { format: MODEL_FORMAT, name, tables: [] };
}

const internal = createStore<Internal>({
  doc: derive(emptyModel(), undefined, undefined, [], [], 0, false),
  saved: undefined,
  past: [],
  future: [],
});

function derive(
  model: Model,
  path: string | undefined,
  saved: Model | undefined,
  past: HistoryEntry[],
  future: HistoryEntry[],
  revision: number,
  opened: boolean,
): DocumentState {
  return {
    model,
    ...(path !== undefined ? { path } : {}),
    dirty: opened && model !== saved,
    canUndo: past.length > 0,
    canRedo: future.length > 0,
    ...(past.length ? { undoLabel: past[past.length - 1]!.label } : {}),
    ...(future.length ? { redoLabel: future[future.length - 1]!.label } : {}),
    revision,
    opened,
  };
}

/** Which document (open, new or close starts one) each committed model belongs to. */
const documents = new WeakMap<Model, number>();
let currentDocument = 0;
documents.set(internal.get().doc.model, currentDocument);

/**
 * The document a model was committed in: a number that open, new and close bump and edits, undo and redo keep.
 * Tells a model of the open file from one of the file open before it (analysis.ts never shows the latter's problems).
 */
export function documentOf(model: Model): number | undefined {
  return documents.get(model);
}

function commit(
  next: Omit<Internal, 'doc'>,
  model: Model,
  path: string | undefined,
  opened = true,
  newDocument = false,
): void {
  if (newDocument) currentDocument++;
  documents.set(model, currentDocument);
  const revision = internal.get().doc.revision + 1;
  internal.set({ ...next, doc: derive(model, path, next.saved, next.past, next.future, revision, opened) });
}

export function getDocument(): DocumentState {
  return internal.get().doc;
}

export function subscribeDocument(listener: () => void): () => void {
  return internal.subscribe(listener);
}

export function useDocument(): DocumentState {
  return useStore(internal).doc;
}

export function useModel(): Model {
  return useStore(internal).doc.model;
}

/**
 * Applies one edit (an immer recipe on a draft of the model). Consecutive edits with the same label within
 * MERGE_EDITS_MS merge into one undo step (typing a word in a field is one step, not one per letter).
 * A recipe that changes nothing records nothing.
 */
export function editModel(label: string, recipe: (draft: Draft<Model>) => void, now = Date.now(), path?: string): void {
  const state = internal.get();
  const before = state.doc.model;
  const after = immer.produce(before, recipe);
  if (after === before) return;
  const merge =
    state.lastEdit !== undefined &&
    state.lastEdit.label === label &&
    now - state.lastEdit.at < MERGE_EDITS_MS &&
    state.past.length > 0 &&
    state.future.length === 0;
  const entry: HistoryEntry = path === undefined ? { model: before, label } : { model: before, label, path };
  const past = merge ? state.past : [...state.past, entry].slice(-MAX_UNDO);
  commit({ saved: state.saved, past, future: [], lastEdit: { label, at: now } }, after, state.doc.path);
}

/** Ends the current merge window, so the next edit is its own undo step (e.g. when a field loses focus). */
export function breakUndoMerge(): void {
  const state = internal.get();
  if (state.lastEdit) internal.set({ ...state, lastEdit: undefined });
}

/** Reverts the last edit; returns the path it changed (when known) so the caller can reveal it. */
export function undo(): string | undefined {
  const state = internal.get();
  const previous = state.past[state.past.length - 1];
  if (!previous) return undefined;
  const future = [...state.future, { ...previous, model: state.doc.model }];
  commit({ saved: state.saved, past: state.past.slice(0, -1), future }, previous.model, state.doc.path);
  return previous.path;
}

/** Repeats the last undone edit; returns the path it changed (when known). */
export function redo(): string | undefined {
  const state = internal.get();
  const next = state.future[state.future.length - 1];
  if (!next) return undefined;
  const past = [...state.past, { ...next, model: state.doc.model }];
  commit({ saved: state.saved, past, future: state.future.slice(0, -1) }, next.model, state.doc.path);
  return next.path;
}

/**
 * Replaces the document (open a file, a template, a recovered journal). The history starts empty.
 * `saved: false` opens it as unsaved changes (a template not yet written, edits restored from the journal).
 */
export function openModel(model: Model, path?: string, options: { saved?: boolean; savedModel?: Model } = {}): void {
  const saved = options.saved === false ? options.savedModel : model;
  commit({ saved, past: [], future: [] }, model, path, true, true);
}

/** Records that `model` (default: the current one) is what the file at `path` (default: the current path) holds. */
export function markSaved(path?: string, model?: Model): void {
  const state = internal.get();
  const savedModel = model ?? state.doc.model;
  const nextPath = path ?? state.doc.path;
  internal.set({
    ...state,
    saved: savedModel,
    doc: derive(state.doc.model, nextPath, savedModel, state.past, state.future, state.doc.revision, true),
  });
}

/** Back to the Start screen with an empty model (File > Close). */
export function closeModel(): void {
  commit({ saved: undefined, past: [], future: [] }, emptyModel(), undefined, false, true);
}

/** Replaces the whole model in one undoable edit (restoring journaled edits over the file's content). */
export function replaceModel(label: string, next: Model): void {
  const state = internal.get();
  if (next === state.doc.model) return;
  const past = [...state.past, { model: state.doc.model, label }].slice(-MAX_UNDO);
  commit({ saved: state.saved, past, future: [] }, next, state.doc.path);
}
