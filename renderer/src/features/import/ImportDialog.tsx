import { Dialog } from 'radix-ui';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { Table } from '../../../../shared/model/schema.js';
import { callApi, failureText } from '../../files/api-call.js';
import { useActiveConnection } from '../connections/connection-store.js';
import { type BulkProgress, bulkWrite, primaryKey } from '../results/bulk-write.js';
import { BulkProgressBar } from '../results/BulkProgressBar.js';
import { displayValue } from '../results/values.js';
import { countTableItems } from '../tables/tables-store.js';
import { type ParsedImport, parseImport } from './parse-items.js';
import './import.css';

const IMPORTABLE = /\.(jsonl|ndjson|json|csv)$/i;
/** Model files are opened on Start, not imported as items. */
const MODEL_FILE = /\.monotable\.json$/i;

function linesWithProblems(count: number): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? 'line' : 'lines'} with problems`;
}
const FORMAT_NAMES = { 'dynamodb-json': 'DynamoDB JSON lines', 'plain-json': 'plain JSON lines', csv: 'CSV' } as const;
const PREVIEW_ROWS = 8;
const PROBLEMS_SHOWN = 50;

interface Listing {
  dir: string;
  parent: string | null;
  entries: { name: string; path: string; kind: 'file' | 'directory' }[];
}

/** Choose a file under the root: the folder's JSON-lines and CSV files, its subfolders, or a typed path. */
function FilePicker(props: { onPick: (path: string) => void; disabled: boolean }) {
  const id = useId();
  const [dir, setDir] = useState<string>();
  const [listing, setListing] = useState<Listing>();
  const [error, setError] = useState<string>();
  const [path, setPath] = useState('');
  const load = useCallback((target: string | undefined) => {
    callApi('file.list', target ? { dir: target } : {})
      .then((r) => {
        setListing(r);
        setError(undefined);
      })
      .catch((e: unknown) => setError(failureText(e)));
  }, []);
  useEffect(() => load(dir), [dir, load]);
  const entries = (listing?.entries ?? []).filter(
    (e) => e.kind === 'directory' || (IMPORTABLE.test(e.name) && !MODEL_FILE.test(e.name)),
  );
  return (
    <div className="import-picker">
      <form
        className="inline-row"
        onSubmit={(e) => {
          e.preventDefault();
          if (path.trim()) props.onPick(path.trim());
        }}
      >
        <label className="field" htmlFor={id}>
          <span>File to import (.jsonl, .json, .csv)</span>
          <input id={id} className="mono" value={path} onChange={(e) => setPath(e.target.value)} />
        </label>
        <button type="submit" className="button" disabled={props.disabled || !path.trim()}>
          Read file
        </button>
      </form>
      {error && (
        <p className="field-problem error" role="alert">
          {error}
        </p>
      )}
      {listing && (
        <ul className="file-list import-files" aria-label={`Files in ${listing.dir}`}>
          {listing.parent && (
            <li>
              <button type="button" className="file-row" onClick={() => setDir(listing.parent ?? undefined)}>
                ↑ Parent folder
              </button>
            </li>
          )}
          {entries.map((entry) => (
            <li key={entry.path}>
              <button
                type="button"
                className="file-row"
                disabled={props.disabled}
                onClick={() => {
                  if (entry.kind === 'directory') setDir(entry.path);
                  else {
                    setPath(entry.path);
                    props.onPick(entry.path);
                  }
                }}
              >
                <span className="file-icon" aria-hidden="true">
                  {entry.kind === 'directory' ? '▸' : '◇'}
                </span>
                <span className="file-name">{entry.name}</span>
              </button>
            </li>
          ))}
          {entries.length === 0 && <li className="muted">No .jsonl, .json or .csv files here.</li>}
        </ul>
      )}
    </div>
  );
}

/**
 * Import items into a live table from a JSON-lines file (DynamoDB-typed or plain JSON) or a CSV file: a preview with
 * the problems per line first, then BatchWriteItem puts with progress and Cancel, then a summary.
 */
export function ImportDialog(props: { table: string; modelTable: Table | undefined; onClose: () => void }) {
  const connection = useActiveConnection();
  const [file, setFile] = useState<{ path: string; bytes: number }>();
  const [parsed, setParsed] = useState<ParsedImport>();
  const [reading, setReading] = useState(false);
  const [confirm, setConfirm] = useState('');
  const [progress, setProgress] = useState<BulkProgress>();
  const [running, setRunning] = useState(false);
  const [summary, setSummary] = useState<string>();
  const [error, setError] = useState<string>();
  const controller = useRef<AbortController>(undefined);
  const production = connection?.production === true;
  const read = async (path: string) => {
    setReading(true);
    setError(undefined);
    setParsed(undefined);
    try {
      const text = await callApi('file.readText', { path });
      setFile({ path: text.path, bytes: text.bytes });
      setParsed(parseImport(text.text, text.path, props.modelTable));
    } catch (e) {
      setError(failureText(e));
    } finally {
      setReading(false);
    }
  };
  const run = async () => {
    if (!connection || !parsed) return;
    const own = new AbortController();
    controller.current = own;
    setRunning(true);
    setError(undefined);
    try {
      const end = await bulkWrite(
        connection.connectionId,
        props.table,
        { puts: parsed.items },
        production ? confirm : undefined,
        own.signal,
        setProgress,
      );
      const figures = `${end.done.toLocaleString('en-US')} of ${end.total.toLocaleString('en-US')} items written to ${props.table}`;
      const failed = end.failed ? `, ${end.failed.toLocaleString('en-US')} failed` : '';
      const skipped = parsed.problems.length ? `; ${linesWithProblems(parsed.problems.length)} not imported` : '';
      setSummary(`${own.signal.aborted ? 'Cancelled: ' : 'Imported: '}${figures}${failed}${skipped}.`);
      void countTableItems(props.table);
    } catch (e) {
      setError(failureText(e));
    } finally {
      setRunning(false);
    }
  };
  const items = parsed?.items ?? [];
  return (
    <Dialog.Root open onOpenChange={(open) => !open && !running && props.onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog import-dialog">
          <Dialog.Title>Import items into {props.table}</Dialog.Title>
          <Dialog.Description>
            JSON lines (one item per line, DynamoDB-typed like {'{"pk":{"S":"a"}}'} or plain JSON; numbers keep every
            digit) or CSV with a header row (cells are strings unless the header says <code>price:N</code>,{' '}
            <code>active:BOOL</code> or <code>photo:B</code>). Items are written whole with BatchWriteItem, replacing
            items with the same key.
          </Dialog.Description>
          {!progress && <FilePicker onPick={(p) => void read(p)} disabled={reading} />}
          {reading && (
            <p className="muted" role="status">
              Reading…
            </p>
          )}
          {parsed && file && (
            <section aria-label="Import preview" className="import-preview">
              <p role="status">
                <strong>{file.path.split(/[\\/]/).pop()}</strong> ({FORMAT_NAMES[parsed.format]},{' '}
                {file.bytes.toLocaleString('en-US')} bytes):{' '}
                <span data-figure="items">{items.length.toLocaleString('en-US')}</span> items to import
                {parsed.problems.length > 0 && `, ${linesWithProblems(parsed.problems.length)}`}
              </p>
              {items.length > 0 && (
                <table className="list-table" aria-label="First items">
                  <thead>
                    <tr>
                      <th scope="col">Line</th>
                      <th scope="col">Key</th>
                      <th scope="col">Attributes</th>
                    </tr>
                  </thead>
                  <tbody>
                    {items.slice(0, PREVIEW_ROWS).map((item, i) => (
                      <tr key={parsed.lines[i]}>
                        <td className="mono">{parsed.lines[i]}</td>
                        <td className="mono">
                          {Object.values(primaryKey(props.modelTable, item)).map(displayValue).join(' · ')}
                        </td>
                        <td className="mono import-attributes">
                          {Object.entries(item)
                            .map(([k, v]) => `${k}: ${displayValue(v)}`)
                            .join(', ')}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
              {parsed.problems.length > 0 && (
                <ul className="import-problems" aria-label="Problems">
                  {parsed.problems.slice(0, PROBLEMS_SHOWN).map((p) => (
                    <li key={`${p.line}:${p.message}`}>
                      <span className="mono">line {p.line}</span>: {p.message}
                    </li>
                  ))}
                  {parsed.problems.length > PROBLEMS_SHOWN && (
                    <li className="muted">
                      …and {(parsed.problems.length - PROBLEMS_SHOWN).toLocaleString('en-US')} more.
                    </li>
                  )}
                </ul>
              )}
            </section>
          )}
          {production && parsed && !progress && (
            <label className="field">
              <span>Production: type the table name ({props.table})</span>
              <input className="mono" value={confirm} onChange={(e) => setConfirm(e.target.value)} />
            </label>
          )}
          {progress && <BulkProgressBar label="Import progress" progress={progress} verb="written" />}
          {summary && (
            <p className="notice" role="status" aria-label="Import summary">
              {summary}
            </p>
          )}
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
                <button type="button" className="button" onClick={props.onClose}>
                  Close
                </button>
                {!progress && (
                  <button
                    type="button"
                    className="button primary"
                    disabled={
                      !connection ||
                      items.length === 0 ||
                      (production && confirm !== props.table) ||
                      connection.readOnly === true
                    }
                    onClick={() => void run()}
                  >
                    Import {items.length.toLocaleString('en-US')} items
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
