import { Dialog } from 'radix-ui';
import { useEffect, useId, useRef, useState } from 'react';
import { useDocument } from '../state/model-store.js';
import {
  discardRecovery,
  keepEditingAfterConflict,
  overwriteAfterConflict,
  restoreRecovery,
  save,
  saveAs,
} from './document-io.js';
import { fileState, patchFileState, useFileState } from './file-state.js';

function when(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString();
}

/** Unsaved edits found after a crash or a killed server: restore them or discard them. */
export function RecoveryDialog() {
  const { recovery } = useFileState();
  const restore = useRef<HTMLButtonElement>(null);
  return (
    <Dialog.Root open={recovery !== undefined}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content
          className="dialog"
          onEscapeKeyDown={(e) => e.preventDefault()}
          onInteractOutside={(e) => e.preventDefault()}
        >
          <Dialog.Title>Unsaved edits found</Dialog.Title>
          <Dialog.Description>
            {recovery?.path ? (
              <>
                Edits to <code>{recovery.path}</code> made until {recovery && when(recovery.savedAt)} were not saved to
                the file (the window or the server stopped first). Restore them to continue where you left off; Undo
                takes you back to the file's content.
              </>
            ) : (
              <>
                The unsaved model <strong>{recovery?.model.name}</strong> from {recovery && when(recovery.savedAt)} was
                kept when the window or the server stopped. Restore it to continue, then Save as to give it a file.
              </>
            )}
          </Dialog.Description>
          <div className="dialog-actions">
            <button type="button" className="button" onClick={() => void discardRecovery()}>
              Discard
            </button>
            <button type="button" className="button primary" onClick={restoreRecovery} ref={restore}>
              Restore unsaved edits
            </button>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

/** The file changed on disk since it was read: replace it with the model on screen, or keep editing. */
export function ConflictDialog() {
  const { conflict } = useFileState();
  return (
    <Dialog.Root open={conflict !== undefined} onOpenChange={(open) => !open && keepEditingAfterConflict()}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog">
          <Dialog.Title>The file changed on disk</Dialog.Title>
          <Dialog.Description>
            <code>{conflict?.path}</code> was changed by another program since Monotable read it. Saving would replace
            those changes with the model shown here. Autosave is paused until you choose.
          </Dialog.Description>
          <div className="dialog-actions">
            <button type="button" className="button" onClick={keepEditingAfterConflict}>
              Keep editing (Save as elsewhere)
            </button>
            <button type="button" className="button primary" onClick={() => void overwriteAfterConflict()}>
              Replace the file
            </button>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

/** Opening another model while this one has unsaved changes: save first, discard them, or cancel. */
export function ReplaceDialog() {
  const { replacing } = useFileState();
  const doc = useDocument();
  const close = () => patchFileState({ replacing: undefined });
  const proceed = (): void => {
    const run = replacing?.run;
    close();
    if (run) void run();
  };
  return (
    <Dialog.Root open={replacing !== undefined} onOpenChange={(open) => !open && close()}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog">
          <Dialog.Title>Unsaved changes</Dialog.Title>
          <Dialog.Description>
            <strong>{doc.model.name}</strong> has changes that are not saved to a file. Opening {replacing?.what}{' '}
            replaces it.
          </Dialog.Description>
          <div className="dialog-actions">
            <button type="button" className="button" onClick={close}>
              Cancel
            </button>
            <button type="button" className="button danger" onClick={proceed}>
              Discard changes
            </button>
            <button
              type="button"
              className="button primary"
              onClick={() => {
                if (!doc.path) {
                  close();
                  patchFileState({ saveAsOpen: true });
                  return;
                }
                void save().then((saved) => saved && proceed());
              }}
            >
              {doc.path ? 'Save and continue' : 'Save as…'}
            </button>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

/** Save As: a path under the root folder (relative paths are relative to it); asks before replacing a file. */
export function SaveAsDialog() {
  const { saveAsOpen, suggestedPath, app } = useFileState();
  const doc = useDocument();
  const id = useId();
  const [path, setPath] = useState('');
  const [exists, setExists] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  useEffect(() => {
    if (saveAsOpen) {
      setPath(doc.path ?? suggestedPath ?? `${doc.model.name || 'model'}.monotable.json`);
      setExists(false);
      setError(undefined);
    }
  }, [saveAsOpen, doc.path, suggestedPath, doc.model.name]);
  const submit = async (force: boolean): Promise<void> => {
    setBusy(true);
    const result = await saveAs(path.trim(), force);
    setBusy(false);
    if (result === 'changed') setExists(true);
    else if (result === 'failed') {
      const status = fileState.get().status;
      setError(status.kind === 'failed' ? status.message : 'The model was not saved.');
    }
  };
  return (
    <Dialog.Root open={saveAsOpen} onOpenChange={(open) => patchFileState({ saveAsOpen: open })}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog" aria-describedby={`${id}-where`}>
          <Dialog.Title>Save as</Dialog.Title>
          <form
            className="dialog-form"
            onSubmit={(e) => {
              e.preventDefault();
              void submit(exists);
            }}
          >
            <div className="field">
              <label htmlFor={id}>File path</label>
              <input
                id={id}
                type="text"
                className="mono"
                value={path}
                spellCheck={false}
                onChange={(e) => {
                  setPath(e.target.value);
                  setExists(false);
                  setError(undefined);
                }}
              />
              <div className="field-hint" id={`${id}-where`}>
                {app?.confined ? (
                  <>
                    Inside <code>{app.root}</code> (relative paths start there). The file is written atomically in
                    canonical form.
                  </>
                ) : (
                  'The file is written atomically in canonical form.'
                )}
              </div>
            </div>
            {exists && (
              <p className="field-problem warning" role="alert">
                A file already exists at this path. Replace it?
              </p>
            )}
            {error && (
              <p className="field-problem error" role="alert">
                {error}
              </p>
            )}
            <div className="dialog-actions">
              <Dialog.Close asChild>
                <button type="button" className="button">
                  Cancel
                </button>
              </Dialog.Close>
              <button type="submit" className="button primary" disabled={busy || path.trim() === ''}>
                {exists ? 'Replace' : 'Save'}
              </button>
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
