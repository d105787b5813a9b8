import { Dialog } from 'radix-ui';
import { useRef, useState } from 'react';
import type { AttributeValue, Item } from '../../../../shared/model/attribute-value.js';
import type { Table } from '../../../../shared/model/schema.js';
import { failureText } from '../../files/api-call.js';
import { useActiveConnection } from '../connections/connection-store.js';
import { type BulkProgress, bulkWrite, primaryKey } from './bulk-write.js';
import { BulkProgressBar } from './BulkProgressBar.js';
import { removeRows, replaceRows, useResults } from './results-store.js';
import { type Selection, selectedRows } from './selection.js';
import { displayValue } from './values.js';

type Change = { attribute: string; type: 'S' | 'N' | 'BOOL' | 'REMOVE'; value: string };

function applyChange(item: Item, change: Change): Item {
  const next = { ...item };
  if (change.type === 'REMOVE') delete next[change.attribute];
  else if (change.type === 'BOOL') next[change.attribute] = { BOOL: change.value === 'true' };
  else next[change.attribute] = { [change.type]: change.value } as AttributeValue;
  return next;
}

/** Rows shown in the preview of a bulk change. */
const PREVIEW_ROWS = 8;

/** The first selected items, for the preview (fetched from the backend result set). */
export async function previewRows(resultId: string, selection: Selection, total: number): Promise<Item[]> {
  const rows = selectedRows(resultId, selection, total, PREVIEW_ROWS);
  try {
    const first = await rows.next();
    return first.done ? [] : first.value.map((r) => r.item);
  } finally {
    await rows.return(undefined);
  }
}

/**
 * Delete or update the selected rows: a preview of what changes first, then batches with progress and Cancel. The
 * selected rows are fetched from the backend result set 1,000 at a time, so a selection of every row of a large
 * result never sits in the page.
 */
export function BulkDialog(props: {
  mode: 'delete' | 'update';
  selection: Selection;
  /** Rows selected. */
  count: number;
  /** The first selected items (`previewRows`), fetched before the dialog opens. */
  preview: readonly Item[];
  table: Table | undefined;
  onClose: (changed: boolean) => void;
}) {
  const results = useResults();
  const connection = useActiveConnection();
  const tableName = results.table ?? '';
  // The selection as it was when the dialog opened (a delete removes the rows from the results meanwhile).
  const [opened] = useState(() => ({
    resultId: results.resultId ?? '',
    selection: props.selection,
    count: props.count,
    total: results.total,
  }));
  const preview = props.preview;
  const keys = new Set(props.table ? [props.table.partitionKey.name, props.table.sortKey?.name] : []);
  const [change, setChange] = useState<Change>({ attribute: '', type: 'S', value: '' });
  const [confirm, setConfirm] = useState('');
  const [progress, setProgress] = useState<BulkProgress>();
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string>();
  const controller = useRef<AbortController>(undefined);
  const production = connection?.production === true;
  const updateInvalid = props.mode === 'update' && (!change.attribute || keys.has(change.attribute));
  const verb = props.mode === 'delete' ? 'Delete' : 'Update';
  const total = opened.count;
  const run = async () => {
    if (!connection) return;
    const own = new AbortController();
    controller.current = own;
    setRunning(true);
    setError(undefined);
    let done = 0;
    let failed = 0;
    const deleted: number[] = [];
    try {
      for await (const rows of selectedRows(opened.resultId, opened.selection, opened.total)) {
        if (own.signal.aborted) break;
        const puts = props.mode === 'update' ? rows.map((r) => applyChange(r.item, change)) : undefined;
        const work = puts ? { puts } : { deletes: rows.map((r) => primaryKey(props.table, r.item)) };
        const base = { done, failed };
        const end = await bulkWrite(
          connection.connectionId,
          tableName,
          work,
          production ? confirm : undefined,
          own.signal,
          (p) => setProgress({ total, done: base.done + p.done, failed: base.failed + p.failed }),
        );
        done += end.done;
        failed += end.failed;
        setProgress({ total, done, failed });
        if (own.signal.aborted) break;
        if (puts) await replaceRows(rows.map((r, i) => ({ id: r.id, item: puts[i]! })));
        else if (end.failed === 0) for (const r of rows) deleted.push(r.id);
      }
      // Deleted rows leave the results once every batch is over (positions stay put while the batches run).
      if (deleted.length > 0) await removeRows(deleted);
      if (own.signal.aborted) setError(`Cancelled after ${done.toLocaleString('en-US')} items.`);
    } catch (e) {
      setError(failureText(e));
    } finally {
      setRunning(false);
    }
  };
  return (
    <Dialog.Root open onOpenChange={(open) => !open && !running && props.onClose(progress !== undefined)}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog bulk-dialog">
          <Dialog.Title>
            {verb} {total.toLocaleString('en-US')} selected items
          </Dialog.Title>
          <Dialog.Description>
            {props.mode === 'delete'
              ? `Each item below (and every other selected one) is deleted from ${tableName}, 25 per request.`
              : `The change is written to each selected item of ${tableName} (whole items, 25 per request).`}
          </Dialog.Description>
          {props.mode === 'update' && (
            <div className="inline-row">
              <label className="field">
                <span>Attribute</span>
                <input value={change.attribute} onChange={(e) => setChange({ ...change, attribute: e.target.value })} />
              </label>
              <label className="field">
                <span>Type</span>
                <select
                  value={change.type}
                  onChange={(e) => setChange({ ...change, type: e.target.value as Change['type'] })}
                >
                  <option value="S">S (string)</option>
                  <option value="N">N (number)</option>
                  <option value="BOOL">BOOL</option>
                  <option value="REMOVE">remove the attribute</option>
                </select>
              </label>
              {change.type !== 'REMOVE' && (
                <label className="field">
                  <span>New value</span>
                  <input value={change.value} onChange={(e) => setChange({ ...change, value: e.target.value })} />
                </label>
              )}
            </div>
          )}
          {keys.has(change.attribute) && <p className="field-problem error">Key attributes cannot change in place.</p>}
          <table className="list-table bulk-preview" aria-label="Preview">
            <thead>
              <tr>
                <th scope="col">Key</th>
                {props.mode === 'update' && <th scope="col">Before</th>}
                {props.mode === 'update' && <th scope="col">After</th>}
              </tr>
            </thead>
            <tbody>
              {preview.map((item) => {
                const key = Object.values(primaryKey(props.table, item)).map(displayValue).join(' · ');
                const before = item[change.attribute];
                const after = applyChange(item, change)[change.attribute];
                return (
                  <tr key={key}>
                    <td className="mono">{key}</td>
                    {props.mode === 'update' && <td className="mono">{before ? displayValue(before) : '—'}</td>}
                    {props.mode === 'update' && (
                      <td className="mono">{after && change.attribute ? displayValue(after) : '—'}</td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
          {total > preview.length && (
            <p className="muted">…and {(total - preview.length).toLocaleString('en-US')} more.</p>
          )}
          {production && (
            <label className="field">
              <span>Production: type the table name ({tableName})</span>
              <input className="mono" value={confirm} onChange={(e) => setConfirm(e.target.value)} />
            </label>
          )}
          {progress && <BulkProgressBar label={`${verb} progress`} progress={progress} verb="done" announce />}
          {error && (
            <p className="field-problem error" role="alert">
              {error}
            </p>
          )}
          <div className="dialog-actions">
            {running ? (
              <button type="button" className="button danger" onClick={() => controller.current?.abort()}>
                Cancel
              </button>
            ) : (
              <>
                <button type="button" className="button" onClick={() => props.onClose(progress !== undefined)}>
                  Close
                </button>
                {!progress && (
                  <button
                    type="button"
                    className="button primary"
                    disabled={updateInvalid || (production && confirm !== tableName) || connection?.readOnly}
                    onClick={() => void run()}
                  >
                    {verb} {total.toLocaleString('en-US')} items
                  </button>
                )}
              </>
            )}
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
