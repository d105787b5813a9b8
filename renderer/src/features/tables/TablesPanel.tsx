import { Dialog } from 'radix-ui';
import { useEffect, useState } from 'react';
import { useModel } from '../../state/model-store.js';
import { useActiveConnection } from '../connections/connection-store.js';
import { NoTablesFix } from '../connections/NoTablesFix.js';
import { SeedDialog, SeedProgressView } from '../seed/SeedDialog.js';
import { cancelSeed, clearSeed, onSeedFinished, reattachSeed, useSeed } from '../seed/seed-store.js';
import { formatBytes } from './streaming-call.js';
import {
  type LiveTable,
  addMissingIndexes,
  countTableItems,
  createModelTables,
  deleteLiveTable,
  refreshTables,
  selectTable,
  useTables,
} from './tables-store.js';

/** The live tables of the active connection: status, item count, size, drift; Create tables, Seed…, Delete. */
export function TablesPanel() {
  const model = useModel();
  const active = useActiveConnection();
  const state = useTables();
  const [deleting, setDeleting] = useState<string>();
  const [seeding, setSeeding] = useState(false);
  const seed = useSeed();
  const activeId = active?.connectionId;
  useEffect(() => {
    void reattachSeed().catch(() => undefined);
  }, []);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the latest model is read when a seed ends
  useEffect(
    () =>
      onSeedFinished((job) => {
        void refreshTables(model).then(() => countTableItems(job.table));
      }),
    [],
  );
  // biome-ignore lint/correctness/useExhaustiveDependencies: refresh when the connection changes, not on every edit
  useEffect(() => {
    void refreshTables(model);
  }, [activeId]);
  const missing = model.tables.filter((t) => !state.tables.some((live) => live.name === t.name));
  const modelTable = model.tables.find((t) => t.name === state.selected) ?? model.tables[0];
  const live = state.tables.find((t) => t.name === modelTable?.name);
  return (
    <section className="tables-panel" aria-labelledby="tables-title">
      <header className="panel-header">
        <h2 id="tables-title">Tables</h2>
        <span className="spacer" />
        <button
          type="button"
          className="button ghost small"
          aria-label="Refresh tables"
          onClick={() => void refreshTables(model)}
        >
          ⟳
        </button>
      </header>
      <div className="panel-actions">
        <button
          type="button"
          className="button primary"
          disabled={!!state.working || missing.length === 0 || active?.readOnly}
          title={
            missing.length === 0 ? 'Every table of the model exists' : `Create ${missing.map((t) => t.name).join(', ')}`
          }
          onClick={() => void createModelTables(model).catch(() => undefined)}
        >
          Create tables
        </button>
        <button
          type="button"
          className="button"
          disabled={!live || active?.readOnly}
          title={live ? `Seed ${live.name} with related fake data` : 'Create the tables first'}
          onClick={() => setSeeding(true)}
        >
          Seed…
        </button>
      </div>
      {seed.job && !seeding && (
        <div className="seed-progress-panel">
          <SeedProgressView job={seed.job} />
          {seed.watching ? (
            <button type="button" className="button small danger" onClick={() => void cancelSeed()}>
              Cancel
            </button>
          ) : (
            <button type="button" className="button small" onClick={clearSeed}>
              Dismiss
            </button>
          )}
        </div>
      )}
      {state.working && (
        <div className="progress-lines" role="status" aria-live="polite">
          <strong>{state.working}…</strong>
          {state.progress.slice(-4).map((line, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: lines only append
            <div key={i} className="muted">
              {line}
            </div>
          ))}
        </div>
      )}
      {state.error && (
        <p className="field-problem error" role="alert">
          {state.error}
        </p>
      )}
      {state.loading && state.tables.length === 0 && <p className="muted">Reading the tables…</p>}
      {!state.loading && state.tables.length === 0 && !state.error && <EmptyTables />}
      <ul className="table-list" aria-label="Live tables">
        {state.tables.map((t) => (
          <TableRow
            key={t.name}
            table={t}
            selected={t.name === state.selected}
            inModel={model.tables.some((m) => m.name === t.name)}
            onDelete={() => setDeleting(t.name)}
          />
        ))}
      </ul>
      {deleting && (
        <DeleteTableDialog
          table={deleting}
          production={active?.production === true}
          onClose={() => setDeleting(undefined)}
          onDelete={(confirm) => deleteLiveTable(model, deleting, confirm)}
        />
      )}
      {seeding && live && <SeedDialog table={live.name} onClose={() => setSeeding(false)} />}
    </section>
  );
}

function EmptyTables() {
  const active = useActiveConnection();
  if (active?.kind !== 'endpoint') return <p className="muted">No tables yet: Create tables makes the model's.</p>;
  return <NoTablesFix connection={active} />;
}

function TableRow(props: { table: LiveTable; selected: boolean; inModel: boolean; onDelete: () => void }) {
  const { table } = props;
  const model = useModel();
  const drift = table.drift ?? [];
  return (
    <li className={`table-row${props.selected ? ' selected' : ''}`}>
      <button
        type="button"
        className="table-name"
        aria-pressed={props.selected}
        aria-label={`Table ${table.name}`}
        onClick={() => selectTable(table.name)}
      >
        <strong className="mono">{table.name}</strong>
        <span className={`badge ${table.status === 'ACTIVE' ? 'ok' : 'warning'}`}>{table.status ?? '?'}</span>
      </button>
      <div className="table-facts muted">
        {table.itemCount !== undefined && (
          <span title={table.counted ? 'Counted with a Scan' : 'As DescribeTable reports it (updated every few hours)'}>
            {table.itemCount.toLocaleString('en-US')} items{table.counted ? '' : ' (reported)'}
          </span>
        )}
        <button
          type="button"
          className="button ghost small"
          aria-label={`Count the items of ${table.name}`}
          onClick={() => void countTableItems(table.name)}
        >
          Count
        </button>
        {table.sizeBytes !== undefined && <span>{formatBytes(table.sizeBytes)}</span>}
        {!props.inModel && <span>not in the model</span>}
        {props.inModel && drift.length === 0 && <span>matches the model</span>}
      </div>
      {table.problem && (
        <p className="field-problem error" role="alert">
          {table.problem}
        </p>
      )}
      {drift.length > 0 && (
        <details className="drift">
          <summary>
            {drift.length} {drift.length === 1 ? 'difference' : 'differences'} from the model
          </summary>
          <ul>
            {drift.map((d) => (
              <li key={`${d.path}-${d.kind}`} className={`drift-${d.kind}`}>
                <span className="mono">{d.path}</span>: {d.message}
                {d.expected !== undefined && (
                  <div className="diff">
                    <span className="diff-del">− live: {d.actual ?? '(none)'}</span>
                    <span className="diff-add">+ model: {d.expected}</span>
                  </div>
                )}
              </li>
            ))}
          </ul>
          {drift.some((d) => d.fixable) && (
            <button
              type="button"
              className="button small"
              onClick={() => void addMissingIndexes(model, table.name).catch(() => undefined)}
            >
              Add the missing indexes
            </button>
          )}
        </details>
      )}
      <button
        type="button"
        className="button ghost small danger"
        aria-label={`Delete table ${table.name}…`}
        onClick={props.onDelete}
      >
        Delete…
      </button>
    </li>
  );
}

/** The guarded delete: on a production connection the table name must be typed back. */
export function DeleteTableDialog(props: {
  table: string;
  production: boolean;
  onClose: () => void;
  onDelete: (confirm: string | undefined) => Promise<void>;
}) {
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const ok = !props.production || typed === props.table;
  return (
    <Dialog.Root open onOpenChange={(open) => !open && !busy && props.onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog">
          <Dialog.Title>Delete table {props.table}?</Dialog.Title>
          <Dialog.Description>
            Every item of <code>{props.table}</code> is deleted with it; this cannot be undone.
            {props.production && ' This connection is marked production: type the table name to confirm.'}
          </Dialog.Description>
          <form
            className="dialog-form"
            onSubmit={(e) => {
              e.preventDefault();
              if (!ok) return;
              setBusy(true);
              props
                .onDelete(props.production ? typed : undefined)
                .then(props.onClose)
                .catch((err: unknown) => setError(err instanceof Error ? err.message : String(err)))
                .finally(() => setBusy(false));
            }}
          >
            {props.production && (
              <label className="field">
                <span>Table name</span>
                <input className="mono" value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" />
              </label>
            )}
            {error && (
              <p className="field-problem error" role="alert">
                {error}
              </p>
            )}
            <div className="dialog-actions">
              <button type="button" className="button" onClick={props.onClose} disabled={busy}>
                Cancel
              </button>
              <button type="submit" className="button primary danger-fill" disabled={!ok || busy}>
                Delete table
              </button>
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
