// The desktop app's preload (sandboxed, context-isolated). Bundled into one CommonJS file by `npm run build:desktop`
// (vite.preload.config.ts): sandboxed preloads cannot load ES modules or files of their own.
// Each ipcRenderer call names its fixed channel here (biome-plugins/electron-preload-bridge.grit checks it), and only
// the bridge object is exposed, never ipcRenderer.
import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from './bridge.js';
import { IPC_CHANNELS } from './channels.js';

const bridge = createBridge({
  call: (payload) => ipcRenderer.invoke(IPC_CHANNELS.call, payload),
  cancel: (payload) => ipcRenderer.send(IPC_CHANNELS.cancel, payload),
  reportDocument: (payload) => ipcRenderer.send(IPC_CHANNELS.document, payload),
  chooseSavePath: (payload) => ipcRenderer.invoke(IPC_CHANNELS.savePath, payload),
  onEvent: (listener) => {
    ipcRenderer.on(IPC_CHANNELS.event, (_event, payload: unknown) => listener(payload));
  },
  onHost: (listener) => {
    ipcRenderer.on(IPC_CHANNELS.host, (_event, payload: unknown) => listener(payload));
  },
});

contextBridge.exposeInMainWorld('monotable', bridge);
