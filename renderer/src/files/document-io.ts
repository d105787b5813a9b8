import { serializeModel } from '../../../shared/model/serialize-model.js';
import { findTemplate } from '../../../shared/templates/index.js';
import { getDocument, markSaved, openModel, replaceModel, subscribeDocument } from '../state/model-store.js';
import { getScreen, showScreen } from '../state/navigation.js';
import { select } from '../state/selection.js';
import { ApiFailure, callApi, failureText, incompleteModel } from './api-call.js';
import { fileState, patchFileState } from './file-state.js';

/** The journal key of a model that has no file yet (a template or an import before Save As). */
export const UNSAVED_JOURNAL_PATH = '.monotable-unsaved.monotable.json';
/** Pause in editing after which the model file is written (when autosave is on and the model has a file). */
export const AUTOSAVE_FILE_MS = 1500;
/**
 * Pause after which the journal of unsaved edits is written; at least four times the last write took, so a model of
 * many megabytes (whose upload blocks the page for a moment) is not re-sent at every short pause in typing.
 * Measured on the 3 MB large model (bench/ui-profile.mjs): each write holds the page ~50–150 ms (JSON text and
 * upload), and at 250 ms it fired between keystrokes of ordinary typing, delaying the next key by that much.
 */
export const JOURNAL_MS = 1000;
let lastJournalMs = 0;

function selectFirstTable(): void {
  const table = getDocument().model.tables[0];
  select(table ? { kind: 'table', table: table.name, path: '$.tables[0]' } : undefined);
}

function failed(error: unknown, doing: string): void {
  const offline = error instanceof ApiFailure && error.code === 'NETWORK';
  patchFileState({ notice: { kind: 'error', text: `${doing}: ${failureText(error)}` }, online: !offline });
}

/** Asks the backend who it is, opens the file `serve` was given, or offers back the edits of an unsaved model. */
export async function boot(): Promise<void> {
  try {
    const app = await callApi('app.info', {});
    patchFileState({ app, online: true });
    // the file `serve` was given opens on the Model screen, unless the user went to another screen meanwhile
    if (app.initialFile) await openPath(app.initialFile, { stayOnScreen: true });
    else await offerJournal(undefined);
  } catch (error) {
    patchFileState({ online: false, status: { kind: 'failed', message: failureText(error) } });
  }
}

/**
 * Runs `run` (which replaces the open model) at once when nothing would be lost, else after the user chose to save
 * first or to discard the unsaved changes (the replacing dialog).
 */
export function whenChangesAreSafe(what: string, run: () => void | Promise<unknown>): void {
  const doc = getDocument();
  // An untouched template or import loses nothing: its source is still there.
  if (!doc.opened || !doc.dirty || (!doc.path && !doc.canUndo)) void run();
  else patchFileState({ replacing: { what, run } });
}

/**
 * Opens a model file. A Monotable file opens as itself; a NoSQL Workbench or CloudFormation file is imported as an
 * unsaved model (Save As writes it as a Monotable file next to it). Journaled edits newer than the file are offered.
 */
export async function openPath(path: string, options: { stayOnScreen?: boolean } = {}): Promise<boolean> {
  // with stayOnScreen, the Model screen is shown only if the user is still on Start when the file arrives
  const showModel = (): void => {
    if (!options.stayOnScreen || getScreen() === 'start') showScreen('model');
  };
  try {
    const opened = await callApi('model.open', { path });
    if (opened.source === 'monotable') {
      openModel(opened.model, opened.path);
      patchFileState({
        revision: opened.revision,
        suggestedPath: undefined,
        notice: undefined,
        status: { kind: 'idle' },
      });
      selectFirstTable();
      showModel();
      await offerJournal(opened.path);
    } else {
      openModel(opened.model, undefined, { saved: false });
      const notes = opened.notes.length;
      patchFileState({
        revision: undefined,
        importNotes: opened.notes,
        suggestedPath: opened.path.replace(/(\.[A-Za-z]+)?$/, '.monotable.json'),
        status: { kind: 'idle' },
        notice: {
          kind: 'info',
          text: `Imported ${opened.source === 'workbench' ? 'a NoSQL Workbench model' : 'a CloudFormation template'} from ${opened.path}${notes ? ` with ${notes} ${notes === 1 ? 'note' : 'notes'} (see Problems)` : ''}. Save as writes it as a Monotable model.`,
        },
      });
      selectFirstTable();
      showModel();
    }
    return true;
  } catch (error) {
    failed(error, `Cannot open ${path}`);
    return false;
  }
}

/** Opens a fresh copy of a built-in template as an unsaved model (Save As writes it to a file). */
export function openTemplate(name: string): void {
  const template = findTemplate(name);
  if (!template) return;
  openModel(template.model, undefined, { saved: false });
  patchFileState({
    revision: undefined,
    suggestedPath: `${template.name}.monotable.json`,
    notice: undefined,
    importNotes: undefined,
  });
  selectFirstTable();
  showScreen('model');
}

/** A new model with one empty table (pk/sk strings, on-demand), unsaved until Save as. */
export function openBlankModel(): void {
  openModel(
    {
      format: 'monotable/1',
      name: 'my-model',
      tables: [
        {
          name: 'my-table',
          partitionKey: { name: 'pk', type: 'S' },
          sortKey: { name: 'sk', type: 'S' },
          billing: { mode: 'on-demand' },
          entities: [],
          accessPatterns: [],
        },
      ],
    },
    undefined,
    { saved: false },
  );
  patchFileState({
    revision: undefined,
    suggestedPath: 'my-model.monotable.json',
    notice: undefined,
    importNotes: undefined,
  });
  selectFirstTable();
  showScreen('model');
}

async function offerJournal(path: string | undefined): Promise<void> {
  const journalPath = path ?? UNSAVED_JOURNAL_PATH;
  const { journal } = await callApi('journal.read', { path: journalPath });
  if (!journal) return;
  if (path && serializeModel(journal.model) === serializeModel(getDocument().model)) {
    await callApi('journal.clear', { path: journalPath });
    return;
  }
  patchFileState({ recovery: { path, journalPath, model: journal.model, savedAt: journal.savedAt } });
}

/** Puts the journaled edits back: over the file's content as one undoable edit, or as the unsaved model. */
export function restoreRecovery(): void {
  const recovery = fileState.get().recovery;
  if (!recovery) return;
  patchFileState({ recovery: undefined });
  if (recovery.path && getDocument().path === recovery.path) replaceModel('Restore unsaved edits', recovery.model);
  else {
    openModel(recovery.model, undefined, { saved: false });
    patchFileState({ suggestedPath: `${recovery.model.name}.monotable.json`, revision: undefined });
    selectFirstTable();
  }
  showScreen('model');
}

export async function discardRecovery(): Promise<void> {
  const recovery = fileState.get().recovery;
  if (!recovery) return;
  patchFileState({ recovery: undefined });
  try {
    await callApi('journal.clear', { path: recovery.journalPath });
  } catch (error) {
    failed(error, 'Cannot forget the unsaved edits');
  }
}

/** Save: writes the model file (canonical bytes, atomic write); a model without a file asks where (Save As). */
export async function save(): Promise<boolean> {
  const doc = getDocument();
  if (!doc.opened) return false;
  if (!doc.path) {
    patchFileState({ saveAsOpen: true });
    return false;
  }
  const result = await writeModel(doc.path, { revision: fileState.get().revision, auto: false });
  if (result === 'changed') patchFileState({ conflict: { path: doc.path } });
  return result === 'saved';
}

/** Save As: writes the model to another file; an existing file is only replaced with `force` (after asking). */
export async function saveAs(path: string, force = false): Promise<WriteResult> {
  const previousPath = getDocument().path;
  const result = await writeModel(path, { force, auto: false, quiet: true });
  if (result === 'saved') {
    patchFileState({ saveAsOpen: false, suggestedPath: undefined });
    // The edits of an unsaved model now live in its file; its journal under the unsaved key is done.
    if (!previousPath) await callApi('journal.clear', { path: UNSAVED_JOURNAL_PATH }).catch(() => undefined);
  }
  return result;
}

/** saved; changed: the file on disk is not the one read (or exists, for Save As); failed: see the status. */
export type WriteResult = 'saved' | 'changed' | 'failed';

let writing: Promise<WriteResult> | undefined;

async function writeModel(
  path: string,
  options: { revision?: string | undefined; force?: boolean; auto: boolean; quiet?: boolean },
): Promise<WriteResult> {
  if (writing) await writing.catch(() => 'failed');
  const model = getDocument().model;
  patchFileState({ status: { kind: 'saving' } });
  const run = (async () => {
    try {
      const result = await callApi('model.save', {
        path,
        model,
        ...(options.revision ? { revision: options.revision } : {}),
        ...(options.force ? { force: true } : {}),
      });
      markSaved(result.path, model);
      patchFileState({
        revision: result.revision,
        status: { kind: 'saved', at: new Date().toISOString(), auto: options.auto },
        online: true,
        notice: fileState.get().notice?.kind === 'error' ? undefined : fileState.get().notice,
      });
      await callApi('journal.clear', { path: result.path }).catch(() => undefined);
      return 'saved';
    } catch (error) {
      if (error instanceof ApiFailure && error.code === 'FILE_CHANGED') {
        if (options.auto) setAutosavePaused(true);
        if (options.auto) patchFileState({ conflict: { path } });
        patchFileState({ status: { kind: 'failed', message: error.message } });
        return 'changed';
      } else {
        const incomplete = incompleteModel(error);
        patchFileState({
          status: {
            kind: 'failed',
            message: incomplete ? `Not saved while the model is incomplete (${incomplete})` : failureText(error),
          },
          online: !(error instanceof ApiFailure && error.code === 'NETWORK'),
        });
        if (!options.auto && !options.quiet) {
          if (incomplete)
            patchFileState({
              notice: { kind: 'error', text: `Cannot save ${path} yet: the model is incomplete (${incomplete}).` },
            });
          else failed(error, `Cannot save ${path}`);
        }
        return 'failed';
      }
    }
  })();
  writing = run;
  try {
    return await run;
  } finally {
    if (writing === run) writing = undefined;
  }
}

/** After a conflict the user chose to replace the file on disk with the model on screen. */
export async function overwriteAfterConflict(): Promise<void> {
  const conflict = fileState.get().conflict;
  if (!conflict) return;
  patchFileState({ conflict: undefined });
  setAutosavePaused(false);
  await writeModel(conflict.path, { force: true, auto: false });
}

export function keepEditingAfterConflict(): void {
  patchFileState({ conflict: undefined });
}

let autosavePaused = false;
function setAutosavePaused(paused: boolean): void {
  autosavePaused = paused;
}

/**
 * Autosave: every edit writes the journal after JOURNAL_MS (so a crash or a killed server loses at most that), and,
 * with autosave on and a file to write, the model file after AUTOSAVE_FILE_MS without edits (a half-typed value is
 * saved as shown; it is one undo away). Nothing is written while recovered edits wait for the user's choice.
 */
export function startAutosave(): () => void {
  let journalTimer: ReturnType<typeof setTimeout> | undefined;
  let fileTimer: ReturnType<typeof setTimeout> | undefined;
  let lastRevision = getDocument().revision;
  const unsubscribe = subscribeDocument(() => {
    const doc = getDocument();
    if (doc.revision === lastRevision) return;
    lastRevision = doc.revision;
    clearTimeout(journalTimer);
    clearTimeout(fileTimer);
    if (!doc.opened || !doc.dirty || fileState.get().recovery) return;
    // A template or an import not edited yet has nothing to recover (its source is still there).
    if (!doc.path && !doc.canUndo) return;
    const journalPath = doc.path ?? UNSAVED_JOURNAL_PATH;
    journalTimer = setTimeout(
      () => {
        const model = getDocument().model;
        const started = performance.now();
        callApi('journal.write', { path: journalPath, model })
          .then(({ savedAt }) => {
            lastJournalMs = performance.now() - started;
            const current = fileState.get().status;
            if (getDocument().dirty && current.kind !== 'saving')
              patchFileState({ status: { kind: 'journaled', at: savedAt }, online: true });
          })
          .catch((error: unknown) => {
            const incomplete = incompleteModel(error);
            patchFileState({
              status: {
                kind: 'failed',
                message: incomplete
                  ? `Not kept while the model is incomplete (${incomplete}); the last complete state is kept`
                  : `Unsaved edits not kept: ${failureText(error)}`,
              },
              online: !(error instanceof ApiFailure && error.code === 'NETWORK'),
            });
          });
      },
      Math.max(JOURNAL_MS, 4 * lastJournalMs),
    );
    if (doc.path && fileState.get().autosave && !autosavePaused) {
      const path = doc.path;
      fileTimer = setTimeout(() => {
        const current = getDocument();
        if (current.path === path && current.dirty && !fileState.get().recovery)
          void writeModel(path, { revision: fileState.get().revision, auto: true });
      }, AUTOSAVE_FILE_MS);
    }
  });
  return () => {
    unsubscribe();
    clearTimeout(journalTimer);
    clearTimeout(fileTimer);
  };
}
