import { useMemo, useState } from 'react';
import type { Diagnostic } from '../../../../shared/model/diagnostic.js';
import { useFileState } from '../../files/file-state.js';
import { useAnalysis } from '../../state/analysis.js';
import { useDocument } from '../../state/model-store.js';
import { focusPath } from '../../state/selection.js';
import { describePath } from './describe-path.js';

const SEVERITIES = [
  { id: 'error', title: 'Errors', single: 'error' },
  { id: 'warning', title: 'Warnings', single: 'warning' },
  { id: 'info', title: 'Suggestions', single: 'suggestion' },
] as const;

/** Every diagnostic by severity, with code, message, hint and where; activating one focuses its field. */
export function ProblemsScreen() {
  const { model } = useDocument();
  const { diagnostics } = useAnalysis();
  const { importNotes } = useFileState();
  const [filter, setFilter] = useState('');
  const shown = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    if (!needle) return diagnostics;
    return diagnostics.filter((d) => `${d.code} ${d.message} ${d.hint ?? ''} ${d.path}`.toLowerCase().includes(needle));
  }, [diagnostics, filter]);
  return (
    <section className="screen" aria-labelledby="problems-title">
      <header className="screen-header">
        <h1 id="problems-title">Problems</h1>
        <span className="muted" aria-live="polite">
          {summary(diagnostics)}
        </span>
        <span className="spacer" />
        <input
          type="text"
          aria-label="Filter problems"
          placeholder="Filter by code, message or path"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          style={{ width: 260 }}
        />
      </header>
      <div className="screen-body problems">
        {importNotes && importNotes.length > 0 && (
          <section aria-labelledby="problems-import" className="problem-group">
            <h2 id="problems-import" className="problem-heading">
              Import notes <span className="badge">{importNotes.length}</span>
            </h2>
            <ul className="problem-list">
              {importNotes.map((d) => (
                <li key={`${d.code}|${d.path}|${d.message}`}>
                  <button type="button" className="problem info" onClick={() => focusPath(d.path)}>
                    <span className="problem-icon info" aria-hidden="true">
                      i
                    </span>
                    <span className="problem-main">
                      <span className="problem-message">{d.message}</span>
                      {d.hint && <span className="problem-hint">{d.hint}</span>}
                    </span>
                    <span className="problem-meta">
                      <code className="problem-code">{d.code}</code>
                      <span className="problem-where">{d.path}</span>
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
        )}
        {diagnostics.length === 0 && (
          <p className="empty">No problems: the model is valid and follows every design rule Monotable checks.</p>
        )}
        {SEVERITIES.map((severity) => {
          const group = shown.filter((d) => d.severity === severity.id);
          if (group.length === 0) return null;
          return (
            <section key={severity.id} aria-labelledby={`problems-${severity.id}`} className="problem-group">
              <h2 id={`problems-${severity.id}`} className={`problem-heading ${severity.id}`}>
                {severity.title} <span className={`badge ${severity.id}`}>{group.length}</span>
              </h2>
              <ul className="problem-list">
                {group.map((d) => (
                  <li key={`${d.code}|${d.path}|${d.message}`}>
                    <button
                      type="button"
                      className={`problem ${d.severity}`}
                      onClick={() => focusPath(d.path)}
                      aria-label={`${severity.single} ${d.code}: ${d.message}`}
                      title={`Go to ${d.path}`}
                    >
                      <span className={`problem-icon ${d.severity}`} aria-hidden="true">
                        {d.severity === 'error' ? '⨯' : d.severity === 'warning' ? '⚠' : 'i'}
                      </span>
                      <span className="problem-main">
                        <span className="problem-message">{d.message}</span>
                        {d.hint && <span className="problem-hint">{d.hint}</span>}
                      </span>
                      <span className="problem-meta">
                        <code className="problem-code">{d.code}</code>
                        <span className="problem-where">{describePath(model, d.path)}</span>
                      </span>
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          );
        })}
      </div>
    </section>
  );
}

function summary(diagnostics: readonly Diagnostic[]): string {
  const count = (s: string) => diagnostics.filter((d) => d.severity === s).length;
  const parts = [
    [count('error'), 'error', 'errors'],
    [count('warning'), 'warning', 'warnings'],
    [count('info'), 'suggestion', 'suggestions'],
  ] as const;
  return parts.map(([n, one, many]) => `${n} ${n === 1 ? one : many}`).join(', ');
}
