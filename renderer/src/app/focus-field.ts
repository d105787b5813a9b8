import { useEffect } from 'react';
import { parentPath } from '../state/json-path.js';
import { clearFocusRequest, useFocusRequest } from '../state/navigation.js';

const FOCUSABLE = 'input, select, textarea, button, [tabindex]:not([tabindex="-1"]), [contenteditable="true"]';

/** The element registered for the path (`data-path`), or for the nearest enclosing path that has one. */
export function findPathElement(root: ParentNode, path: string): HTMLElement | undefined {
  let current: string | undefined = path;
  while (current) {
    const element = root.querySelector<HTMLElement>(`[data-path="${CSS.escape(current)}"]`);
    if (element) return element;
    current = parentPath(current);
  }
  return undefined;
}

function focusElement(element: HTMLElement): void {
  const target = element.matches(FOCUSABLE) ? element : (element.querySelector<HTMLElement>(FOCUSABLE) ?? element);
  if (target === element && !element.matches(FOCUSABLE)) element.tabIndex = -1;
  target.scrollIntoView({ block: 'center', behavior: 'auto' });
  target.focus({ preventScroll: true });
  const flashed = target.closest<HTMLElement>('.field') ?? target;
  flashed.classList.remove('flash');
  void flashed.offsetWidth;
  flashed.classList.add('flash');
}

/**
 * Serves focusPath requests: once the requested screen has rendered the field, focuses it. Tries the exact path
 * for a few frames (a form may render a frame later), then the nearest enclosing path. Frames spent while a lazily
 * loaded screen's code is still arriving (App's `data-screen-loading` fallback) do not count, up to ~5 s.
 */
export function useFocusRequests(screen: string, container: () => HTMLElement | null): void {
  const request = useFocusRequest();
  useEffect(() => {
    // A request made before the screen switched is served by the new screen's render.
    if (!request || !screen) return;
    let frames = 0;
    let waited = 0;
    let handle = 0;
    const attempt = (): void => {
      const root = container();
      if (root?.querySelector('[data-screen-loading]') && ++waited < 300) {
        handle = requestAnimationFrame(attempt);
        return;
      }
      if (root) {
        const exact = root.querySelector<HTMLElement>(`[data-path="${CSS.escape(request.path)}"]`);
        const found = exact ?? (frames >= 6 ? findPathElement(root, request.path) : undefined);
        if (found) {
          focusElement(found);
          clearFocusRequest(request);
          return;
        }
      }
      if (++frames < 12) handle = requestAnimationFrame(attempt);
      else clearFocusRequest(request);
    };
    handle = requestAnimationFrame(attempt);
    return () => cancelAnimationFrame(handle);
  }, [request, screen, container]);
}
