import type { KeyAttribute, Projection, Table } from './schema.js';

/** The table itself or one of its secondary indexes, seen the same way: keys plus projection. */
export interface IndexView {
  /** undefined for the table itself. */
  name: string | undefined;
  kind: 'table' | 'gsi' | 'lsi';
  partitionKey: KeyAttribute;
  sortKey: KeyAttribute | undefined;
  projection: Projection;
}

/** The table first, then its GSIs, then its LSIs, in model order. */
export function indexViews(table: Table): IndexView[] {
  const views: IndexView[] = [
    {
      name: undefined,
      kind: 'table',
      partitionKey: table.partitionKey,
      sortKey: table.sortKey,
      projection: { type: 'ALL' },
    },
  ];
  for (const gsi of table.globalSecondaryIndexes ?? []) {
    views.push({
      name: gsi.name,
      kind: 'gsi',
      partitionKey: gsi.partitionKey,
      sortKey: gsi.sortKey,
      projection: gsi.projection,
    });
  }
  for (const lsi of table.localSecondaryIndexes ?? []) {
    views.push({
      name: lsi.name,
      kind: 'lsi',
      partitionKey: table.partitionKey,
      sortKey: lsi.sortKey,
      projection: lsi.projection,
    });
  }
  return views;
}

/** Every key attribute of the table and its indexes, each once, table keys first. */
export function keyAttributes(table: Table): KeyAttribute[] {
  const seen = new Map<string, KeyAttribute>();
  for (const view of indexViews(table)) {
    for (const key of [view.partitionKey, view.sortKey]) {
      if (key && !seen.has(key.name)) seen.set(key.name, key);
    }
  }
  return [...seen.values()];
}

/** The attribute names that identify an item in the table: partition key and sort key. */
export function primaryKeyNames(table: Table): string[] {
  return table.sortKey ? [table.partitionKey.name, table.sortKey.name] : [table.partitionKey.name];
}

export function findIndex(table: Table, name: string | undefined): IndexView | undefined {
  return indexViews(table).find((v) => v.name === name);
}
