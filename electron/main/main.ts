// The desktop app's main process. Policies live in pure modules (policy/, window-state, menu-template, close-guard,
// launch-file, ipc/relay) with unit tests; this file and its Electron-facing neighbours only wire them together.
import { existsSync } from 'node:fs';
import { app, BrowserWindow, ipcMain, type IpcMainEvent, type IpcMainInvokeEvent, session } from 'electron';
import type { DocumentState } from '../../shared/api/ipc-bridge.js';
import { IPC_CHANNELS } from '../preload/channels.js';
import { createAppMenu } from './app-menu.js';
import { registerAppScheme, serveRenderer } from './app-protocol.js';
import { startBackend } from './backend-process.js';
import { modelFileFromArgv } from './launch-file.js';
import { appPaths } from './paths.js';
import { isTrustedSender, type IpcSender } from './policy/sender-check.js';
import { hardenAllWebContents, hardenSession } from './security.js';
import { createWindowManager } from './windows.js';

const paths = appPaths();
const devTools = !app.isPackaged;

if (!app.requestSingleInstanceLock()) {
  // Another Monotable runs: it receives our command line (second-instance) and opens the file there.
  app.quit();
} else {
  registerAppScheme();
  hardenAllWebContents();
  run();
}

function senderOf(event: IpcMainEvent | IpcMainInvokeEvent): IpcSender {
  const frame = event.senderFrame;
  return {
    webContentsId: event.sender.id,
    frame: frame ? { url: frame.url, isMainFrame: frame.parent === null } : null,
  };
}

function run(): void {
  let pendingFile = modelFileFromArgv(process.argv, process.cwd());

  app.on('will-finish-launching', () => {
    // macOS: double-click on a .monotable.json (file association) or drop on the Dock icon.
    app.on('open-file', (event, path) => {
      event.preventDefault();
      if (app.isReady()) openFile(path);
      else pendingFile = path;
    });
  });

  let openFile: (path: string) => void = () => {};

  void app.whenReady().then(async () => {
    hardenSession(session.defaultSession);
    serveRenderer(paths.rendererRoot);

    const windows = createWindowManager({
      preload: paths.preload,
      icon: existsSync(paths.icon) ? paths.icon : undefined,
      devTools,
      onPageGone: (id) => backend.relay.dropWindow(id),
      onDocumentPath: () => void menu.refresh(),
    });
    const backend = startBackend({
      backendHost: paths.backendHost,
      engineHost: paths.engineHost,
      deliverEvent: (id, callId, event) => windows.deliverEvent(id, callId, event),
      appWindows: () => windows.ids(),
      notify: (event) => windows.notifyAll(event),
    });
    const menu = createAppMenu({
      windows,
      callBackend: (method, input) => backend.relay.callFromMain(method, input),
      devTools,
    });

    ipcMain.handle(IPC_CHANNELS.call, (event, payload: unknown) => backend.relay.call(senderOf(event), payload));
    ipcMain.on(IPC_CHANNELS.cancel, (event, payload: unknown) => backend.relay.cancel(senderOf(event), payload));
    ipcMain.on(IPC_CHANNELS.document, (event, payload: unknown) => {
      if (!isTrustedSender(senderOf(event), windows.ids())) return;
      const state = payload as DocumentState;
      if (typeof state?.dirty !== 'boolean') return;
      windows.setDocument(event.sender.id, state);
    });

    openFile = (path) => {
      if (!windows.current()) windows.create();
      const current = windows.current();
      if (!current) return;
      if (current.window.isMinimized()) current.window.restore();
      current.window.focus();
      windows.command(current, { name: 'open', path });
    };

    app.on('second-instance', (_event, argv, workingDirectory) => {
      const file = modelFileFromArgv(argv, workingDirectory);
      if (file) openFile(file);
      else windows.current()?.window.focus();
    });
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) windows.create();
    });
    app.on('window-all-closed', () => {
      if (process.platform !== 'darwin') app.quit();
    });
    let stopped = false;
    app.on('will-quit', (event) => {
      if (stopped) return;
      event.preventDefault();
      void backend.shutdown().finally(() => {
        stopped = true;
        app.quit();
      });
    });

    windows.create();
    if (pendingFile) openFile(pendingFile);
    pendingFile = undefined;
    await menu.refresh();
  });
}
