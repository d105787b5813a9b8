import type { Model } from '../../../shared/model/schema.js';
import { formatSegments, parsePath } from './json-path.js';
import { getDocument } from './model-store.js';
import { requestFocus, screenForPath, showScreen } from './navigation.js';
import { createStore, useStore } from './store.js';

export type SelectionKind = 'table' | 'index' | 'entity' | 'attribute' | 'pattern';

/**
 * What is selected in the model (the Model tree, the diagram, the pattern list share it). `table` is the table name,
 * `name` the index, entity, pattern or attribute name, `path` the JSON path of the selected object.
 * For an attribute, `entity` names its entity.
 */
export interface SelectionTarget {
  kind: SelectionKind;
  table: string;
  name?: string;
  entity?: string;
  path?: string;
}

const selection = createStore<SelectionTarget | undefined>(undefined);

export function useSelection(): SelectionTarget | undefined {
  return useStore(selection);
}

export function getSelection(): SelectionTarget | undefined {
  return selection.get();
}

export function select(target: SelectionTarget | undefined): void {
  const current = selection.get();
  if (
    current &&
    target &&
    current.kind === target.kind &&
    current.table === target.table &&
    current.name === target.name &&
    current.entity === target.entity &&
    current.path === target.path
  )
    return;
  selection.set(target);
}

/** The model object a JSON path points into (the deepest table, index, entity, attribute or pattern on the path). */
export function targetForPath(model: Model, path: string): SelectionTarget | undefined {
  const s = parsePath(path);
  if (s[0] !== 'tables' || typeof s[1] !== 'number') return undefined;
  const table = model.tables[s[1]];
  if (!table) return undefined;
  const tablePath = formatSegments(s.slice(0, 2));
  const at = (n: number) => formatSegments(s.slice(0, n));
  if ((s[2] === 'globalSecondaryIndexes' || s[2] === 'localSecondaryIndexes') && typeof s[3] === 'number') {
    const index = (s[2] === 'globalSecondaryIndexes' ? table.globalSecondaryIndexes : table.localSecondaryIndexes)?.[
      s[3]
    ];
    if (index) return { kind: 'index', table: table.name, name: index.name, path: at(4) };
  }
  if (s[2] === 'entities' && typeof s[3] === 'number') {
    const entity = table.entities[s[3]];
    if (entity) {
      if (s[4] === 'attributes' && typeof s[5] === 'number') {
        const attribute = entity.attributes[s[5]];
        if (attribute)
          return { kind: 'attribute', table: table.name, entity: entity.name, name: attribute.name, path: at(6) };
      }
      return { kind: 'entity', table: table.name, name: entity.name, path: at(4) };
    }
  }
  if (s[2] === 'seedEntities' && typeof s[3] === 'number') {
    const entity = table.seedEntities?.[s[3]];
    if (entity) {
      if (s[4] === 'attributes' && typeof s[5] === 'number') {
        const attribute = entity.attributes[s[5]];
        if (attribute)
          return { kind: 'attribute', table: table.name, entity: entity.name, name: attribute.name, path: at(6) };
      }
      return { kind: 'entity', table: table.name, name: entity.name, path: at(4) };
    }
  }
  if (s[2] === 'accessPatterns' && typeof s[3] === 'number') {
    const pattern = table.accessPatterns[s[3]];
    if (pattern) return { kind: 'pattern', table: table.name, name: pattern.name, path: at(4) };
  }
  return { kind: 'table', table: table.name, path: tablePath };
}

/**
 * Navigates to the form field of a JSON path (`$.tables[0].entities[1].keys.sk`): selects the object that holds it,
 * shows the screen that owns the path (Model unless a screen claimed it) and asks that screen to focus the field
 * whose `data-path` is the path (or the nearest enclosing path that has a field).
 */
export function focusPath(jsonPath: string): void {
  const target = targetForPath(getDocument().model, jsonPath);
  if (target) select(target);
  showScreen(screenForPath(jsonPath));
  requestFocus(jsonPath);
}
