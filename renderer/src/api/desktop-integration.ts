import type { HostEvent, ThemeChoice } from '../../../shared/api/ipc-bridge.js';
import { openPath, openTemplate, save, saveAs, whenChangesAreSafe } from '../files/document-io.js';
import { patchFileState } from '../files/file-state.js';
import { getDocument, subscribeDocument } from '../state/model-store.js';
import { showScreen } from '../state/navigation.js';
import { setTheme } from '../state/theme.js';
import { installDesktopHost } from './desktop-host.js';
import { desktopBridge, reportDocument } from './ipc-client.js';

function themeFor(choice: ThemeChoice): 'light' | 'dark' {
  if (choice !== 'system') return choice;
  return typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

function noticeOf(event: Exclude<HostEvent, { kind: 'command' }>): { kind: 'error' | 'info'; text: string } {
  switch (event.kind) {
    case 'engine-crashed':
      return { kind: 'error', text: `${event.message}${event.restarting ? ' Restarting it…' : ''}` };
    case 'engine-restarted':
      return { kind: 'info', text: `The local engine runs again (${event.endpoint}).` };
    case 'engine-restart-failed':
      return { kind: 'error', text: `The local engine could not be restarted: ${event.message}` };
    case 'backend-restarted':
      return { kind: 'error', text: event.message };
  }
}

/**
 * The desktop app's menus and window, connected to the page (nothing happens in a browser): File commands run the
 * same document functions as the page's own buttons, process notices show in the status line, and the document's
 * path and unsaved state go to main for the title bar, Save and the close prompt.
 */
export function installDesktopIntegration(): () => void {
  if (!desktopBridge()) return () => {};
  const offHost = installDesktopHost({
    newFromTemplate: (name) => whenChangesAreSafe('New from template', () => openTemplate(name)),
    open: (path) => whenChangesAreSafe('Open', () => openPath(path)),
    import: (path) => whenChangesAreSafe('Import', () => openPath(path)),
    save: async (path) => {
      // The native Save dialog has already asked before replacing an existing file.
      if (getDocument().path === path) await save();
      else await saveAs(path, true);
    },
    export: () => showScreen('export'),
    theme: (choice) => setTheme(themeFor(choice)),
    notice: (event) => patchFileState({ notice: noticeOf(event) }),
  });
  let last = '';
  const report = (): void => {
    const doc = getDocument();
    const state = { dirty: doc.opened && doc.dirty, path: doc.path, title: doc.opened ? doc.model.name : undefined };
    const key = JSON.stringify(state);
    if (key === last) return;
    last = key;
    reportDocument({
      dirty: state.dirty,
      ...(state.path ? { path: state.path } : {}),
      ...(state.title ? { title: state.title } : {}),
    });
  };
  report();
  const offDocument = subscribeDocument(report);
  return () => {
    offHost();
    offDocument();
  };
}
