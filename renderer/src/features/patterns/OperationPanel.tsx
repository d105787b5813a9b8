import type { ResolvedPattern } from '../../../../shared/patterns/resolved-pattern.js';
import { focusPath } from '../../state/selection.js';
import { HelpTip } from '../learn/HelpTip.js';
import type { OperationView } from './pattern-view.js';

/** The operation a pattern resolves to; a Scan nobody asked for is loud, with its reason and its fix. */
export function OperationPanel({
  view,
  resolved,
  path,
}: {
  view: OperationView;
  resolved: ResolvedPattern;
  path: string;
}) {
  if (view.scan && !view.scan.explicit) {
    return (
      <section className="op-panel op-panel-scan" role="alert" aria-labelledby="op-title">
        <h3 id="op-title">Needs a Scan</h3>
        <p>
          <strong>Why:</strong> {view.scan.reason}
        </p>
        <p>
          <strong>Fix:</strong> {view.scan.fix}
        </p>
        <p className="muted">
          A Scan reads every item of {view.target} and is charged for all of them; the cost grows with the table.
        </p>
        <button type="button" className="button small" onClick={() => focusPath(`${path}.keyCondition`)}>
          Go to the key condition
        </button>
      </section>
    );
  }
  return (
    <section className={`op-panel ${view.scan ? 'op-panel-explicit-scan' : ''}`} aria-labelledby="op-title">
      <h3 id="op-title" className="op-title">
        <span className={`op-name ${view.scan ? 'op-scan' : ''}`}>{view.operation}</span> on {view.target}
        {resolved.indexKind === 'gsi' && <HelpTip term="gsi" />}
        {resolved.indexKind === 'lsi' && <HelpTip term="lsi" />}
      </h3>
      <dl className="op-facts">
        {view.keyCondition && (
          <>
            <dt>Key condition</dt>
            <dd className="mono">{view.keyCondition}</dd>
          </>
        )}
        {resolved.key && (
          <>
            <dt>Key</dt>
            <dd className="mono">
              {Object.entries(resolved.key)
                .map(([name, spec]) => `${name} = "${spec.template}"`)
                .join(', ')}
            </dd>
          </>
        )}
        {view.filter && (
          <>
            <dt>Filter</dt>
            <dd className="mono">{view.filter}</dd>
          </>
        )}
        {view.order && (
          <>
            <dt>Order</dt>
            <dd>{view.order}</dd>
          </>
        )}
        {resolved.limit !== undefined && (
          <>
            <dt>Limit</dt>
            <dd>{resolved.limit}</dd>
          </>
        )}
        {resolved.updateExpression && (
          <>
            <dt>Update</dt>
            <dd className="mono">{resolved.updateExpression}</dd>
          </>
        )}
        {view.scan?.explicit && (
          <>
            <dt>Scan</dt>
            <dd>{view.scan.reason}</dd>
          </>
        )}
      </dl>
      <p className="op-summary muted">{view.summary}</p>
    </section>
  );
}
