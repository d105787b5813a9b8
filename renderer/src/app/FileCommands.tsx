import { TEMPLATES } from '../../../shared/templates/index.js';
import { boot, openBlankModel, openTemplate, save, startAutosave, whenChangesAreSafe } from '../files/document-io.js';
import { patchFileState, setAutosave, useFileState } from '../files/file-state.js';
import { useCommand } from '../state/commands.js';
import { closeModel, useDocument } from '../state/model-store.js';
import { showScreen } from '../state/navigation.js';
import { useEffect } from 'react';

/** File commands (Save, Save as, Open, autosave) and the start-up: who the backend is, what to open, autosave. */
export function FileCommands() {
  const doc = useDocument();
  const files = useFileState();
  useEffect(() => {
    void boot();
    return startAutosave();
  }, []);
  useCommand({
    id: 'file.save',
    title: 'Save',
    group: 'File',
    shortcut: 'Mod+S',
    whileTyping: true,
    enabled: doc.opened,
    run: () => void save(),
  });
  useCommand({
    id: 'file.save-as',
    title: 'Save as…',
    group: 'File',
    shortcut: 'Mod+Shift+S',
    whileTyping: true,
    enabled: doc.opened,
    run: () => patchFileState({ saveAsOpen: true }),
  });
  useCommand({
    id: 'file.open',
    title: 'Open or import a file…',
    group: 'File',
    shortcut: 'Mod+O',
    whileTyping: true,
    run: () => showScreen('start'),
  });
  useCommand({
    id: 'file.autosave',
    title: files.autosave ? 'Turn off autosave to the file' : 'Turn on autosave to the file',
    group: 'File',
    run: () => setAutosave(!files.autosave),
  });
  useCommand({
    id: 'file.new',
    title: 'New blank model',
    group: 'File',
    run: () => whenChangesAreSafe('a blank model', openBlankModel),
  });
  useCommand({
    id: 'file.close',
    title: 'Close the model',
    group: 'File',
    enabled: doc.opened && !doc.dirty,
    run: () => {
      closeModel();
      showScreen('start');
    },
  });
  return (
    <>
      {TEMPLATES.map((t) => (
        <TemplateCommand key={t.name} name={t.name} title={t.title} />
      ))}
    </>
  );
}

function TemplateCommand({ name, title }: { name: string; title: string }) {
  useCommand({
    id: `file.new.${name}`,
    title: `New model from the template ${title}`,
    group: 'File',
    run: () => whenChangesAreSafe(`the template ${title}`, () => openTemplate(name)),
  });
  return null;
}

export function SaveState() {
  const doc = useDocument();
  const { status, autosave, online } = useFileState();
  if (!doc.opened) return null;
  let text: string;
  if (!online) text = 'Backend unreachable — edits stay in this window';
  else if (status.kind === 'saving') text = 'Saving…';
  else if (status.kind === 'failed') text = status.message;
  else if (!doc.dirty) text = status.kind === 'saved' ? `Saved ${time(status.at)}` : 'Saved';
  else if (status.kind === 'journaled')
    text = `Unsaved edits kept ${time(status.at)}${doc.path && autosave ? ' · autosaving' : ''}`;
  else text = doc.path ? (autosave ? 'Edited · autosaving' : 'Edited') : 'Not saved to a file';
  return (
    <span className={`save-status ${status.kind}`} role="status" aria-label={`Save state: ${text}`}>
      {text}
    </span>
  );
}

const TIME = new Intl.DateTimeFormat(undefined, { timeStyle: 'medium' });

function time(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : TIME.format(d);
}

export function Notice() {
  const { notice } = useFileState();
  if (!notice) return null;
  return (
    <div className={`notice ${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
      <span>{notice.text}</span>
      <span className="spacer" />
      <button type="button" className="button ghost small" onClick={() => patchFileState({ notice: undefined })}>
        Dismiss
      </button>
    </div>
  );
}
