import { isUnder, useAnalysis } from '../../../state/analysis.js';
import { joinPath } from '../../../state/json-path.js';
import { focusPath } from '../../../state/selection.js';

/**
 * The problems of the object a form shows (its errors and warnings, nested lists excluded), one line each; activating
 * a line focuses its field. The fields show the same problems inline; this is the overview at the top.
 */
export function ObjectProblems({ path, exclude = [] }: { path: string; exclude?: readonly string[] }) {
  const { diagnostics } = useAnalysis();
  const excluded = exclude.map((segment) => joinPath(path, segment));
  const own = diagnostics.filter(
    (d) => d.severity !== 'info' && isUnder(d.path, path) && !excluded.some((e) => isUnder(d.path, e)),
  );
  if (own.length === 0) return null;
  return (
    <ul className="object-problems" aria-label="Problems here">
      {own.map((d) => (
        <li key={`${d.code}|${d.path}|${d.message}`}>
          <button type="button" className={`object-problem ${d.severity}`} onClick={() => focusPath(d.path)}>
            <span aria-hidden="true">{d.severity === 'error' ? '⨯' : '⚠'}</span> {d.message}
          </button>
        </li>
      ))}
    </ul>
  );
}
