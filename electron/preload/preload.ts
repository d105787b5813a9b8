// The desktop app's preload (sandboxed, context-isolated). Bundled into one CommonJS file by `npm run build:desktop`
// (vite.preload.config.ts): sandboxed preloads cannot load ES modules or files of their own.
import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from './bridge.js';

const bridge = createBridge({
  invoke: (channel, payload) => ipcRenderer.invoke(channel, payload),
  send: (channel, payload) => ipcRenderer.send(channel, payload),
  on: (channel, listener) => {
    ipcRenderer.on(channel, (_event, payload: unknown) => listener(payload));
  },
});

contextBridge.exposeInMainWorld('monotable', bridge);
