import { useId, useState } from 'react';
import type { Item } from '../../../../shared/model/attribute-value.js';
import type { Model } from '../../../../shared/model/schema.js';
import { callApi, failureText } from '../../files/api-call.js';
import { ensureConnection, useActiveConnection } from '../connections/connection-store.js';
import { showSingle } from '../results/results-store.js';

const KINDS = ['GetItem', 'PutItem', 'UpdateItem', 'DeleteItem'] as const;
type Kind = (typeof KINDS)[number];

function template(kind: Kind, model: Model, table: string): string {
  const t = model.tables.find((x) => x.name === table);
  const key: Record<string, unknown> = {};
  if (t) {
    key[t.partitionKey.name] = { [t.partitionKey.type]: '' };
    if (t.sortKey) key[t.sortKey.name] = { [t.sortKey.type]: '' };
  }
  const body: Record<string, unknown> = { TableName: table };
  if (kind === 'PutItem') body.Item = { ...key, attribute: { S: 'value' } };
  else body.Key = key;
  if (kind === 'UpdateItem') {
    body.UpdateExpression = 'SET #a = :v';
    body.ExpressionAttributeNames = { '#a': 'attribute' };
    body.ExpressionAttributeValues = { ':v': { S: 'value' } };
    body.ReturnValues = 'ALL_NEW';
  }
  if (kind === 'DeleteItem') body.ReturnValues = 'ALL_OLD';
  return JSON.stringify(body, null, 2);
}

/** Get/Put/Update/Delete written as the DynamoDB API JSON body (typed values), sent exactly as shown. */
export function RequestBuilder({ model, table }: { model: Model; table: string }) {
  const id = useId();
  const [kind, setKind] = useState<Kind>('GetItem');
  const [text, setText] = useState(() => template('GetItem', model, table));
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState<string>();
  const active = useActiveConnection();
  const write = kind !== 'GetItem';
  const run = async () => {
    setError(undefined);
    let input: Record<string, unknown>;
    try {
      input = JSON.parse(text) as Record<string, unknown>;
    } catch (e) {
      setError(`The request is not JSON: ${e instanceof Error ? e.message : String(e)}`);
      return;
    }
    try {
      const connection = await ensureConnection();
      const begun = performance.now();
      const result = await callApi('operation.run', {
        connectionId: connection.connectionId,
        operation: kind,
        input,
        ...(write && connection.production ? { confirm } : {}),
      });
      const items: Item[] = result.items.length ? result.items : result.attributes ? [result.attributes] : [];
      await showSingle(
        kind,
        String(input.TableName ?? table),
        { operation: kind, input },
        items,
        { consumedCapacity: result.consumedCapacity, elapsedMs: performance.now() - begun },
        model,
      );
    } catch (e) {
      setError(failureText(e));
    }
  };
  return (
    <form
      className="op-form"
      aria-label="Request"
      onSubmit={(e) => {
        e.preventDefault();
        void run();
      }}
    >
      <div className="inline-row">
        <div className="field">
          <label htmlFor={`${id}-operation`}>Operation</label>
          <select
            id={`${id}-operation`}
            value={kind}
            onChange={(e) => {
              const next = e.target.value as Kind;
              setKind(next);
              setText(template(next, model, table));
            }}
          >
            {KINDS.map((k) => (
              <option key={k}>{k}</option>
            ))}
          </select>
        </div>
      </div>
      <label className="field">
        <span>Request (DynamoDB API JSON)</span>
        <textarea className="mono" rows={9} value={text} onChange={(e) => setText(e.target.value)} spellCheck={false} />
      </label>
      {write && active?.production && (
        <label className="field">
          <span>Production: type the table name ({table}) to write</span>
          <input className="mono" value={confirm} onChange={(e) => setConfirm(e.target.value)} />
        </label>
      )}
      {error && (
        <p className="field-problem error" role="alert">
          {error}
        </p>
      )}
      <div className="row-actions">
        <button type="submit" className="button primary" disabled={write && active?.readOnly}>
          Run
        </button>
      </div>
    </form>
  );
}
