import { useEffect, useState } from 'react';
import { useModel } from '../../state/model-store.js';
import {
  checkAwsCredentials,
  dismissNotice,
  reviveEmbeddedEngine,
  useActiveConnection,
  useConnections,
} from '../connections/connection-store.js';
import { SignInNotice } from '../connections/SignInNotice.js';
import { ImportDialog } from '../import/ImportDialog.js';
import { useResults } from '../results/results-store.js';
import { ResultsView } from '../results/ResultsView.js';
import '../results/data.css';
import { TablesPanel } from '../tables/TablesPanel.js';
import { useTables } from '../tables/tables-store.js';
import { sampleLiveValues, useLiveValues } from './live-values.js';
import { OperationPanel } from './OperationPanel.js';
import { TryLocalButton } from './TryLocalButton.js';

/** Data: live tables on the left; operations and their results on the right. */
export function DataScreen() {
  const model = useModel();
  const tables = useTables();
  const active = useActiveConnection();
  const { busy, notice } = useConnections();
  const table = tables.selected ?? model.tables[0]?.name;
  const live = tables.tables.some((t) => t.name === table);
  const values = useLiveValues();
  const sampled = values?.table === table;
  const [importing, setImporting] = useState(false);
  const readStatus = useResults().status;
  // A read that failed on the embedded engine may have lost the engine (stopped or killed): start it again now,
  // so Load more / Load all continue from the last page on the same connection.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only when a read ends in failure
  useEffect(() => {
    if (readStatus !== 'failed') return;
    if (active?.kind === 'embedded') void reviveEmbeddedEngine(active).catch(() => undefined);
    // An AWS read that failed may be an expired sign-in: renew the credentials in place, or offer Sign in again.
    if (active?.kind === 'aws') void checkAwsCredentials(active);
  }, [readStatus]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: sample again when the values were forgotten (a seed ended), not on every model edit
  useEffect(() => {
    if (active && table && live && !sampled) {
      void sampleLiveValues(model, active.connectionId, table).catch(() => undefined);
    }
  }, [active, table, live, sampled]);
  return (
    <section className="screen" aria-labelledby="data-title">
      <header className="screen-header">
        <h1 id="data-title">Data</h1>
        <span className="muted">{busy ?? (active ? active.label : 'The embedded engine starts on first use.')}</span>
        <span className="spacer" />
        <button
          type="button"
          className="button"
          disabled={!table || !live || !active}
          title={table ? `Import items into ${table} from a JSON-lines or CSV file` : undefined}
          onClick={() => setImporting(true)}
        >
          Import…
        </button>
        <TryLocalButton />
      </header>
      <SignInNotice />
      {notice && (
        <div className="notice info data-notice" role="note">
          {notice}{' '}
          <button type="button" className="button ghost small" onClick={dismissNotice}>
            Dismiss
          </button>
        </div>
      )}
      {importing && table && (
        <ImportDialog
          table={table}
          modelTable={model.tables.find((t) => t.name === table)}
          onClose={() => setImporting(false)}
        />
      )}
      <div className="data-layout">
        <TablesPanel />
        <div className="data-main">
          {table && live ? (
            <OperationPanel model={model} table={table} />
          ) : (
            <p className="muted data-hint">
              {model.tables.length === 0
                ? 'The model has no tables yet: add one on the Model screen.'
                : 'Create the tables of the model (Create tables), then seed them and run its access patterns here.'}
            </p>
          )}
          <ResultsView />
        </div>
      </div>
    </section>
  );
}
