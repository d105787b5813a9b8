import { useEffect } from 'react';
import '../import/import.css';
import type { Model } from '../../../../shared/model/schema.js';
import { useDocument } from '../../state/model-store.js';
import type { ReadSpec } from '../results/results-store.js';
import { ensureConnection } from '../connections/connection-store.js';
import { runRead } from '../results/results-store.js';
import { recordRun } from './history-store.js';
import type { SavedOperation } from './saved-operations.js';
import { deleteSaved, openSaved, refreshSaved, useSavedOperations } from './saved-store.js';

function summary(operation: SavedOperation): string {
  const where = operation.index ? `${operation.table} / ${operation.index}` : operation.table;
  const parts = [`${operation.kind === 'query' ? 'Query' : 'Scan'} ${where}`];
  if (operation.partition !== undefined) parts.push(`partition ${operation.partition}`);
  if (operation.sort) parts.push(`sort ${operation.sort.operator} ${operation.sort.value}`);
  if (operation.filters?.length)
    parts.push(`${operation.filters.length} filter${operation.filters.length > 1 ? 's' : ''}`);
  if (operation.limit) parts.push(`limit ${operation.limit}`);
  return parts.join(' · ');
}

/** The read a saved operation describes, on the open model. */
function readSpecOf(operation: SavedOperation, model: Model): ReadSpec {
  const { format: _format, kind, partition, sort, descending, ...read } = operation;
  if (kind === 'scan') return { method: 'operation.scan', input: { model, ...read } };
  return {
    method: 'operation.query',
    input: {
      model,
      ...read,
      partition: partition ?? '',
      ...(sort ? { sort } : {}),
      ...(descending ? { descending } : {}),
    },
  };
}

/** The operations saved as files beside the model: open one in its builder, run it, or delete its file. */
export function SavedOperations() {
  const doc = useDocument();
  const saved = useSavedOperations();
  useEffect(() => {
    if (doc.path) void refreshSaved(doc.path);
  }, [doc.path]);
  if (!doc.path) {
    return <p className="muted">Save the model to a file first: operations are kept as files beside it.</p>;
  }
  const modelPath = doc.path;
  return (
    <div className="saved-operations">
      <p className="muted small">
        Files in <span className="mono">{saved.folder}</span>: plain JSON, one per operation, so they diff in git.
      </p>
      {saved.error && (
        <p className="field-problem error" role="alert">
          {saved.error}
        </p>
      )}
      {saved.entries.length === 0 && !saved.loading ? (
        <p className="muted">No saved operations yet: build a Query or Scan and use “Save operation”.</p>
      ) : (
        <ul className="history" aria-label="Saved operations">
          {saved.entries.map((entry) => (
            <li key={entry.path}>
              <strong>{entry.name}</strong>{' '}
              {entry.operation ? (
                <span className="muted">{summary(entry.operation)}</span>
              ) : (
                <span className="field-problem error">{entry.problem}</span>
              )}{' '}
              {entry.operation && (
                <>
                  <button
                    type="button"
                    className="button small"
                    aria-label={`Open ${entry.name}`}
                    onClick={() => openSaved(entry.name, entry.operation!)}
                  >
                    Open
                  </button>
                  <button
                    type="button"
                    className="button small"
                    aria-label={`Run ${entry.name}`}
                    onClick={() => {
                      const spec = readSpecOf(entry.operation!, doc.model);
                      const table = entry.operation!.table;
                      void ensureConnection().then((c) => {
                        recordRun({ title: entry.name, table, spec });
                        return runRead(entry.name, table, c.connectionId, spec);
                      });
                    }}
                  >
                    Run
                  </button>
                </>
              )}
              <button
                type="button"
                className="button small danger"
                aria-label={`Delete ${entry.name}`}
                onClick={() => void deleteSaved(modelPath, entry)}
              >
                Delete
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
