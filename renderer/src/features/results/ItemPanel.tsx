import { useEffect, useId, useState } from 'react';
import type { AttributeValue, Item } from '../../../../shared/model/attribute-value.js';
import type { Table } from '../../../../shared/model/schema.js';
import { toPlainItem } from '../../../../shared/operations/plain-json.js';
import { callApi, failureText } from '../../files/api-call.js';
import { useActiveConnection } from '../connections/connection-store.js';
import { insertItem, openItem, removeRows, replaceRows, useResults } from './results-store.js';
import { typeTag } from './values.js';

type Mode = 'view' | 'edit' | 'duplicate';

function keyNames(table: Table | undefined, item: Item): string[] {
  if (!table) return Object.keys(item).slice(0, 1);
  return [table.partitionKey.name, ...(table.sortKey ? [table.sortKey.name] : [])];
}

/** One item: plain JSON and DynamoDB JSON views; edit, duplicate and delete, guarded on production connections. */
export function ItemPanel({ id, item, table }: { id: number; item: Item; table: Table | undefined }) {
  const [view, setView] = useState<'plain' | 'dynamodb'>('plain');
  const [mode, setMode] = useState<Mode>('view');
  const [error, setError] = useState<string>();
  const [deleting, setDeleting] = useState(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: another item resets the panel
  useEffect(() => {
    setMode('view');
    setError(undefined);
    setDeleting(false);
  }, [id]);
  const results = useResults();
  const connection = useActiveConnection();
  const tableName = results.table ?? table?.name ?? '';
  const keys = keyNames(table, item);
  const readOnly = connection?.readOnly === true;
  const production = connection?.production === true;
  const json = view === 'plain' ? toPlainItem(item) : item;
  return (
    <aside className="item-panel" aria-label="Item">
      <header className="panel-header">
        <h2>Item</h2>
        <span className="spacer" />
        <button
          type="button"
          className="button ghost small"
          aria-label="Close item"
          onClick={() => openItem(undefined)}
        >
          ✕
        </button>
      </header>
      {mode === 'view' && (
        <>
          <div className="segmented" role="tablist" aria-label="Item format">
            <button
              type="button"
              role="tab"
              aria-selected={view === 'plain'}
              className="button small"
              onClick={() => setView('plain')}
            >
              JSON
            </button>
            <button
              type="button"
              role="tab"
              aria-selected={view === 'dynamodb'}
              className="button small"
              onClick={() => setView('dynamodb')}
            >
              DynamoDB JSON
            </button>
          </div>
          <pre className="item-json" data-format={view}>
            {JSON.stringify(json, null, 2)}
          </pre>
          <div className="row-actions">
            <button type="button" className="button" disabled={readOnly} onClick={() => setMode('edit')}>
              Edit
            </button>
            <button type="button" className="button" disabled={readOnly} onClick={() => setMode('duplicate')}>
              Duplicate
            </button>
            <button type="button" className="button danger" disabled={readOnly} onClick={() => setDeleting(true)}>
              Delete
            </button>
            <button
              type="button"
              className="button ghost"
              onClick={() => void navigator.clipboard?.writeText(JSON.stringify(json, null, 2))}
            >
              Copy
            </button>
          </div>
          {deleting && (
            <GuardedAction
              what={`Delete this item from ${tableName}`}
              production={production}
              table={tableName}
              action="Delete item"
              onCancel={() => setDeleting(false)}
              onConfirm={async (confirm) => {
                const key = Object.fromEntries(keys.flatMap((k) => (item[k] ? [[k, item[k]]] : [])));
                await callApi('operation.run', {
                  connectionId: connection?.connectionId ?? '',
                  operation: 'DeleteItem',
                  input: { TableName: tableName, Key: key },
                  ...(confirm ? { confirm } : {}),
                });
                await removeRows([id]);
              }}
            />
          )}
        </>
      )}
      {mode !== 'view' && (
        <ItemEditor
          key={mode}
          item={item}
          keys={keys}
          duplicate={mode === 'duplicate'}
          production={production}
          table={tableName}
          onCancel={() => setMode('view')}
          onSave={async (next, confirm) => {
            setError(undefined);
            await callApi('operation.run', {
              connectionId: connection?.connectionId ?? '',
              operation: 'PutItem',
              input: {
                TableName: tableName,
                Item: next,
                ...(mode === 'duplicate'
                  ? {
                      ConditionExpression: 'attribute_not_exists(#k)',
                      ExpressionAttributeNames: { '#k': keys[0] },
                    }
                  : {}),
              },
              ...(confirm ? { confirm } : {}),
            });
            if (mode === 'duplicate') openItem(await insertItem(next));
            else await replaceRows([{ id, item: next }]);
            setMode('view');
          }}
        />
      )}
      {error && (
        <p className="field-problem error" role="alert">
          {error}
        </p>
      )}
    </aside>
  );
}

const SCALAR = new Set(['S', 'N', 'B', 'BOOL']);

function fieldText(value: AttributeValue): string {
  if ('S' in value) return value.S;
  if ('N' in value) return value.N;
  if ('B' in value) return value.B;
  if ('BOOL' in value) return String(value.BOOL);
  return JSON.stringify(value);
}

function parseField(name: string, original: AttributeValue, text: string): AttributeValue {
  const tag = typeTag(original);
  if (tag === 'S') return { S: text };
  if (tag === 'N') {
    if (!/^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text.trim()))
      throw new Error(`${name}: "${text}" is not a number.`);
    return { N: text.trim() };
  }
  if (tag === 'B') return { B: text.trim() };
  if (tag === 'BOOL') {
    if (text !== 'true' && text !== 'false') throw new Error(`${name}: write true or false.`);
    return { BOOL: text === 'true' };
  }
  try {
    return JSON.parse(text) as AttributeValue;
  } catch {
    throw new Error(`${name}: not DynamoDB JSON (e.g. {"SS": ["a", "b"]}).`);
  }
}

/** A form over the item's attributes: scalars as text (typed back to their own type), the rest as DynamoDB JSON. */
function ItemEditor(props: {
  item: Item;
  keys: string[];
  duplicate: boolean;
  production: boolean;
  table: string;
  onCancel: () => void;
  onSave: (item: Item, confirm: string | undefined) => Promise<void>;
}) {
  const [texts, setTexts] = useState<Record<string, string>>(() =>
    Object.fromEntries(Object.entries(props.item).map(([k, v]) => [k, fieldText(v)])),
  );
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const formId = useId();
  return (
    <form
      className="item-editor"
      aria-label={props.duplicate ? 'Duplicate item' : 'Edit item'}
      onSubmit={(e) => {
        e.preventDefault();
        let next: Item;
        try {
          next = Object.fromEntries(
            Object.entries(props.item).map(([k, v]) => [k, parseField(k, v, texts[k] ?? '')]),
          ) as Item;
        } catch (err) {
          setError(err instanceof Error ? err.message : String(err));
          return;
        }
        setBusy(true);
        props
          .onSave(next, props.production ? confirm : undefined)
          .catch((err: unknown) => setError(failureText(err)))
          .finally(() => setBusy(false));
      }}
    >
      <p className="muted">
        {props.duplicate
          ? 'A copy: change its key, then Save writes it as a new item (refused if that key exists).'
          : 'Save writes the whole item (PutItem). Keys cannot change in place: use Duplicate.'}
      </p>
      {Object.entries(props.item).map(([name, value]) => {
        const isKey = props.keys.includes(name);
        const tag = typeTag(value);
        const long = !SCALAR.has(tag) || (texts[name]?.length ?? 0) > 60;
        return (
          <div key={name} className="field">
            <span>
              <span className={`type-badge t-${tag}`} aria-hidden="true">
                {tag}
              </span>{' '}
              <label htmlFor={`${formId}-${name}`}>{name}</label>
              {isKey && <span className="key-mark"> key</span>}
            </span>
            {long ? (
              <textarea
                id={`${formId}-${name}`}
                className="mono"
                rows={3}
                value={texts[name] ?? ''}
                readOnly={isKey && !props.duplicate}
                onChange={(e) => setTexts((t) => ({ ...t, [name]: e.target.value }))}
              />
            ) : (
              <input
                id={`${formId}-${name}`}
                className="mono"
                value={texts[name] ?? ''}
                readOnly={isKey && !props.duplicate}
                onChange={(e) => setTexts((t) => ({ ...t, [name]: e.target.value }))}
              />
            )}
          </div>
        );
      })}
      {props.production && (
        <label className="field">
          <span>Production: type the table name ({props.table}) to write</span>
          <input className="mono" value={confirm} onChange={(e) => setConfirm(e.target.value)} />
        </label>
      )}
      {error && (
        <p className="field-problem error" role="alert">
          {error}
        </p>
      )}
      <div className="row-actions">
        <button type="button" className="button" onClick={props.onCancel} disabled={busy}>
          Cancel
        </button>
        <button
          type="submit"
          className="button primary"
          disabled={busy || (props.production && confirm !== props.table)}
        >
          {props.duplicate ? 'Save copy' : 'Save item'}
        </button>
      </div>
    </form>
  );
}

/** A destructive action that a production connection makes the person confirm by typing the table name. */
export function GuardedAction(props: {
  what: string;
  action: string;
  production: boolean;
  table: string;
  onCancel: () => void;
  onConfirm: (confirm: string | undefined) => Promise<void>;
}) {
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const ok = !props.production || typed === props.table;
  return (
    <form
      className="guard"
      aria-label={props.what}
      onSubmit={(e) => {
        e.preventDefault();
        setBusy(true);
        props
          .onConfirm(props.production ? typed : undefined)
          .catch((err: unknown) => setError(failureText(err)))
          .finally(() => setBusy(false));
      }}
    >
      <p>{props.what}?</p>
      {props.production && (
        <label className="field">
          <span>Production: type the table name ({props.table})</span>
          <input className="mono" value={typed} onChange={(e) => setTyped(e.target.value)} />
        </label>
      )}
      {error && (
        <p className="field-problem error" role="alert">
          {error}
        </p>
      )}
      <div className="row-actions">
        <button type="button" className="button" onClick={props.onCancel} disabled={busy}>
          Cancel
        </button>
        <button type="submit" className="button primary" disabled={!ok || busy}>
          {props.action}
        </button>
      </div>
    </form>
  );
}
