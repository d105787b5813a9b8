import type { Item } from '../model/attribute-value.js';
import { indexViews, type IndexView } from '../model/indexes.js';
import type { Entity, Model, Table } from '../model/schema.js';
import type { ResolvedPattern } from '../patterns/resolved-pattern.js';
import { findTable } from '../model/find-table.js';
import { estimatedItemCount, meanEntryBytes, representativeItems } from './entity-items.js';
import { queryShares } from './query-reads.js';
import { itemSize } from '../model/item-size.js';
import { readUnits, writeUnits, type ReadConsistency } from '../model/units.js';
import { indexEntry, writeCapacity, type WriteCapacity } from './write-capacity.js';

export interface PatternCapacity {
  pattern: string;
  table: string;
  operation: ResolvedPattern['operation'];
  /** Read units per request (RCU, or RRU on demand), charged to `readTarget`. */
  readUnits: number;
  /** The table, or the index a Query/Scan reads. */
  readTarget: string;
  consistency?: ReadConsistency;
  itemsRead?: number;
  bytesRead?: number;
  /** Write units per request charged to the table (item writes plus LSI entries). */
  tableWriteUnits: number;
  /** Write units per request charged to each GSI. */
  gsiWriteUnits: Record<string, number>;
  /** All write units of one request: table plus GSIs. */
  writeUnits: number;
  /** True when some sizes come from estimated items because the entity has no sample items. */
  estimated: boolean;
  notes: string[];
}

const mean = (values: number[]): number => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0);

function findEntity(table: Table, name: string): Entity | undefined {
  return table.entities.find((e) => e.name === name);
}

/** Capacity units one request of this pattern consumes, from the entity's sample items (or estimated ones). */
export function patternCapacity(model: Model, resolved: ResolvedPattern): PatternCapacity {
  const table = findTable(model, resolved.table);
  const view = indexViews(table).find((v) => v.name === resolved.indexName) ?? indexViews(table)[0]!;
  const result: PatternCapacity = {
    pattern: resolved.name,
    table: table.name,
    operation: resolved.operation,
    readUnits: 0,
    readTarget: view.name ?? table.name,
    tableWriteUnits: 0,
    gsiWriteUnits: {},
    writeUnits: 0,
    estimated: false,
    notes: [],
  };
  const entity = findEntity(table, resolved.entity);
  if (!entity && resolved.operation !== 'TransactWriteItems') {
    result.notes.push(`entity "${resolved.entity}" does not exist; no capacity estimated.`);
    return result;
  }
  switch (resolved.operation) {
    case 'GetItem':
    case 'BatchGetItem':
      addPointRead(result, table, entity!, resolved);
      break;
    case 'Query':
      addQuery(result, table, entity!, view, resolved);
      break;
    case 'Scan':
      addScan(result, table, view, resolved);
      break;
    case 'PutItem':
    case 'UpdateItem':
    case 'DeleteItem':
      addWrite(result, table, entity!, resolved, false);
      break;
    case 'TransactWriteItems':
      for (const item of resolved.transactItems ?? []) {
        const itemEntity = findEntity(table, item.entity);
        if (itemEntity) addWrite(result, table, itemEntity, item, true);
      }
      result.notes.push('transactional: every write costs twice the units.');
      break;
  }
  result.writeUnits = result.tableWriteUnits + Object.values(result.gsiWriteUnits).reduce((a, b) => a + b, 0);
  return result;
}

function consistencyOf(resolved: ResolvedPattern): ReadConsistency {
  return resolved.consistentRead ? 'strong' : 'eventual';
}

function itemsOf(result: PatternCapacity, table: Table, entity: Entity): Item[] {
  const { items, estimated } = representativeItems(table, entity);
  if (estimated) {
    result.estimated = true;
    result.notes.push(`entity "${entity.name}" has no sample items; its size is estimated from attribute types.`);
  }
  return items;
}

/** GetItem / BatchGetItem: each item rounded up to 4 KB on its own (the full item, whatever the projection). */
function addPointRead(result: PatternCapacity, table: Table, entity: Entity, resolved: ResolvedPattern): void {
  const consistency = consistencyOf(resolved);
  const items = itemsOf(result, table, entity);
  result.consistency = consistency;
  result.itemsRead = 1;
  result.bytesRead = meanEntryBytes(table, entity, '', (item) => item);
  result.readUnits =
    items.length === 1
      ? readUnits(result.bytesRead, consistency)
      : mean(items.map((item) => readUnits(itemSize(item), consistency)));
  if (resolved.projectionExpression)
    result.notes.push('a projection does not reduce read units: the whole item is read.');
}

/** Query/Scan: the items and bytes read, cut down to the limit (DynamoDB stops at Limit items), summed then rounded to 4 KB. */
function recordRead(result: PatternCapacity, resolved: ResolvedPattern, items: number, bytes: number): void {
  if (resolved.limit !== undefined && items > resolved.limit) {
    bytes *= resolved.limit / items;
    items = resolved.limit;
  }
  result.consistency = consistencyOf(resolved);
  result.itemsRead = items;
  result.bytesRead = bytes;
  result.readUnits = readUnits(bytes, result.consistency);
}

/** Query: the data read (before any filter), summed and then rounded up to 4 KB. */
function addQuery(
  result: PatternCapacity,
  table: Table,
  entity: Entity,
  view: IndexView,
  resolved: ResolvedPattern,
): void {
  const pattern = table.accessPatterns.find((p) => p.name === resolved.name);
  const shares = queryShares(table, entity, view, pattern);
  let items = 0;
  let bytes = 0;
  for (const share of shares) {
    itemsOf(result, table, share.entity);
    items += share.items;
    bytes +=
      share.items * meanEntryBytes(table, share.entity, view.name ?? '', (item) => indexEntry(table, view, item));
  }
  recordRead(result, resolved, items, bytes);
  const others = shares.filter((s) => s.entity !== entity).map((s) => s.entity.name);
  if (others.length)
    result.notes.push(`the partition also holds ${others.join(', ')} items, which the query reads too.`);
  if (resolved.filterExpression)
    result.notes.push('the filter does not reduce read units: filtered-out items are read and charged.');
}

/** Scan: every item of the table (or index), by the entities' expected item counts. */
function addScan(result: PatternCapacity, table: Table, view: IndexView, resolved: ResolvedPattern): void {
  let items = 0;
  let bytes = 0;
  for (const entity of table.entities) {
    const count = estimatedItemCount(table, entity);
    if (!count) continue;
    itemsOf(result, table, entity);
    const entryBytes = meanEntryBytes(table, entity, view.name ?? '', (item) => indexEntry(table, view, item));
    items += count;
    bytes += count * entryBytes;
  }
  recordRead(result, resolved, items, bytes);
  result.notes.push(
    'a Scan reads the whole table: its cost grows with the number of items (counts from seed settings or sample items).',
  );
}

/** Put/Update/Delete (and each write of a transaction): the item write plus its index entries. */
function addWrite(
  result: PatternCapacity,
  table: Table,
  entity: Entity,
  resolved: ResolvedPattern,
  transactional: boolean,
): void {
  const kind = resolved.operation === 'PutItem' ? 'put' : resolved.operation === 'UpdateItem' ? 'update' : 'delete';
  const changed = resolved.updateExpression ? Object.values(resolved.expressionAttributeNames) : [];
  // A ConditionCheck (carried as GetItem with a condition) writes nothing, but is charged like a write of the item.
  const isCheck = resolved.operation === 'GetItem';
  const writes = itemsOf(result, table, entity).map(
    (item): Pick<WriteCapacity, 'tableUnits' | 'indexes'> =>
      isCheck
        ? { tableUnits: writeUnits(itemSize(item), transactional), indexes: [] }
        : writeCapacity(table, item, { transactional, kind, changed }),
  );
  result.tableWriteUnits += mean(writes.map((w) => w.tableUnits));
  for (const w of writes) {
    for (const index of w.indexes) {
      if (index.kind !== 'gsi') continue;
      result.gsiWriteUnits[index.index] = (result.gsiWriteUnits[index.index] ?? 0) + index.units / writes.length;
    }
  }
}
