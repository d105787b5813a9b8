import { useEffect, useId, useMemo, useState } from 'react';
import type { Model } from '../../../../shared/model/schema.js';
import { useResults } from '../results/results-store.js';
import { useLiveValues } from './live-values.js';
import { runPattern } from './run-pattern.js';

export interface PatternChoice {
  pattern: string;
  /** Values put in by "Try it on local data" or a previous run. */
  params?: Record<string, string>;
}

/**
 * Run an access pattern: pick it, give its parameters (each offers the values found in the live rows, filled in
 * from them when the field was not typed in), Run.
 */
export function PatternRunner({ model, table, choice }: { model: Model; table: string; choice?: PatternChoice }) {
  const id = useId();
  const patterns = model.tables.find((t) => t.name === table)?.accessPatterns ?? [];
  const [name, setName] = useState(choice?.pattern ?? patterns[0]?.name ?? '');
  const pattern = patterns.find((p) => p.name === name) ?? patterns[0];
  const live = useLiveValues();
  const results = useResults();
  const [typed, setTyped] = useState<Record<string, string>>(choice?.params ?? {});
  useEffect(() => {
    if (choice) {
      setName(choice.pattern);
      setTyped(choice.params ?? {});
    }
  }, [choice]);
  const offered = useMemo(() => {
    if (!pattern || !live || live.table !== table) return new Map<string, string[]>();
    const own = live.byEntity.get(pattern.entity);
    // A move (moveFrom: attribute → parameter) names the row's current value by another parameter.
    const attributeOf = new Map(Object.entries(pattern.moveFrom ?? {}).map(([attribute, param]) => [param, attribute]));
    return new Map(
      pattern.parameters.map((p) => {
        const name = attributeOf.get(p.name) ?? p.name;
        return [p.name, own?.get(name)?.length ? own.get(name)! : (live.all.get(name) ?? [])];
      }),
    );
  }, [pattern, live, table]);
  if (!pattern) return <p className="muted">The table {table} has no access patterns in the model.</p>;
  // Reads, updates and deletes are about rows that exist: their values come from the live rows. A put makes a new
  // row, so it keeps the model's example values (the live ones stay offered in the list).
  const fromRows = pattern.kind !== 'put' && pattern.kind !== 'transact-write';
  // A moved attribute's parameter is its new value: never the row's current one (now, when the model has no example).
  const moved = new Set(Object.keys(pattern.moveFrom ?? {}));
  const values = Object.fromEntries(
    pattern.parameters.map((p) => [
      p.name,
      typed[p.name] ??
        (moved.has(p.name) ? (p.example ?? new Date().toISOString()) : undefined) ??
        (fromRows ? offered.get(p.name)?.[0] : undefined) ??
        p.example ??
        '',
    ]),
  );
  const running = results.status === 'running';
  return (
    <form
      className="op-form"
      aria-label="Run an access pattern"
      onSubmit={(e) => {
        e.preventDefault();
        void runPattern(model, pattern.name, values);
      }}
    >
      <div className="field">
        <label htmlFor={`${id}-pattern`}>Access pattern</label>
        <select
          id={`${id}-pattern`}
          value={pattern.name}
          onChange={(e) => {
            setName(e.target.value);
            setTyped({});
          }}
        >
          {patterns.map((p) => (
            <option key={p.name} value={p.name}>
              {p.name} ({p.kind})
            </option>
          ))}
        </select>
      </div>
      {pattern.description && <p className="muted op-description">{pattern.description}</p>}
      <div className="param-grid">
        {pattern.parameters.map((p) => {
          const options = offered.get(p.name) ?? [];
          return (
            <label key={p.name} className="field">
              <span>
                {p.name}
                {options.length > 0 && <span className="faint"> · {options.length} live values</span>}
              </span>
              <input
                className="mono"
                list={`${id}-${p.name}`}
                value={values[p.name] ?? ''}
                placeholder={p.description}
                onChange={(e) => setTyped((t) => ({ ...t, [p.name]: e.target.value }))}
              />
              <datalist id={`${id}-${p.name}`}>
                {options.map((v) => (
                  <option key={v} value={v} />
                ))}
              </datalist>
            </label>
          );
        })}
      </div>
      <div className="row-actions">
        <button type="submit" className="button primary" disabled={running}>
          Run
        </button>
      </div>
    </form>
  );
}
