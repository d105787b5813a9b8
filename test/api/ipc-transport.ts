import { randomUUID } from 'node:crypto';
import { MessageChannel } from 'node:worker_threads';
import { dispatch } from '../../electron/backend/api/dispatcher.js';
import type { FileScope } from '../../electron/backend/files/file-scope.js';
import { serveBackend } from '../../electron/main/backend-host/host-core.js';
import { isBackendMessage } from '../../electron/main/ipc/backend-messages.js';
import { createRelay } from '../../electron/main/ipc/relay.js';
import { APP_ENTRY_URL } from '../../electron/main/policy/app-origin.js';
import type { IpcSender } from '../../electron/main/policy/sender-check.js';
import { createBridge, type PreloadIpc } from '../../electron/preload/bridge.js';
import { createIpcClient } from '../../renderer/src/api/ipc-client.js';
import type { ApiClient } from '../../shared/api/client.js';
import type { MonotableBridge } from '../../shared/api/ipc-bridge.js';

const WINDOW_ID = 1;

/**
 * The desktop app's transport without Electron: the renderer's IPC client over the preload's bridge, an in-memory
 * ipcRenderer/ipcMain pair (structured clone, as Electron's IPC), main's relay with its sender check, and the
 * backend host serving the real dispatcher across a worker_threads MessageChannel (the utilityProcess port).
 */
export async function openIpcTransport(
  options: { files?: FileScope; sender?: IpcSender; chooseSavePath?: () => Promise<string | null> } = {},
): Promise<{ client: ApiClient; bridge: MonotableBridge; close(): Promise<void> }> {
  const sender = options.sender ?? { webContentsId: WINDOW_ID, frame: { url: APP_ENTRY_URL, isMainFrame: true } };
  const { port1: mainPort, port2: backendPort } = new MessageChannel();
  serveBackend(
    { post: (message) => backendPort.postMessage(message), listen: (handler) => backendPort.on('message', handler) },
    { dispatch, shutdown: async () => {}, ...(options.files ? { files: options.files } : {}) },
  );

  const eventListeners: ((payload: unknown) => void)[] = [];
  const relay = createRelay({
    post: (message) => mainPort.postMessage(message),
    deliverEvent: (webContentsId, callId, event) => {
      if (webContentsId !== WINDOW_ID) return;
      for (const listener of eventListeners) listener(structuredClone({ callId, event }));
    },
    appWindows: () => new Set([WINDOW_ID]),
    newId: randomUUID,
  });
  mainPort.on('message', (message: unknown) => {
    if (isBackendMessage(message)) relay.fromBackend(message);
  });

  const ipc: PreloadIpc = {
    call: async (payload) => structuredClone(await relay.call(sender, structuredClone(payload))),
    cancel: (payload) => relay.cancel(sender, structuredClone(payload)),
    reportDocument: () => {},
    chooseSavePath: options.chooseSavePath ?? (async () => null),
    onEvent: (listener) => eventListeners.push(listener),
    onHost: () => {},
  };
  const bridge = createBridge(ipc);
  const client = createIpcClient(bridge);
  return {
    client,
    bridge,
    async close() {
      relay.dropWindow(WINDOW_ID);
      mainPort.close();
      backendPort.close();
    },
  };
}
