import { useEffect } from 'react';
import type { Model } from '../../../../shared/model/schema.js';
import { getDocument, useDocument } from '../../state/model-store.js';
import { ensureConnection } from '../connections/connection-store.js';
import { runRead } from '../results/results-store.js';
import { PatternRunner } from './PatternRunner.js';
import { QueryBuilder } from './QueryBuilder.js';
import { RequestBuilder } from './RequestBuilder.js';
import { historyPath, loadHistory, useHistory } from './history-store.js';
import { SavedOperations } from './SavedOperations.js';
import { useSavedOperations } from './saved-store.js';
import { type OperationTab, showOperationTab, useOperationView } from './operation-tabs.js';

const TABS: { id: OperationTab; label: string }[] = [
  { id: 'pattern', label: 'Access pattern' },
  { id: 'query', label: 'Query' },
  { id: 'scan', label: 'Scan' },
  { id: 'request', label: 'Get / Put / Update / Delete' },
  { id: 'saved', label: 'Saved' },
  { id: 'history', label: 'History' },
];

/** Run an access pattern or build an operation ad hoc, on the selected table of the active connection. */
export function OperationPanel({ model, table }: { model: Model; table: string }) {
  const view = useOperationView();
  const { opened } = useSavedOperations();
  const initial = (kind: 'query' | 'scan') =>
    opened && opened.operation.kind === kind && opened.operation.table === table ? opened : undefined;
  return (
    <section className="operation-panel" aria-label="Operations">
      <div className="tabs" role="tablist" aria-label="Operation kind">
        {TABS.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            aria-selected={view.tab === t.id}
            className="tab"
            onClick={() => showOperationTab(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div className="tab-body" role="tabpanel">
        {view.tab === 'pattern' && <PatternRunner model={model} table={table} choice={view.choice} />}
        {view.tab === 'query' && (
          <QueryBuilder
            key={`q-${table}-${initial('query')?.serial ?? 0}`}
            model={model}
            table={table}
            kind="query"
            {...(initial('query') ? { initial: initial('query')! } : {})}
          />
        )}
        {view.tab === 'scan' && (
          <QueryBuilder
            key={`s-${table}-${initial('scan')?.serial ?? 0}`}
            model={model}
            table={table}
            kind="scan"
            {...(initial('scan') ? { initial: initial('scan')! } : {})}
          />
        )}
        {view.tab === 'saved' && <SavedOperations />}
        {view.tab === 'request' && <RequestBuilder key={table} model={model} table={table} />}
        {view.tab === 'history' && <History />}
      </div>
    </section>
  );
}

function History() {
  const history = useHistory();
  const { path } = useDocument();
  useEffect(() => {
    if (path) void loadHistory(path, getDocument().model).catch(() => undefined);
  }, [path]);
  const where = path ? (
    <p className="muted small">
      Every run is kept in <span className="mono">{historyPath(path)}</span> (one JSON line per run).
    </p>
  ) : (
    <p className="muted small">Kept for this session: save the model to a file to keep the history beside it.</p>
  );
  if (history.length === 0)
    return (
      <>
        {where}
        <p className="muted">Nothing run yet.</p>
      </>
    );
  return (
    <>
      {where}
      <ol className="history" aria-label="History">
        {history.map((h) => (
          <li key={h.at + h.title}>
            <span className="mono">{new Date(h.at).toLocaleTimeString()}</span> <strong>{h.title}</strong>{' '}
            <span className="muted">{h.table}</span>{' '}
            <button
              type="button"
              className="button small"
              onClick={() => void ensureConnection().then((c) => runRead(h.title, h.table, c.connectionId, h.spec))}
            >
              Run again
            </button>
          </li>
        ))}
      </ol>
    </>
  );
}
