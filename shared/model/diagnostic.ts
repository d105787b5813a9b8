/** One finding of the validator. `path` is a JSON path into the model (`$.tables[0].name`). */
export interface Diagnostic {
  code: string;
  severity: 'error' | 'warning' | 'info';
  path: string;
  message: string;
  hint?: string;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}
