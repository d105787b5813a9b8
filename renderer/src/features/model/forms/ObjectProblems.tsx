import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import { diagnosticsUnder, isUnder, useAnalysis } from '../../../state/analysis.js';
import { joinPath } from '../../../state/json-path.js';
import { focusPath } from '../../../state/selection.js';
import { occurrenceKey } from '../../../components/FieldProblems.js';

/**
 * The problems of the object a form shows that no field of the form shows inline (a list-level finding such as an
 * undeclared parameter, a key attribute of the table); one line each, activating a line focuses the nearest field.
 * Problems of nested lists in `exclude` belong to their own forms.
 */
export function ObjectProblems({ path, exclude = [] }: { path: string; exclude?: readonly string[] }) {
  const { diagnostics } = useAnalysis();
  const list = useRef<HTMLUListElement>(null);
  const [inline, setInline] = useState<ReadonlySet<string>>(new Set());
  const under = diagnosticsUnder(diagnostics, path);
  const excludeKey = exclude.join('\n');
  // recomputed only when the problems under the object change (the same array otherwise), not on every keystroke
  const { own, key } = useMemo(() => {
    const excluded = excludeKey ? excludeKey.split('\n').map((segment) => joinPath(path, segment)) : [];
    const own = under.filter((d) => d.severity !== 'info' && !excluded.some((e) => isUnder(d.path, e)));
    return { own, key: own.map((d) => d.path).join('\n') };
  }, [under, path, excludeKey]);
  useLayoutEffect(() => {
    // A field with the exact path of a problem shows it inline (fields render their own diagnostics).
    const form = list.current?.closest('.form') ?? document;
    // one query for every inline field (not one per problem: an entity may have hundreds of item problems)
    const inlinePaths = new Set<string>();
    for (const field of form.querySelectorAll('[data-path][data-problems-inline]'))
      inlinePaths.add(field.getAttribute('data-path') ?? '');
    const shown = new Set(key.split('\n').filter((p) => p && inlinePaths.has(p)));
    setInline((current) => (sameSet(current, shown) ? current : shown));
  });
  const rest = own.filter((d) => !inline.has(d.path));
  const seen = new Map<string, number>();
  return (
    <ul className="object-problems" aria-label="Problems here" ref={list} hidden={rest.length === 0}>
      {rest.map((d) => (
        // keyed by code and path (not message: a message that changes as you type updates in place)
        <li key={occurrenceKey(seen, d)}>
          <button type="button" className={`object-problem ${d.severity}`} onClick={() => focusPath(d.path)}>
            <span aria-hidden="true">{d.severity === 'error' ? '⨯' : '⚠'}</span> {d.message}
          </button>
        </li>
      ))}
    </ul>
  );
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return a.size === b.size && [...a].every((x) => b.has(x));
}
