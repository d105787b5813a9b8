import type { Item } from '../model/attribute-value.js';
import type { Model } from '../model/schema.js';
import { keyDisplay, viewData } from './table-data.js';

/**
 * One index's view of the table's sample items (undefined index = the table): only items that have the
 * index's keys, projected as the index projects them, grouped by partition key in first-seen order and
 * sorted by sort key within each partition.
 */
export function indexItems(
  model: Model,
  tableName: string,
  indexName: string | undefined,
): { partition: string; items: Item[] }[] {
  const view = viewData(model, tableName, indexName);
  const partitionName = view.view.partitionKey.name;
  return [...view.partitions.values()].map((entries) => ({
    partition: keyDisplay(entries[0]!.full[partitionName]!),
    items: entries.map((e) => e.item),
  }));
}
