import { redo, undo } from '../state/model-store.js';
import { focusPath } from '../state/selection.js';

/** Brings the changed field into view when it is not on screen (the edit was made elsewhere, or on another screen). */
function reveal(path: string | undefined): void {
  if (!path) return;
  requestAnimationFrame(() => {
    if (document.querySelector(`main [data-path="${CSS.escape(path)}"]`)) return;
    focusPath(path);
  });
}

export function undoAndReveal(): void {
  reveal(undo());
}

export function redoAndReveal(): void {
  reveal(redo());
}
