import type { Item } from '../../../../shared/model/attribute-value.js';
import { callApi } from '../../files/api-call.js';

/**
 * The selected rows of a result, by row id: either the ids picked, or every row except the ids unpicked ("Select all"
 * on a million rows costs nothing).
 */
export interface Selection {
  all: boolean;
  /** Picked ids (all = false) or unpicked ids (all = true). */
  ids: ReadonlySet<number>;
}

export const NOTHING: Selection = { all: false, ids: new Set() };

export function isSelected(selection: Selection, id: number): boolean {
  return selection.all !== selection.ids.has(id);
}

export function selectedCount(selection: Selection, total: number): number {
  return selection.all ? total - selection.ids.size : selection.ids.size;
}

export function toggleRow(selection: Selection, id: number): Selection {
  const ids = new Set(selection.ids);
  if (ids.has(id)) ids.delete(id);
  else ids.add(id);
  return { all: selection.all, ids };
}

/** Selects every id of a range (shift-click). */
export function selectRange(selection: Selection, range: readonly number[]): Selection {
  const ids = new Set(selection.ids);
  for (const id of range) {
    if (selection.all) ids.delete(id);
    else ids.add(id);
  }
  return { all: selection.all, ids };
}

/** Everything when not everything is selected, else nothing. */
export function toggleAll(selection: Selection, total: number): Selection {
  return selectedCount(selection, total) === total ? NOTHING : { all: true, ids: new Set() };
}

/** The selected rows of a result set, in result order, a chunk at a time (fetched from the backend). */
export async function* selectedRows(
  resultId: string,
  selection: Selection,
  total: number,
  chunk = 1000,
): AsyncGenerator<{ id: number; item: Item }[]> {
  if (!selection.all) {
    const ids = [...selection.ids].sort((a, b) => a - b);
    for (let i = 0; i < ids.length; i += chunk)
      yield (await callApi('results.rows', { resultId, ids: ids.slice(i, i + chunk) })).rows;
    return;
  }
  for (let offset = 0; offset < total; offset += chunk) {
    const { rows } = await callApi('results.window', { resultId, offset, count: chunk });
    const picked = rows.filter((r) => !selection.ids.has(r.id));
    if (picked.length > 0) yield picked;
  }
}
