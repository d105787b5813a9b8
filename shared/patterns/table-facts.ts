import { indexViews, keyAttributes, primaryKeyNames, type IndexView } from '../model/indexes.js';
import type { Table } from '../model/schema.js';

/**
 * What resolving any pattern of a table reads about the table itself, computed once per table object instead of
 * once or more per pattern (a large model has 1,000 patterns on one table). Read-only: shared by every pattern.
 */
export interface TableFacts {
  /** The table first, then its GSIs, then its LSIs (indexViews). */
  views: readonly IndexView[];
  primaryKeyNames: readonly string[];
  /** Key attribute name → type over the table and all its indexes. */
  keyTypes: ReadonlyMap<string, 'S' | 'N' | 'B'>;
}

const factsByTable = new WeakMap<Table, TableFacts>();

export function tableFacts(table: Table): TableFacts {
  let facts = factsByTable.get(table);
  if (!facts) {
    const keyTypes = new Map<string, 'S' | 'N' | 'B'>();
    for (const key of keyAttributes(table)) keyTypes.set(key.name, key.type);
    facts = { views: indexViews(table), primaryKeyNames: primaryKeyNames(table), keyTypes };
    factsByTable.set(table, facts);
  }
  return facts;
}

/** The view with this name (undefined: the table itself), or undefined when there is none. */
export function viewNamed(table: Table, name: string | undefined): IndexView | undefined {
  const { views } = tableFacts(table);
  for (let i = 0; i < views.length; i++) if (views[i]!.name === name) return views[i];
  return undefined;
}
