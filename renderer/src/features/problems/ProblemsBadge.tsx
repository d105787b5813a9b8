import { useAnalysis } from '../../state/analysis.js';
import { useDocument } from '../../state/model-store.js';

/** The nav badge: errors if any, else warnings; hidden from the entry's name (the status bar says the counts). */
export function ProblemsBadge() {
  const { opened } = useDocument();
  const { errors, warnings } = useAnalysis();
  if (!opened || errors + warnings === 0) return null;
  const kind = errors ? 'error' : 'warning';
  return (
    <span className={`badge ${kind}`} aria-hidden="true" data-testid="problems-count">
      {errors || warnings}
    </span>
  );
}
