import type { AttributeValue, Item } from '../../../../shared/model/attribute-value.js';
import { findIndex, type IndexView } from '../../../../shared/model/indexes.js';
import type { Model, Table } from '../../../../shared/model/schema.js';
import { keyDisplay, viewData } from '../../../../shared/preview/table-data.js';

/**
 * The aggregate view of one table or index over the sample items, as NoSQL Workbench's visualizer shows it:
 * partitions in first-seen order, items sorted by sort key inside each, each item's entity known (for its colour
 * and its editor). Computed by shared/preview (the same index views the previews query), so an index view is
 * sparse and projected exactly as DynamoDB would hold it.
 */

export interface ItemRow {
  kind: 'item';
  partition: string;
  /** The entity whose sample item this is (undefined only for an item no entity owns, which cannot happen today). */
  entity: string | undefined;
  /** Where the full item lives in the model: $.tables[t].entities[entityIndex].sampleItems[itemIndex]. */
  entityIndex: number;
  itemIndex: number;
  sortKey: AttributeValue | undefined;
  /** The attributes as the index holds them, keys of this view excluded, in the item's order. */
  attributes: [string, AttributeValue][];
  /** The index entry (projected) and the table item behind it. */
  item: Item;
  full: Item;
}

export interface PartitionRow {
  kind: 'partition';
  partition: string;
  partitionValue: AttributeValue;
  count: number;
}

export type ItemsRow = PartitionRow | ItemRow;

export interface AbsentEntity {
  entity: string;
  /** Sample items of the entity not in this index. */
  missing: number;
  reason: string;
}

export interface ItemsView {
  table: string;
  view: IndexView;
  rows: ItemsRow[];
  /** Items in the table (all sample items with the table's keys). */
  tableCount: number;
  /** Entries in this view. */
  count: number;
  partitionCount: number;
  /** Entities with items missing from this (sparse) index, and why. */
  absent: AbsentEntity[];
  /** For KEYS_ONLY and INCLUDE: the attributes an entry keeps. */
  projected: string[] | undefined;
}

interface Owner {
  entityIndex: number;
  itemIndex: number;
}

const owners = new WeakMap<Table, WeakMap<Item, Owner>>();

/** Item object → its entity and position, per table object (sample items are the model's own objects). */
function ownerMap(table: Table): WeakMap<Item, Owner> {
  let map = owners.get(table);
  if (!map) {
    map = new WeakMap();
    table.entities.forEach((entity, entityIndex) => {
      (entity.sampleItems ?? []).forEach((item, itemIndex) => {
        map!.set(item, { entityIndex, itemIndex });
      });
    });
    owners.set(table, map);
  }
  return map;
}

function countEntries(model: Model, table: string, index: string | undefined): number {
  let n = 0;
  for (const entries of viewData(model, table, index).partitions.values()) n += entries.length;
  return n;
}

function absentReason(table: Table, view: IndexView, entityIndex: number, missing: number, total: number): string {
  const entity = table.entities[entityIndex]!;
  const keys = [view.partitionKey, ...(view.sortKey ? [view.sortKey] : [])];
  const untemplated = keys.filter((k) => entity.keys[k.name] === undefined).map((k) => k.name);
  if (untemplated.length) {
    return `${entity.name} has no key template for ${untemplated.map((k) => `"${k}"`).join(' and ')}, so its items are not in this index`;
  }
  const names = keys.map((k) => `"${k.name}" (${k.type})`).join(' or ');
  return `${missing} of ${total} ${entity.name} items have no ${names} value of the key's type`;
}

export function itemsView(model: Model, tableIndex: number, indexName: string | undefined): ItemsView {
  const table = model.tables[tableIndex]!;
  const data = viewData(model, table.name, indexName);
  const view = data.view;
  const owner = ownerMap(table);
  const pkName = view.partitionKey.name;
  const skName = view.sortKey?.name;
  const rows: ItemsRow[] = [];
  const perEntity = new Map<number, number>();
  let count = 0;
  for (const entries of data.partitions.values()) {
    const first = entries[0]!;
    const partitionValue = first.full[pkName]!;
    const partition = keyDisplay(partitionValue);
    rows.push({ kind: 'partition', partition, partitionValue, count: entries.length });
    for (const entry of entries) {
      const at = owner.get(entry.full);
      if (at) perEntity.set(at.entityIndex, (perEntity.get(at.entityIndex) ?? 0) + 1);
      const attributes: [string, AttributeValue][] = [];
      for (const name of Object.keys(entry.item)) {
        if (name === pkName || name === skName) continue;
        attributes.push([name, entry.item[name]!]);
      }
      rows.push({
        kind: 'item',
        partition,
        entity: at ? table.entities[at.entityIndex]!.name : undefined,
        entityIndex: at?.entityIndex ?? -1,
        itemIndex: at?.itemIndex ?? -1,
        sortKey: skName === undefined ? undefined : entry.full[skName],
        attributes,
        item: entry.item,
        full: entry.full,
      });
      count++;
    }
  }
  const tableCount = indexName === undefined ? count : countEntries(model, table.name, undefined);
  const absent: AbsentEntity[] = [];
  if (view.kind !== 'table') {
    const inTable = new Map<number, number>();
    for (const entries of viewData(model, table.name, undefined).partitions.values()) {
      for (const entry of entries) {
        const at = owner.get(entry.full);
        if (at) inTable.set(at.entityIndex, (inTable.get(at.entityIndex) ?? 0) + 1);
      }
    }
    for (const [entityIndex, total] of inTable) {
      const missing = total - (perEntity.get(entityIndex) ?? 0);
      if (missing > 0) {
        absent.push({
          entity: table.entities[entityIndex]!.name,
          missing,
          reason: absentReason(table, view, entityIndex, missing, total),
        });
      }
    }
    // entities without sample items but also without the index's key templates: still worth saying
    table.entities.forEach((entity, entityIndex) => {
      if (inTable.has(entityIndex)) return;
      const keys = [view.partitionKey, ...(view.sortKey ? [view.sortKey] : [])];
      if (keys.some((k) => entity.keys[k.name] === undefined))
        absent.push({ entity: entity.name, missing: 0, reason: absentReason(table, view, entityIndex, 0, 0) });
    });
  }
  return {
    table: table.name,
    view,
    rows,
    tableCount,
    count,
    partitionCount: data.partitions.size,
    absent,
    projected: data.projected ? [...data.projected] : undefined,
  };
}

/** The views of a table for the view selector: the table, then each GSI, then each LSI. */
export function viewOptions(table: Table): { value: string; label: string; index: string | undefined }[] {
  const options: { value: string; label: string; index: string | undefined }[] = [
    { value: '', label: `Table ${table.name}`, index: undefined },
  ];
  for (const gsi of table.globalSecondaryIndexes ?? [])
    options.push({ value: gsi.name, label: `GSI ${gsi.name}`, index: gsi.name });
  for (const lsi of table.localSecondaryIndexes ?? [])
    options.push({ value: lsi.name, label: `LSI ${lsi.name}`, index: lsi.name });
  return options;
}

export { findIndex };
