import type { Model } from '../../../../shared/model/schema.js';
import { renderedModel } from './rendered-keys.js';
import { writeRenderedKeys } from './stored-keys.js';

/**
 * Says that the views show sample keys as the templates render them while the stored items still hold older keys,
 * and offers to write the rendered keys into the model.
 */
export function StaleKeysNote({ model }: { model: Model }) {
  const { stale } = renderedModel(model);
  if (stale.length === 0) return null;
  const items = stale.reduce((n, s) => n + s.items, 0);
  return (
    <div className="stale-keys" role="status">
      <span>
        Keys shown as the current templates render them; {items} stored sample{' '}
        {items === 1 ? 'item still has its' : 'items still have their'} old keys ({stale.map((s) => s.name).join(', ')}
        ).
      </span>
      <button type="button" className="button small" onClick={() => writeRenderedKeys(stale)}>
        Update stored sample keys
      </button>
    </div>
  );
}
