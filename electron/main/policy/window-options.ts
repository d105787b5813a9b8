import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';

/**
 * The web preferences of every app window: the page is an ordinary sandboxed web page (no Node, isolated from the
 * preload's world, same-origin policy on) and reaches the backend only through the preload's typed bridge.
 */
export function secureWebPreferences(preloadPath: string, options: { devTools: boolean }): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
    devTools: options.devTools,
  };
}

export interface WindowBounds {
  x?: number;
  y?: number;
  width: number;
  height: number;
}

export const MIN_WINDOW_SIZE = { width: 900, height: 600 } as const;

/** The main window's options: remembered bounds, hidden until the first paint (no white flash), secure prefs. */
export function mainWindowOptions(input: {
  preloadPath: string;
  bounds: WindowBounds;
  icon?: string;
  devTools: boolean;
}): BrowserWindowConstructorOptions {
  return {
    ...input.bounds,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    title: 'Monotable',
    show: false,
    backgroundColor: '#1e1e1e',
    ...(input.icon ? { icon: input.icon } : {}),
    webPreferences: secureWebPreferences(input.preloadPath, { devTools: input.devTools }),
  };
}
