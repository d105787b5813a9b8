import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { app, BrowserWindow, dialog, screen } from 'electron';
import type { DocumentState, HostCommand, HostEvent, SavePathRequest } from '../../shared/api/ipc-bridge.js';
import { IPC_CHANNELS } from '../preload/channels.js';
import { CLOSE_PROMPT_BUTTONS, closePromptMessage, closeStep, windowTitle } from './close-guard.js';
import { APP_ENTRY_URL } from './policy/app-origin.js';
import { mainWindowOptions } from './policy/window-options.js';
import { captureWindowState, parseWindowState, restoreBounds, serializeWindowState } from './window-state.js';

interface AppWindow {
  window: BrowserWindow;
  document: DocumentState;
  /** The user chose Save in the close prompt: close as soon as the page reports the document saved. */
  closeAfterSave: boolean;
  /** The close was decided (clean, Don't Save, or saved): let it through. */
  closing: boolean;
  /** The page (and so the preload's listener) is loaded; host events wait in `queued` until then. */
  loaded: boolean;
  queued: HostEvent[];
}

export interface WindowManagerOptions {
  preload: string;
  icon?: string;
  devTools: boolean;
  /** The window's page went away (reload, navigation, close): its calls are cancelled. */
  onPageGone(webContentsId: number): void;
  /** A document with a path was shown (menu's Open Recent). */
  onDocumentPath(path: string): void;
}

function stateFile(): string {
  return join(app.getPath('userData'), 'window-state.json');
}

function readSavedState() {
  try {
    return parseWindowState(readFileSync(stateFile(), 'utf8'));
  } catch {
    return undefined;
  }
}

/** The app's windows: secure options, remembered size and position, document state, the unsaved-changes prompt. */
export function createWindowManager(options: WindowManagerOptions) {
  const windows = new Map<number, AppWindow>();

  function send(entry: AppWindow, event: HostEvent): void {
    if (entry.window.isDestroyed()) return;
    if (entry.loaded) entry.window.webContents.send(IPC_CHANNELS.host, event);
    else entry.queued.push(event);
  }

  function command(entry: AppWindow, hostCommand: HostCommand): void {
    send(entry, { kind: 'command', command: hostCommand });
  }

  async function savePath(entry: AppWindow): Promise<string | undefined> {
    const result = await dialog.showSaveDialog(entry.window, {
      title: 'Save Model',
      defaultPath: entry.document.path ?? 'model.monotable.json',
      filters: [{ name: 'Monotable model', extensions: ['json'] }],
    });
    return result.canceled ? undefined : result.filePath;
  }

  function onClose(entry: AppWindow, event: { preventDefault(): void }): void {
    if (entry.closing) return;
    const step = closeStep(entry.document);
    if (step.action === 'close') return;
    event.preventDefault();
    const { message, detail } = closePromptMessage(entry.document);
    const answer = dialog.showMessageBoxSync(entry.window, {
      type: 'warning',
      buttons: [...CLOSE_PROMPT_BUTTONS],
      defaultId: 0,
      cancelId: 2,
      message,
      detail,
    });
    const next = closeStep(entry.document, answer);
    if (next.action === 'close') {
      entry.closing = true;
      setImmediate(() => entry.window.close()); // after this close event has been cancelled
    } else if (next.action === 'save-then-close') {
      void (async () => {
        const path = next.needsPath ? await savePath(entry) : entry.document.path;
        if (!path) return;
        entry.closeAfterSave = true;
        command(entry, { name: 'save', path, thenClose: true });
      })();
    }
  }

  function create(): BrowserWindow {
    const saved = readSavedState();
    const bounds = restoreBounds(
      saved,
      screen.getAllDisplays().map((d) => d.workArea),
    );
    const window = new BrowserWindow(
      mainWindowOptions({ preloadPath: options.preload, bounds, icon: options.icon, devTools: options.devTools }),
    );
    const id = window.webContents.id;
    const entry: AppWindow = {
      window,
      document: { dirty: false },
      closeAfterSave: false,
      closing: false,
      loaded: false,
      queued: [],
    };
    windows.set(id, entry);
    if (saved?.maximized) window.maximize();
    window.once('ready-to-show', () => window.show());
    window.on('close', (event) => {
      onClose(entry, event);
      if (entry.closing || !entry.document.dirty) {
        try {
          writeFileSync(
            stateFile(),
            serializeWindowState(captureWindowState(window.getNormalBounds(), window.isMaximized())),
          );
        } catch {
          // the size is a convenience; an unwritable profile folder must not block closing
        }
      }
    });
    window.on('closed', () => {
      windows.delete(id);
      options.onPageGone(id);
    });
    window.webContents.on('did-start-navigation', (details) => {
      if (details.isMainFrame && !details.isSameDocument) {
        options.onPageGone(id);
        entry.document = { dirty: false };
        entry.loaded = false;
      }
    });
    window.webContents.on('did-finish-load', () => {
      entry.loaded = true;
      for (const event of entry.queued.splice(0)) send(entry, event);
    });
    window.webContents.on('render-process-gone', () => options.onPageGone(id));
    void window.loadURL(APP_ENTRY_URL);
    return window;
  }

  return {
    create,
    ids(): ReadonlySet<number> {
      return new Set(windows.keys());
    },
    /** The focused app window, else the first one. */
    current(): AppWindow | undefined {
      const focused = BrowserWindow.getFocusedWindow();
      return (focused && windows.get(focused.webContents.id)) ?? windows.values().next().value;
    },
    command,
    savePath,
    /** The save dialog of an export, attached to the window that asked (already a checked sender). */
    async chooseSavePath(webContentsId: number, request: SavePathRequest): Promise<string | undefined> {
      const entry = windows.get(webContentsId);
      if (!entry || entry.window.isDestroyed()) return undefined;
      const result = await dialog.showSaveDialog(entry.window, {
        title: request.title,
        defaultPath: join(app.getPath('downloads'), request.defaultName),
        filters: request.extensions.length > 0 ? [{ name: request.title, extensions: request.extensions }] : [],
      });
      return result.canceled ? undefined : result.filePath;
    },
    notifyAll(event: HostEvent): void {
      for (const entry of windows.values()) send(entry, event);
    },
    deliverEvent(webContentsId: number, callId: string, event: unknown): void {
      const entry = windows.get(webContentsId);
      if (entry && !entry.window.isDestroyed()) entry.window.webContents.send(IPC_CHANNELS.event, { callId, event });
    },
    /** The page's report (already from a checked sender): title bar, close prompt, and close after a save. */
    setDocument(webContentsId: number, document: DocumentState): void {
      const entry = windows.get(webContentsId);
      if (!entry) return;
      const previousPath = entry.document.path;
      entry.document = document;
      entry.window.setTitle(windowTitle(document));
      if (process.platform === 'darwin') {
        entry.window.setDocumentEdited(document.dirty);
        if (document.path) entry.window.setRepresentedFilename(document.path);
      }
      if (document.path && document.path !== previousPath) options.onDocumentPath(document.path);
      if (entry.closeAfterSave && !document.dirty) {
        entry.closing = true;
        entry.window.close();
      }
    },
  };
}

export type WindowManager = ReturnType<typeof createWindowManager>;
