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
  const seen = new Map<string, number>();
  return (
    <div id={id} className="field-problems" aria-live="polite">
      {problems.map((d) => (
        // keyed by code and path (not message: a message that changes as you type updates in place)
        <p key={occurrenceKey(seen, d)} className={`field-problem ${d.severity}`}>
          <span className="field-problem-code">{d.code}</span> {d.message}
          {d.hint && <span className="field-problem-hint"> {d.hint}</span>}
        </p>
      ))}
    </div>
  );
}

/** `code|path|n`: the n-th diagnostic with this code at this path in a list (stable while the messages change). */
export function occurrenceKey(seen: Map<string, number>, d: Diagnostic): string {
  const base = `${d.code}|${d.path}`;
  const n = seen.get(base) ?? 0;
  seen.set(base, n + 1);
  return `${base}|${n}`;
}

/** The diagnostics at exactly one path, for a list or a row that is not itself a field. */
export function PathProblems({ path }: { path: string }) {
  const problems = useFieldProblems(path);
  return problems.length > 0 ? <FieldProblems id={`problems-${path}`} problems={problems} /> : null;
}
