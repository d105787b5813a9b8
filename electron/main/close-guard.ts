import type { DocumentState } from '../../shared/api/ipc-bridge.js';

/** The buttons of the unsaved-changes prompt, in dialog order. */
export const CLOSE_PROMPT_BUTTONS = ['Save', "Don't Save", 'Cancel'] as const;

export type CloseStep =
  | { action: 'close' }
  | { action: 'prompt' }
  /** Save first (to the document's file, or a path chosen in a Save dialog), then close once saved. */
  | { action: 'save-then-close'; needsPath: boolean }
  | { action: 'stay' };

/** Closing the window: clean documents close at once; unsaved changes ask (unless the user already answered). */
export function closeStep(document: DocumentState, answer?: number): CloseStep {
  if (!document.dirty) return { action: 'close' };
  if (answer === undefined) return { action: 'prompt' };
  if (answer === 0) return { action: 'save-then-close', needsPath: !document.path };
  if (answer === 1) return { action: 'close' };
  return { action: 'stay' };
}

export function closePromptMessage(document: DocumentState): { message: string; detail: string } {
  const name = document.title ?? document.path ?? 'this model';
  return {
    message: `Save the changes to ${name} before closing?`,
    detail: "Your changes are lost if you don't save them.",
  };
}

/** The window title: document name, an unsaved marker, the app name. */
export function windowTitle(document: DocumentState): string {
  const name = document.title ?? document.path?.split(/[\\/]/).pop();
  return name ? `${document.dirty ? '• ' : ''}${name} — Monotable` : 'Monotable';
}
