import { useId, useState } from 'react';
import { indexViews } from '../../../../shared/model/indexes.js';
import {
  FILTER_OPERATORS,
  type FilterOperator,
  type Model,
  SORT_OPERATORS,
  type SortOperator,
} from '../../../../shared/model/schema.js';
import { ApiFailure, failureText } from '../../files/api-call.js';
import { editModel, useDocument } from '../../state/model-store.js';
import { ensureConnection } from '../connections/connection-store.js';
import { type ReadSpec, runRead, useResults } from '../results/results-store.js';
import { recordRun } from './history-store.js';
import { useLiveValues } from './live-values.js';
import { type SavedOperation, savedNameProblem } from './saved-operations.js';
import { saveOperation } from './saved-store.js';

interface FilterRow {
  attribute: string;
  operator: FilterOperator;
  value: string;
  to: string;
}

const NO_VALUE: readonly FilterOperator[] = ['attribute_exists', 'attribute_not_exists'];

/** Ad hoc Query or Scan: table or index, partition key, every sort-key operator, filters, projection, order, limit. */
export function QueryBuilder({
  model,
  table,
  kind,
  initial,
}: {
  model: Model;
  table: string;
  kind: 'query' | 'scan';
  /** A saved operation to start from (Saved → Open). */
  initial?: { name: string; operation: SavedOperation };
}) {
  const id = useId();
  const modelTable = model.tables.find((t) => t.name === table);
  const views = modelTable ? indexViews(modelTable) : [];
  const start = initial?.operation;
  const [indexName, setIndexName] = useState(start?.index ?? '');
  const view = views.find((v) => (v.name ?? '') === indexName) ?? views[0];
  const [partition, setPartition] = useState(start?.partition ?? '');
  const [sortOp, setSortOp] = useState<SortOperator | ''>(start?.sort?.operator ?? '');
  const [sortValue, setSortValue] = useState(start?.sort?.value ?? '');
  const [sortTo, setSortTo] = useState(start?.sort?.to ?? '');
  const [descending, setDescending] = useState(start?.descending ?? false);
  const [filters, setFilters] = useState<FilterRow[]>(
    (start?.filters ?? []).map((f) => ({
      attribute: f.attribute,
      operator: f.operator,
      value: f.value ?? '',
      to: f.to ?? '',
    })),
  );
  const [projection, setProjection] = useState(start?.projection?.join(', ') ?? '');
  const [limit, setLimit] = useState(start?.limit ? String(start.limit) : '');
  const [consistent, setConsistent] = useState(start?.consistentRead ?? false);
  const [patternName, setPatternName] = useState('');
  const [saved, setSaved] = useState<string>();
  const doc = useDocument();
  const [operationName, setOperationName] = useState(initial?.name ?? '');
  const [operationSaved, setOperationSaved] = useState<{ text: string; error?: boolean; taken?: boolean }>();
  const live = useLiveValues();
  const results = useResults();
  if (!modelTable || !view) return <p className="muted">The table {table} is not in the model.</p>;
  const pk = view.partitionKey.name;
  const sk = view.sortKey?.name;
  const options = (name: string) => (live?.table === table ? (live.all.get(name) ?? []) : []);
  const filterSpecs = filters
    .filter((f) => f.attribute)
    .map((f) => ({
      attribute: f.attribute,
      operator: f.operator,
      ...(NO_VALUE.includes(f.operator) ? {} : { value: f.value }),
      ...(f.operator === 'between' ? { to: f.to } : {}),
    }));
  const common = {
    model,
    table,
    ...(view.name ? { index: view.name } : {}),
    ...(filterSpecs.length ? { filters: filterSpecs } : {}),
    ...(projection.trim()
      ? {
          projection: projection
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean),
        }
      : {}),
    ...(Number(limit) > 0 ? { limit: Math.floor(Number(limit)) } : {}),
    ...(consistent ? { consistentRead: true } : {}),
  };
  const spec = (): ReadSpec =>
    kind === 'scan'
      ? { method: 'operation.scan', input: common }
      : {
          method: 'operation.query',
          input: {
            ...common,
            partition,
            ...(descending ? { descending: true } : {}),
            ...(sortOp && sk
              ? { sort: { operator: sortOp, value: sortValue, ...(sortOp === 'between' ? { to: sortTo } : {}) } }
              : {}),
          },
        };
  const run = async () => {
    const connection = await ensureConnection();
    const title = `${kind === 'scan' ? 'Scan' : 'Query'} ${table}${view.name ? ` / ${view.name}` : ''}`;
    const s = spec();
    recordRun({ title, table, spec: s });
    await runRead(title, table, connection.connectionId, s);
  };
  const savedOperation = (): SavedOperation => ({
    format: 'monotable-operation/1',
    kind,
    table,
    ...(common.index ? { index: common.index } : {}),
    ...(kind === 'query' ? { partition } : {}),
    ...(kind === 'query' && sortOp && sk
      ? { sort: { operator: sortOp, value: sortValue, ...(sortOp === 'between' ? { to: sortTo } : {}) } }
      : {}),
    ...(kind === 'query' && descending ? { descending: true } : {}),
    ...(common.filters ? { filters: common.filters } : {}),
    ...(common.projection ? { projection: common.projection } : {}),
    ...(common.limit ? { limit: common.limit } : {}),
    ...(consistent ? { consistentRead: true } : {}),
  });
  const nameProblem = savedNameProblem(operationName.trim());
  const saveAsFile = async (replace: boolean) => {
    if (!doc.path || nameProblem) return;
    const name = operationName.trim();
    try {
      const path = await saveOperation(doc.path, name, savedOperation(), replace);
      setOperationSaved({ text: `Saved as ${path}.` });
    } catch (error) {
      const taken = error instanceof ApiFailure && error.code === 'FILE_CHANGED';
      setOperationSaved({
        text: taken ? `An operation named “${name}” is already saved.` : failureText(error),
        error: true,
        taken,
      });
    }
  };
  const saveAsPattern = () => {
    const name = patternName.trim();
    if (!name) return;
    const entity = modelTable.entities[0]?.name ?? '';
    editModel(`Add access pattern ${name}`, (draft) => {
      const t = draft.tables.find((x) => x.name === table);
      if (!t) return;
      t.accessPatterns.push({
        name,
        description: `Saved from an ad hoc ${kind} on ${table}.`,
        entity,
        kind,
        ...(view.name ? { index: view.name } : {}),
        parameters: [],
        ...(kind === 'query'
          ? {
              keyCondition: {
                partition: { attribute: pk, value: partition },
                ...(sortOp && sk
                  ? {
                      sort: {
                        attribute: sk,
                        operator: sortOp,
                        value: sortValue,
                        ...(sortOp === 'between' ? { to: sortTo } : {}),
                      },
                    }
                  : {}),
              },
            }
          : {}),
        ...(filterSpecs.length ? { filter: filterSpecs } : {}),
        ...(common.projection ? { projection: common.projection } : {}),
        ...(descending ? { order: 'desc' as const } : {}),
        ...(common.limit ? { limit: common.limit } : {}),
        ...(consistent ? { consistentRead: true } : {}),
      });
    });
    setSaved(name);
    setPatternName('');
  };
  return (
    <form
      className="op-form"
      aria-label={kind === 'scan' ? 'Scan' : 'Query'}
      onSubmit={(e) => {
        e.preventDefault();
        void run();
      }}
    >
      <div className="param-grid">
        <div className="field">
          <label htmlFor={`${id}-index`}>Table or index</label>
          <select id={`${id}-index`} value={view.name ?? ''} onChange={(e) => setIndexName(e.target.value)}>
            {views.map((v) => (
              <option key={v.name ?? ''} value={v.name ?? ''}>
                {v.name ? `${v.name} (${v.kind.toUpperCase()})` : `${table} (table)`}
              </option>
            ))}
          </select>
        </div>
        {kind === 'query' && (
          <label className="field">
            <span>Partition key: {pk}</span>
            <input
              className="mono"
              list={`${id}-pk`}
              value={partition}
              onChange={(e) => setPartition(e.target.value)}
              required
            />
            <datalist id={`${id}-pk`}>
              {options(pk).map((v) => (
                <option key={v} value={v} />
              ))}
            </datalist>
          </label>
        )}
        {kind === 'query' && sk && (
          <div className="field sort-condition">
            <span>Sort key: {sk}</span>
            <div className="inline-row">
              <select
                aria-label="Sort key condition"
                value={sortOp}
                onChange={(e) => setSortOp(e.target.value as SortOperator | '')}
              >
                <option value="">any</option>
                {SORT_OPERATORS.map((op) => (
                  <option key={op} value={op}>
                    {op}
                  </option>
                ))}
              </select>
              {sortOp && (
                <input
                  className="mono"
                  aria-label="Sort key value"
                  value={sortValue}
                  onChange={(e) => setSortValue(e.target.value)}
                />
              )}
              {sortOp === 'between' && (
                <input
                  className="mono"
                  aria-label="Sort key upper bound"
                  value={sortTo}
                  onChange={(e) => setSortTo(e.target.value)}
                />
              )}
            </div>
          </div>
        )}
        <label className="field">
          <span>Projection (attributes, comma-separated)</span>
          <input
            className="mono"
            value={projection}
            onChange={(e) => setProjection(e.target.value)}
            placeholder="all"
          />
        </label>
        <label className="field">
          <span>Limit (items per request)</span>
          <input
            type="number"
            min={1}
            value={limit}
            onChange={(e) => setLimit(e.target.value)}
            placeholder="1 MB pages"
          />
        </label>
      </div>
      <fieldset className="filters">
        <legend>Filters</legend>
        {filters.map((f, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place
          <div key={i} className="inline-row filter-row">
            <input
              className="mono"
              aria-label={`Filter ${i + 1} attribute`}
              value={f.attribute}
              placeholder="attribute"
              onChange={(e) =>
                setFilters((all) => all.map((x, j) => (j === i ? { ...x, attribute: e.target.value } : x)))
              }
            />
            <select
              aria-label={`Filter ${i + 1} condition`}
              value={f.operator}
              onChange={(e) =>
                setFilters((all) =>
                  all.map((x, j) => (j === i ? { ...x, operator: e.target.value as FilterOperator } : x)),
                )
              }
            >
              {FILTER_OPERATORS.map((op) => (
                <option key={op} value={op}>
                  {op}
                </option>
              ))}
            </select>
            {!NO_VALUE.includes(f.operator) && (
              <input
                className="mono"
                aria-label={`Filter ${i + 1} value`}
                value={f.value}
                onChange={(e) =>
                  setFilters((all) => all.map((x, j) => (j === i ? { ...x, value: e.target.value } : x)))
                }
              />
            )}
            {f.operator === 'between' && (
              <input
                className="mono"
                aria-label={`Filter ${i + 1} upper bound`}
                value={f.to}
                onChange={(e) => setFilters((all) => all.map((x, j) => (j === i ? { ...x, to: e.target.value } : x)))}
              />
            )}
            <button
              type="button"
              className="button ghost small"
              aria-label={`Remove filter ${i + 1}`}
              onClick={() => setFilters((all) => all.filter((_, j) => j !== i))}
            >
              ✕
            </button>
          </div>
        ))}
        <button
          type="button"
          className="button small"
          onClick={() => setFilters((all) => [...all, { attribute: '', operator: '=', value: '', to: '' }])}
        >
          Add filter
        </button>
      </fieldset>
      <div className="row-actions">
        {kind === 'query' && (
          <label className="checkbox-row">
            <input type="checkbox" checked={descending} onChange={(e) => setDescending(e.target.checked)} />
            Sort descending
          </label>
        )}
        <label className="checkbox-row">
          <input type="checkbox" checked={consistent} onChange={(e) => setConsistent(e.target.checked)} />
          Consistent read
        </label>
        <span className="spacer" />
        <button type="submit" className="button primary" disabled={results.status === 'running'}>
          Run
        </button>
      </div>
      <details className="save-pattern" open={initial !== undefined || undefined}>
        <summary>Save as a file beside the model</summary>
        {doc.path ? (
          <div className="inline-row">
            <input
              aria-label="Saved operation name"
              value={operationName}
              placeholder="operation-name"
              onChange={(e) => {
                setOperationName(e.target.value);
                setOperationSaved(undefined);
              }}
            />
            <button
              type="button"
              className="button small"
              disabled={nameProblem !== undefined}
              title={nameProblem}
              onClick={() => void saveAsFile(false)}
            >
              Save operation
            </button>
            {operationSaved?.taken && (
              <button type="button" className="button small danger" onClick={() => void saveAsFile(true)}>
                Replace
              </button>
            )}
            {operationSaved && (
              <output className={operationSaved.error ? 'field-problem error' : 'muted'}>{operationSaved.text}</output>
            )}
          </div>
        ) : (
          <p className="muted">Save the model to a file first: operations are kept as files beside it.</p>
        )}
      </details>
      <details className="save-pattern">
        <summary>Save as an access pattern of the model</summary>
        <div className="inline-row">
          <input
            aria-label="New access pattern name"
            value={patternName}
            placeholder="pattern-name"
            onChange={(e) => setPatternName(e.target.value)}
          />
          <button type="button" className="button small" disabled={!patternName.trim()} onClick={saveAsPattern}>
            Save as access pattern
          </button>
          {saved && <output className="muted">Added “{saved}” to the model.</output>}
        </div>
      </details>
    </form>
  );
}
