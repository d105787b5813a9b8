import { fileURLToPath } from 'node:url';

/**
 * Where the built app's parts are, relative to this module in `dist/electron/main/` (the same layout inside the
 * packaged app.asar): the renderer (Vite build), the bundled preload, and the two utilityProcess entries.
 */
export function appPaths(moduleUrl: string = import.meta.url) {
  const at = (relative: string): string => fileURLToPath(new URL(relative, moduleUrl));
  return {
    rendererRoot: at('../../renderer/'),
    preload: at('../preload/preload.cjs'),
    backendHost: at('./backend-host/backend-host.js'),
    engineHost: at('./backend-host/engine-host.js'),
    icon: at('../../../build/icon.png'),
  };
}

export type AppPaths = ReturnType<typeof appPaths>;
