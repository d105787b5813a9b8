import { useModel } from '../../state/model-store.js';
import { tryOnLocalData, useTryLocal } from './try-local.js';

/** One action from a model to its access patterns over seeded rows on the embedded engine. */
export function TryLocalButton() {
  const model = useModel();
  const state = useTryLocal();
  return (
    <span className="try-local">
      {state.step && (
        <output className="muted" aria-live="polite">
          {state.step}
        </output>
      )}
      {state.error && (
        <span className="field-problem error" role="alert">
          {state.error}
        </span>
      )}
      <button
        type="button"
        className="button primary"
        disabled={!!state.step || model.tables.length === 0}
        title="Create the table on the embedded engine, seed it, and run its access patterns with real values"
        onClick={() => void tryOnLocalData(model)}
      >
        Try it on local data
      </button>
    </span>
  );
}
