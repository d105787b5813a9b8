import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { Item } from '../../../../shared/model/attribute-value.js';
import { callApi } from '../../files/api-call.js';
import { useModel } from '../../state/model-store.js';
import { BulkDialog, previewRows } from './BulkDialog.js';
import { ExportDialog } from './ExportDialog.js';
import { ItemPanel } from './ItemPanel.js';
import { ResultsGrid } from './ResultsGrid.js';
import {
  ROWS_CHOICES,
  cancelRead,
  closeResultsOnUnload,
  getResults,
  loadAll,
  loadMore,
  openItem,
  setRowsPerLoad,
  sortResults,
  useResults,
  useRowsPerLoad,
} from './results-store.js';
import { rowWindows } from './row-windows.js';
import { NOTHING, type Selection, selectRange, selectedCount, toggleAll, toggleRow } from './selection.js';

/** The results of the last read: the console-style banner, the grid, Load more / Load all / Cancel, the item panel. */
export function ResultsView() {
  const results = useResults();
  const model = useModel();
  const table = model.tables.find((t) => t.name === results.table);
  const [selection, setSelection] = useState<Selection>(NOTHING);
  const [exporting, setExporting] = useState(false);
  const [bulk, setBulk] = useState<{ mode: 'delete' | 'update'; preview: Item[] }>();
  const rowsPerLoad = useRowsPerLoad();
  /** The position of the last row toggled: a shift-click selects the rows between. */
  const anchor = useRef<number | undefined>(undefined);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new read clears the selection
  useEffect(() => {
    setSelection(NOTHING);
    anchor.current = undefined;
  }, [results.generation]);
  useEffect(() => {
    window.addEventListener('pagehide', closeResultsOnUnload);
    return () => window.removeEventListener('pagehide', closeResultsOnUnload);
  }, []);
  const toggle = useCallback((id: number, position: number, range: boolean) => {
    const from = anchor.current;
    anchor.current = position;
    if (!range || from === undefined) {
      setSelection((current) => toggleRow(current, id));
      return;
    }
    void rowWindows
      .idsBetween(Math.min(from, position), Math.max(from, position))
      .then((ids) => setSelection((current) => selectRange(current, ids)));
  }, []);
  const onToggleAll = useCallback(() => {
    setSelection((current) => toggleAll(current, getResults().total));
  }, []);
  const selected = selectedCount(selection, results.total);
  /** Opens the bulk dialog with its preview rows already fetched, so it shows them from the start. */
  const openBulk = async (mode: 'delete' | 'update') => {
    const { resultId, total } = getResults();
    if (!resultId) return;
    setBulk({ mode, preview: await previewRows(resultId, selection, total) });
  };
  if (results.status === 'idle') {
    return (
      <section className="results empty-results" aria-label="Results">
        <p className="muted">Run an access pattern or a Query/Scan: its rows appear here.</p>
      </section>
    );
  }
  const running = results.status === 'running';
  const efficiency = results.scannedCount > 0 ? Math.round((100 * results.total) / results.scannedCount) : undefined;
  return (
    <section className="results" aria-label="Results" data-status={results.status}>
      <div className="results-banner" role="status" aria-live="polite">
        <strong>{results.title}</strong>
        <span>
          <span className="banner-figure" data-figure="returned">
            {results.total.toLocaleString('en-US')}
          </span>{' '}
          items returned
        </span>
        <span>{results.scannedCount.toLocaleString('en-US')} items scanned</span>
        {efficiency !== undefined && <span>{efficiency}% efficiency</span>}
        <span>{formatUnits(results.consumedCapacity)} RCUs consumed</span>
        <span>{Math.round(results.elapsedMs).toLocaleString('en-US')} ms</span>
        {results.status === 'cancelled' && <span className="warning-text">cancelled</span>}
      </div>
      {results.request && (
        <details className="request-view">
          <summary>Request sent: {results.request.operation}</summary>
          <pre data-request="json">{JSON.stringify(results.request.input, null, 2)}</pre>
        </details>
      )}
      {results.error && (
        <div className="notice error" role="alert">
          {results.error}
          {results.lastEvaluatedKey && ' What was read stays here; Load more continues from the last page.'}
        </div>
      )}
      <div className="results-toolbar">
        <button
          type="button"
          className="button"
          disabled={running || !results.lastEvaluatedKey}
          onClick={() => void loadMore()}
        >
          Load more
        </button>
        <label className="checkbox-row">
          Rows per load
          <select value={rowsPerLoad} onChange={(e) => setRowsPerLoad(Number(e.target.value))}>
            {ROWS_CHOICES.map((n) => (
              <option key={n} value={n}>
                {n.toLocaleString('en-US')}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="button"
          disabled={running || !results.lastEvaluatedKey}
          onClick={() => void loadAll()}
        >
          Load all
        </button>
        {running && (
          <>
            <span className="muted" role="status">
              Reading… {results.total.toLocaleString('en-US')} rows
            </span>
            <button type="button" className="button danger" onClick={cancelRead}>
              Cancel
            </button>
          </>
        )}
        {!running && (
          <span className="muted">
            {results.lastEvaluatedKey ? 'More rows on the server.' : 'Every matching row is loaded.'}
          </span>
        )}
        <span className="spacer" />
        {results.sorting && <span className="muted">Sorting…</span>}
        {selected > 0 && (
          <>
            <span className="muted">{selected.toLocaleString('en-US')} selected</span>
            <button type="button" className="button" onClick={() => void openBulk('update')}>
              Update selected…
            </button>
            <button type="button" className="button danger" onClick={() => void openBulk('delete')}>
              Delete selected…
            </button>
          </>
        )}
        <button type="button" className="button" disabled={!results.spec} onClick={() => setExporting(true)}>
          Export…
        </button>
      </div>
      {bulk && (
        <BulkDialog
          mode={bulk.mode}
          preview={bulk.preview}
          selection={selection}
          count={selected}
          table={table}
          onClose={(changed) => {
            setBulk(undefined);
            if (changed) setSelection(NOTHING);
          }}
        />
      )}
      {exporting && <ExportDialog onClose={() => setExporting(false)} />}
      <div className="results-main">
        <ResultsGrid
          total={results.total}
          attributes={results.attributes}
          table={table}
          generation={results.generation}
          revision={results.revision}
          sort={results.sort}
          canSort={!running && !results.sorting}
          onSort={(sort) => void sortResults(sort, model)}
          selection={selection}
          onToggleSelected={toggle}
          onToggleAll={onToggleAll}
          openId={results.openId}
          onOpen={openItem}
        />
        {results.openId !== undefined && results.resultId && (
          <OpenItem resultId={results.resultId} id={results.openId} revision={results.revision} table={table} />
        )}
      </div>
    </section>
  );
}

/**
 * The item panel of the open row: its item from the windows the grid holds (refreshed before the results say rows
 * changed, so an edit shows at once), else fetched by id from the result set.
 */
function OpenItem(props: {
  resultId: string;
  id: number;
  revision: number;
  table: Parameters<typeof ItemPanel>[0]['table'];
}) {
  const [fetched, setFetched] = useState<{ id: number; item: Item }>();
  const { resultId, id, revision } = props;
  useSyncExternalStore(rowWindows.subscribe, rowWindows.version);
  const cached = rowWindows.rowById(id);
  // biome-ignore lint/correctness/useExhaustiveDependencies: revision: the row may have been edited
  useEffect(() => {
    if (cached) return;
    let live = true;
    callApi('results.rows', { resultId, ids: [id] })
      .then((out) => live && setFetched(out.rows[0]))
      .catch(() => live && setFetched(undefined));
    return () => {
      live = false;
    };
  }, [resultId, id, revision, cached === undefined]);
  const row = cached ?? (fetched?.id === id ? fetched : undefined);
  if (!row) return null;
  return <ItemPanel id={id} item={row.item} table={props.table} />;
}

function formatUnits(units: number): string {
  return units >= 100 ? Math.round(units).toLocaleString('en-US') : String(Math.round(units * 10) / 10);
}
