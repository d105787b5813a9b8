import type { Diagnostic } from '../../../shared/model/diagnostic.js';
import { diagnosticsUnder, useAnalysis } from '../state/analysis.js';

/** The diagnostics of one field: at its path exactly, or (with `under`) anywhere below it. */
const NONE: readonly Diagnostic[] = [];

export function useFieldProblems(path: string, under = false): readonly Diagnostic[] {
  const { diagnostics, byPath } = useAnalysis();
  if (!under) return byPath.get(path) ?? NONE;
  return diagnosticsUnder(diagnostics, path);
}

/** Inline diagnostics under a field, announced politely to screen readers as they change. */
export function FieldProblems({ id, problems }: { id: string; problems: readonly Diagnostic[] }) {
  return (
    <div id={id} className="field-problems" aria-live="polite">
      {problems.map((d, i) => (
        // keyed by code and path (and position), not message: a message that changes as you type updates in place
        <p key={`${d.code}|${d.path}|${i}`} className={`field-problem ${d.severity}`}>
          <span className="field-problem-code">{d.code}</span> {d.message}
          {d.hint && <span className="field-problem-hint"> {d.hint}</span>}
        </p>
      ))}
    </div>
  );
}

/** The diagnostics at exactly one path, for a list or a row that is not itself a field. */
export function PathProblems({ path }: { path: string }) {
  const problems = useFieldProblems(path);
  return problems.length > 0 ? <FieldProblems id={`problems-${path}`} problems={problems} /> : null;
}
