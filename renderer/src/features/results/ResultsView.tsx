import { useCallback, useEffect, useRef, useState } from 'react';
import { useModel } from '../../state/model-store.js';
import { BulkDialog } from './BulkDialog.js';
import { ExportDialog } from './ExportDialog.js';
import { ItemPanel } from './ItemPanel.js';
import { ResultsGrid, orderColumns } from './ResultsGrid.js';
import {
  ROWS_CHOICES,
  cancelRead,
  loadAll,
  loadMore,
  openItem,
  setRowsPerLoad,
  useResults,
  useRowsPerLoad,
} from './results-store.js';

/** The results of the last read: the console-style banner, the grid, Load more / Load all / Cancel, the item panel. */
export function ResultsView() {
  const results = useResults();
  const model = useModel();
  const table = model.tables.find((t) => t.name === results.table);
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const [exporting, setExporting] = useState(false);
  const [bulk, setBulk] = useState<'delete' | 'update'>();
  const rowsPerLoad = useRowsPerLoad();
  const anchor = useRef<number | undefined>(undefined);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new read clears the selection
  useEffect(() => setSelected(new Set()), [results.generation]);
  const toggle = useCallback((index: number, range: boolean) => {
    setSelected((current) => {
      const next = new Set(current);
      if (range && anchor.current !== undefined) {
        const [from, to] = anchor.current < index ? [anchor.current, index] : [index, anchor.current];
        for (let i = from; i <= to; i++) next.add(i);
      } else if (next.has(index)) next.delete(index);
      else next.add(index);
      anchor.current = index;
      return next;
    });
  }, []);
  const toggleAll = useCallback(() => {
    setSelected((current) =>
      current.size === results.items.length ? new Set() : new Set(results.items.map((_, i) => i)),
    );
  }, [results.items]);
  if (results.status === 'idle') {
    return (
      <section className="results empty-results" aria-label="Results">
        <p className="muted">Run an access pattern or a Query/Scan: its rows appear here.</p>
      </section>
    );
  }
  const running = results.status === 'running';
  const efficiency = results.scannedCount > 0 ? Math.round((100 * results.count) / results.scannedCount) : undefined;
  return (
    <section className="results" aria-label="Results" data-status={results.status}>
      <div className="results-banner" role="status" aria-live="polite">
        <strong>{results.title}</strong>
        <span>
          <span className="banner-figure" data-figure="returned">
            {results.items.length.toLocaleString('en-US')}
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
              Reading… {results.items.length.toLocaleString('en-US')} rows
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
        {selected.size > 0 && (
          <>
            <span className="muted">{selected.size.toLocaleString('en-US')} selected</span>
            <button type="button" className="button" onClick={() => setBulk('update')}>
              Update selected…
            </button>
            <button type="button" className="button danger" onClick={() => setBulk('delete')}>
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
          mode={bulk}
          indexes={[...selected].sort((a, b) => a - b)}
          table={table}
          onClose={(changed) => {
            setBulk(undefined);
            if (changed) setSelected(new Set());
          }}
        />
      )}
      {exporting && (
        <ExportDialog columns={orderColumns(table, results.attributes)} onClose={() => setExporting(false)} />
      )}
      <div className="results-main">
        <ResultsGrid
          items={results.items}
          attributes={results.attributes}
          table={table}
          generation={results.generation}
          selected={selected}
          onToggleSelected={toggle}
          onToggleAll={toggleAll}
          openIndex={results.openIndex}
          onOpen={openItem}
        />
        {results.openIndex !== undefined && results.items[results.openIndex] && (
          <ItemPanel index={results.openIndex} item={results.items[results.openIndex]!} table={table} />
        )}
      </div>
    </section>
  );
}

function formatUnits(units: number): string {
  return units >= 100 ? Math.round(units).toLocaleString('en-US') : String(Math.round(units * 10) / 10);
}
