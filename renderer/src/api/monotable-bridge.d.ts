import type { MonotableBridge } from '../../../shared/api/ipc-bridge.js';

declare global {
  interface Window {
    /** Set by the desktop app's preload (electron/preload); absent in browser mode. */
    readonly monotable?: MonotableBridge;
  }
}
