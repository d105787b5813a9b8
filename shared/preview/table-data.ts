import type { AttributeValue } from '../model/attribute-value.js';
import { findTable } from '../model/find-table.js';
import { indexViews, type IndexView } from '../model/indexes.js';
import type { Model, Table } from '../model/schema.js';
import { MonotableError } from '../errors/monotable-error.js';
import { mergeParts, tableRows, viewSpec, type IndexEntry, type Rows } from './view-parts.js';

export type { IndexEntry } from './view-parts.js';

/** A table or index as DynamoDB stores it: partitions in first-seen order, each sorted by the sort key. */
export interface ViewData {
  view: IndexView;
  /** Key names a LastEvaluatedKey holds: the table's keys plus the index's keys. */
  keyNames: string[];
  /** Attribute names an entry holds; undefined for projection ALL. */
  projected: Set<string> | undefined;
  partitions: Map<string, IndexEntry[]>;
}

export interface TableData {
  table: Table;
  /**
   * Sample items of every entity, one per primary key (a later duplicate replaces an earlier one, as a put
   * would), as parts: one per entity, or one for the whole table when a key occurs in two entities.
   */
  parts: Rows[];
  /** Views built so far: each is built when a request first reads it. */
  views: Map<string | undefined, ViewData>;
}

const cache = new WeakMap<Model, Map<string, TableData>>();

/**
 * The table's sample items, indexed once per model object (the model is treated as immutable). Per-entity
 * parts are cached by the objects an edit keeps (see view-parts.ts), so the next model reuses them.
 */
export function tableData(model: Model, tableName: string): TableData {
  let perModel = cache.get(model);
  if (!perModel) cache.set(model, (perModel = new Map()));
  let data = perModel.get(tableName);
  if (!data) {
    const table = findTable(model, tableName);
    data = { table, parts: tableRows(table), views: new Map() };
    perModel.set(tableName, data);
  }
  return data;
}

/** The view of one index (undefined = the table): only items with its keys, projected, grouped and sorted. */
export function viewData(model: Model, tableName: string, indexName: string | undefined): ViewData {
  const data = tableData(model, tableName);
  let view = data.views.get(indexName);
  if (!view) {
    const index = indexViews(data.table).find((v) => v.name === indexName);
    if (!index) {
      throw new MonotableError('NOT_FOUND', `Table "${tableName}" has no index "${indexName}".`, {
        hint: `Indexes: ${
          indexViews(data.table)
            .slice(1)
            .map((v) => v.name)
            .join(', ') || '(none)'
        }.`,
      });
    }
    const spec = viewSpec(data.table, index);
    view = {
      view: index,
      keyNames: spec.keyNames,
      projected: spec.projected,
      partitions: mergeParts(data.parts, spec),
    };
    data.views.set(indexName, view);
  }
  return view;
}

/** Display text of a key value: the string, the number text, or the base64 of a binary. */
export function keyDisplay(value: AttributeValue): string {
  if ('S' in value) return value.S;
  if ('N' in value) return value.N;
  if ('B' in value) return value.B;
  return JSON.stringify(value);
}
