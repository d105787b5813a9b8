import type { Diagnostic } from '../../shared/model/diagnostic.js';

const ORDER = { error: 0, warning: 1, info: 2 } as const;

/** Errors first, then warnings, then info; within a severity in path order (stable output for CI logs). */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) => ORDER[a.severity] - ORDER[b.severity] || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0),
  );
}

/** One line per finding: `severity code path: message`, its hint indented below. */
export function formatDiagnostic(d: Diagnostic): string {
  return `${d.severity} ${d.code} ${d.path}: ${d.message}${d.hint ? `\n  hint: ${d.hint}` : ''}`;
}

export function countLine(diagnostics: readonly Diagnostic[]): string {
  const count = (severity: Diagnostic['severity']): number => diagnostics.filter((d) => d.severity === severity).length;
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')}, ${count('info')} info`;
}
