import { useRef } from 'react';
import { useAnalysis } from '../../state/analysis.js';
import { useCommand } from '../../state/commands.js';
import { useDocument } from '../../state/model-store.js';
import { focusPath } from '../../state/selection.js';

/** The nav badge: errors if any, else warnings; hidden from the entry's name (the status bar says the counts). */
export function ProblemsBadge() {
  const { opened } = useDocument();
  const { errors, warnings, diagnostics } = useAnalysis();
  // F8 / Shift+F8 walk the problems (errors first, as listed) and focus each one's field.
  const at = useRef(-1);
  const go = (delta: 1 | -1): void => {
    const list = diagnostics.filter((d) => d.severity !== 'info');
    if (list.length === 0) return;
    at.current = (((at.current + delta) % list.length) + list.length) % list.length;
    focusPath(list[at.current]!.path);
  };
  useCommand({
    id: 'problems.next',
    title: 'Go to the next problem',
    group: 'Go',
    shortcut: 'F8',
    whileTyping: true,
    enabled: opened && errors + warnings > 0,
    run: () => go(1),
  });
  useCommand({
    id: 'problems.previous',
    title: 'Go to the previous problem',
    group: 'Go',
    shortcut: 'Shift+F8',
    whileTyping: true,
    enabled: opened && errors + warnings > 0,
    run: () => go(-1),
  });
  if (!opened || errors + warnings === 0) return null;
  const kind = errors ? 'error' : 'warning';
  return (
    <span className={`badge ${kind}`} aria-hidden="true" data-testid="problems-count">
      {errors || warnings}
    </span>
  );
}
