import { type KeyboardEvent, useMemo, useRef, useState } from 'react';
import type { ResolvedPattern } from '../../../../shared/patterns/resolved-pattern.js';
import { entityColor } from '../../components/entity-color.js';

/**
 * Every access pattern, selectable by name: a listbox whose options are named exactly by the pattern names
 * (tests and screen readers find "list-messages"). Arrow keys move the selection; typing in the filter narrows it.
 */
export function PatternList({
  patterns,
  selected,
  onSelect,
}: {
  patterns: readonly ResolvedPattern[];
  selected: string | undefined;
  onSelect: (name: string) => void;
}) {
  const [filter, setFilter] = useState('');
  const list = useRef<HTMLDivElement>(null);
  const shown = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    if (!needle) return patterns;
    return patterns.filter((p) =>
      `${p.name} ${p.entity} ${p.operation} ${p.indexName ?? ''}`.toLowerCase().includes(needle),
    );
  }, [patterns, filter]);
  const move = (delta: number): void => {
    if (shown.length === 0) return;
    const at = shown.findIndex((p) => p.name === selected);
    const next = shown[Math.max(0, Math.min(shown.length - 1, at < 0 ? 0 : at + delta))]!;
    onSelect(next.name);
    list.current?.querySelector(`[data-pattern="${CSS.escape(next.name)}"]`)?.scrollIntoView({ block: 'nearest' });
  };
  const onKeyDown = (event: KeyboardEvent): void => {
    if (event.key === 'ArrowDown') move(1);
    else if (event.key === 'ArrowUp') move(-1);
    else if (event.key === 'Home') move(-shown.length);
    else if (event.key === 'End') move(shown.length);
    else return;
    event.preventDefault();
  };
  return (
    <div className="pattern-list">
      <input
        type="text"
        aria-label="Filter patterns"
        placeholder="Filter patterns"
        value={filter}
        onChange={(e) => setFilter(e.target.value)}
        onKeyDown={onKeyDown}
      />
      <div
        ref={list}
        role="listbox"
        aria-label="Access patterns"
        tabIndex={0}
        className="pattern-options"
        onKeyDown={onKeyDown}
        aria-activedescendant={selected ? optionId(selected) : undefined}
      >
        {shown.map((p) => {
          const colour = entityColor(p.entity);
          const errors = p.diagnostics.some((d) => d.severity === 'error');
          return (
            // biome-ignore lint/a11y/useFocusableInteractive: the listbox holds the focus (aria-activedescendant) and handles the keys
            // biome-ignore lint/a11y/useKeyWithClickEvents: arrow keys on the listbox select; a click selects too
            <div
              key={`${p.table}:${p.name}`}
              id={optionId(p.name)}
              data-pattern={p.name}
              role="option"
              aria-selected={p.name === selected}
              aria-label={p.name}
              className="pattern-option"
              onClick={() => onSelect(p.name)}
            >
              <span className="pattern-option-name">{p.name}</span>
              <span className="pattern-option-meta">
                <span className="entity-dot" style={{ background: colour.color }} aria-hidden="true" />
                <span className={`op-tag ${p.needsScan ? 'op-scan' : ''} ${errors ? 'op-error' : ''}`}>
                  {errors ? 'error' : p.operation}
                </span>
                {p.indexName && <span className="faint">{p.indexName}</span>}
              </span>
            </div>
          );
        })}
        {shown.length === 0 && <p className="empty">No pattern matches.</p>}
      </div>
    </div>
  );
}

function optionId(name: string): string {
  return `pattern-option-${name.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}
