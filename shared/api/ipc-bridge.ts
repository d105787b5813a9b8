import type { Envelope } from './define.js';

/**
 * What the desktop app's preload exposes to the page as `window.monotable`: the api contract's calls (invoke,
 * subscribe to one call's events, cancel) and the app's own notices (menu commands, engine/backend restarts).
 * Nothing else: no IPC object, no channel names; method names and inputs are checked by the backend's dispatcher.
 */
export interface MonotableBridge {
  /** Starts one contract call and resolves with its envelope (errors are envelopes too, never rejections). */
  invoke(method: string, input: unknown, callId: string): Promise<Envelope<unknown>>;
  /** Receives the events of the call `callId` (subscribe before invoking); returns the unsubscribe function. */
  subscribe(callId: string, listener: (event: unknown) => void): () => void;
  /** Aborts the call's signal in the backend; the call then resolves with a CANCELLED envelope. */
  cancel(callId: string): void;
  /** Menu commands and process notices from the app; returns the unsubscribe function. */
  onHostEvent(listener: (event: HostEvent) => void): () => void;
  /** Tells the app what the window shows (title, unsaved changes), for the close prompt and Save. */
  reportDocument(state: DocumentState): void;
  /**
   * Asks the user where to save a file (the native save dialog, which also confirms replacing one); resolves with
   * the chosen path, or undefined when the dialog was cancelled. Exports write there through the api.
   */
  chooseSavePath(request: SavePathRequest): Promise<string | undefined>;
}

/** What the save dialog shows: its title, the file name it proposes (no folder) and the extensions it filters by. */
export interface SavePathRequest {
  title: string;
  defaultName: string;
  extensions: string[];
}

export type ThemeChoice = 'system' | 'light' | 'dark';

/** Menu commands carried out by the page (the model lives there); paths come from the native file dialogs. */
export type HostCommand =
  | { name: 'new-from-template'; template: string }
  | { name: 'open'; path: string }
  | { name: 'import'; path: string }
  | { name: 'save'; path: string; thenClose: boolean }
  | { name: 'export' }
  | { name: 'theme'; theme: ThemeChoice };

export type HostEvent =
  | { kind: 'command'; command: HostCommand }
  /** The embedded engine process ended unexpectedly; `restarting` says whether the app starts it again. */
  | { kind: 'engine-crashed'; message: string; restarting: boolean }
  | { kind: 'engine-restarted'; endpoint: string }
  | { kind: 'engine-restart-failed'; message: string }
  /** The backend process ended unexpectedly and was started again; calls in flight ended with INTERNAL. */
  | { kind: 'backend-restarted'; message: string };

export interface DocumentState {
  /** The model file shown, if it has one. */
  path?: string;
  /** Unsaved changes. */
  dirty: boolean;
  /** Shown in the title bar. */
  title?: string;
}
