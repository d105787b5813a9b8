import { getDocument, editModel } from '../../state/model-store.js';
import { renderedSampleItems } from './rendered-keys.js';

/** An entity by its position: `model.tables[table].entities[entity]`. */
export interface EntityAt {
  table: number;
  entity: number;
}

/**
 * The one action that writes sample keys from the key templates: each listed entity's stored sample items take the
 * keys its current templates render from the item's own attributes (rendered-keys.ts; an item whose attributes
 * cannot render a template keeps its key), in one undoable edit. `keyName` limits it to that key (the Model screen's
 * "Rewrite … from the template" under a key template); without it every key is written (the Items and Patterns
 * screens' "Update stored sample keys"). Stored values never change behind the user's back: only this explicit
 * action writes them. Returns how many items changed.
 */
export function writeRenderedKeys(entities: readonly EntityAt[], keyName?: string): number {
  const model = getDocument().model;
  let changed = 0;
  editModel(keyName ? `Rewrite sample ${keyName} keys` : 'Update sample keys from the key templates', (draft) => {
    for (const { table, entity } of entities) {
      const stored = model.tables[table]?.entities[entity]?.sampleItems;
      const rendered = renderedSampleItems(model, table, entity);
      const target = draft.tables[table]?.entities[entity]?.sampleItems;
      if (!stored || !rendered || !target) continue;
      rendered.forEach((item, i) => {
        const before = stored[i];
        if (item === before || !before) return;
        if (keyName === undefined) target[i] = item;
        else if (item[keyName] !== before[keyName] && item[keyName] !== undefined) target[i]![keyName] = item[keyName];
        else return;
        changed++;
      });
    }
  });
  return changed;
}
