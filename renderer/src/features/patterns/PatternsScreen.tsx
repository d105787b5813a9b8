import { useMemo } from 'react';
import { resolvePattern } from '../../../../shared/patterns/resolve.js';
import { useAnalysis } from '../../state/analysis.js';
import { useModel } from '../../state/model-store.js';
import { select, useSelection } from '../../state/selection.js';
import { renderedModel } from '../items/rendered-keys.js';
import { StaleKeysNote } from '../items/StaleKeysNote.js';
import { TourCard } from '../learn/TourCard.js';
import { PatternDetail } from './PatternDetail.js';
import { PatternList } from './PatternList.js';
import '../items/items.css';
import './patterns.css';

/** Every access pattern by name, and for the selected one everything it becomes. */
export function PatternsScreen() {
  const stored = useModel();
  // previews read the sample items keyed by the current templates (see items/rendered-keys.ts)
  const model = renderedModel(stored).model;
  const { resolved: all } = useAnalysis();
  const selection = useSelection();
  const names = useMemo(() => {
    const out: { name: string; table: string; path: string }[] = [];
    model.tables.forEach((t, ti) => {
      t.accessPatterns.forEach((p, pi) => {
        out.push({ name: p.name, table: t.name, path: `$.tables[${ti}].accessPatterns[${pi}]` });
      });
    });
    return out;
  }, [model]);
  const wanted = selection?.kind === 'pattern' ? selection.name : undefined;
  const current = names.find((n) => n.name === wanted) ?? names[0];
  // resolved from the current model (not the deferred analysis), so the preview follows every keystroke
  const resolved = useMemo(() => {
    if (!current) return undefined;
    try {
      return resolvePattern(model, current.name);
    } catch {
      return undefined;
    }
  }, [model, current]);

  const choose = (name: string): void => {
    const found = names.find((n) => n.name === name);
    if (found) select({ kind: 'pattern', table: found.table, name, path: found.path });
  };

  return (
    <section className="screen" aria-labelledby="patterns-title">
      <header className="screen-header">
        <h1 id="patterns-title">Patterns</h1>
        <span className="muted">
          {names.length} access {names.length === 1 ? 'pattern' : 'patterns'}
          {all.some((p) => p.needsScan) && ` · ${all.filter((p) => p.needsScan).length} need a Scan`}
        </span>
      </header>
      <StaleKeysNote model={stored} />
      {names.length === 0 ? (
        <p className="empty">
          No access patterns yet. Add one to a table in Model: a name, the entity, and the key it looks up by.
        </p>
      ) : (
        <div className="split patterns-split">
          <PatternList patterns={all} selected={current?.name} onSelect={choose} />
          <div className="pattern-pane">
            {resolved && current && (
              <PatternDetail key={resolved.name} model={model} resolved={resolved} path={current.path} />
            )}
          </div>
        </div>
      )}
      <TourCard />
    </section>
  );
}
