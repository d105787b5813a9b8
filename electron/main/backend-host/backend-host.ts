// Entry of the backend process of the desktop app (an Electron utilityProcess started by main.ts). It runs under
// Electron's Node without the `electron` module: the api dispatcher, the services and the engine's supervisor live
// here, outside the renderer, so they survive reloads of the window; main relays calls over `process.parentPort`.
import { homedir } from 'node:os';
import { dispatch } from '../../backend/api/dispatcher.js';
import { stopEngine } from '../../backend/engine/engine-manager.js';
import { userDataDir } from '../../backend/files/file-scope.js';
import { setEngineForker } from '../../backend/engine/start-engine.js';
import type { BackendToMain } from '../ipc/backend-messages.js';
import { createEngineProcessProxy } from './engine-process-proxy.js';
import { serveBackend } from './host-core.js';

const parentPort = process.parentPort;
if (!parentPort) {
  process.stderr.write('backend-host runs only as an Electron utilityProcess (process.parentPort is missing).\n');
  process.exit(2);
}

const post = (message: BackendToMain): void => parentPort.postMessage(message);
let engineCrashed: (code: number) => void = () => {};
const engines = createEngineProcessProxy(post, (code) => engineCrashed(code));
setEngineForker(engines.fork);

const { supervisor } = serveBackend(
  { post, listen: (handler) => parentPort.on('message', (event) => handler(event.data)) },
  {
    dispatch,
    // The desktop app opens what the user picks in native dialogs: not confined; relative paths start at home.
    files: { mode: 'desktop', root: homedir(), confined: false, dataDir: userDataDir() },
    shutdown: async () => {
      await stopEngine();
    },
    other: (message) => {
      if ('key' in message) engines.handle(message);
    },
  },
);
engineCrashed = (code) => {
  post({ type: 'engine-crashed', code, restarting: supervisor.willRestart });
  void supervisor.restart();
};
