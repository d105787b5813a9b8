import type { Model, Table } from '../model/schema.js';
import { indexViews } from '../model/indexes.js';
import { resolveAll } from '../patterns/resolve.js';
import { estimatedItemCount, representativeItems } from './entity-items.js';
import { itemSize } from '../model/item-size.js';
import { patternCapacity } from './pattern-capacity.js';
import { PRICE_TABLE, pricesFor, type RegionPrices } from './price-table.js';
import { indexEntry } from './write-capacity.js';
import { provisionedCost, type Demand } from './provisioned-cost.js';

export const HOURS_PER_MONTH = 730;
const SECONDS_PER_MONTH = HOURS_PER_MONTH * 3600;
/** DynamoDB bills 100 bytes of indexing overhead per stored item (and per index entry). */
const STORAGE_OVERHEAD_BYTES = 100;
const GB = 1024 ** 3;

export interface PatternCost {
  pattern: string;
  requestsPerSecond: number;
  readUnitsPerMonth: number;
  writeUnitsPerMonth: number;
  /** On-demand request cost; 0 on provisioned tables, whose capacity is paid per hour. */
  cost: number;
}

export interface TableCost {
  table: string;
  billing: 'on-demand' | 'provisioned';
  patterns: PatternCost[];
  readUnitsPerMonth: number;
  writeUnitsPerMonth: number;
  requestCost: number;
  /** Provisioned tables: table + GSI capacity per hour × hours per month. */
  provisionedCost: number;
  storageGB: number;
  storageCost: number;
  total: number;
  notes: string[];
}

export interface MonthlyCost {
  region: string;
  asOf: string;
  currency: 'USD';
  hoursPerMonth: number;
  tables: TableCost[];
  total: number;
  notes: string[];
}

const round = (n: number, digits = 4): number => Math.round(n * 10 ** digits) / 10 ** digits;

/**
 * Monthly cost estimate: each pattern's units per request × its `requestsPerSecond` × seconds per month,
 * priced on demand (or provisioned capacity per hour), plus storage of the expected items and index entries.
 */
export function monthlyCost(model: Model, prices: RegionPrices = pricesFor('us-east-1')): MonthlyCost {
  const resolved = resolveAll(model);
  const tables = model.tables.map((table) =>
    tableCost(
      model,
      table,
      resolved.filter((r) => r.table === table.name),
      prices,
    ),
  );
  return {
    region: prices.region,
    asOf: PRICE_TABLE.asOf,
    currency: 'USD',
    hoursPerMonth: HOURS_PER_MONTH,
    tables,
    total: round(
      tables.reduce((sum, t) => sum + t.total, 0),
      2,
    ),
    notes: PRICE_TABLE.notes,
  };
}

function tableCost(
  model: Model,
  table: Table,
  resolved: ReturnType<typeof resolveAll>,
  prices: RegionPrices,
): TableCost {
  const onDemand = table.billing.mode === 'on-demand';
  const notes: string[] = [];
  const demand = new Map<string, Demand>();
  const addDemand = (target: string, reads: number, writes: number): void => {
    const d = demand.get(target) ?? { reads: 0, writes: 0 };
    demand.set(target, { reads: d.reads + reads, writes: d.writes + writes });
  };
  const patterns = resolved.map((r): PatternCost => {
    const rps = table.accessPatterns.find((p) => p.name === r.name)?.requestsPerSecond ?? 0;
    const capacity = patternCapacity(model, r);
    addDemand(capacity.readTarget, capacity.readUnits * rps, 0);
    addDemand(table.name, 0, capacity.tableWriteUnits * rps);
    for (const [gsi, units] of Object.entries(capacity.gsiWriteUnits)) addDemand(gsi, 0, units * rps);
    const reads = capacity.readUnits * rps * SECONDS_PER_MONTH;
    const writes = capacity.writeUnits * rps * SECONDS_PER_MONTH;
    const cost = onDemand
      ? (reads / 1e6) * prices.onDemand.perMillionReadRequestUnits +
        (writes / 1e6) * prices.onDemand.perMillionWriteRequestUnits
      : 0;
    return {
      pattern: r.name,
      requestsPerSecond: rps,
      readUnitsPerMonth: round(reads, 0),
      writeUnitsPerMonth: round(writes, 0),
      cost: round(cost),
    };
  });
  if (patterns.every((p) => p.requestsPerSecond === 0))
    notes.push('no pattern has "requestsPerSecond"; request costs are 0.');
  const readUnitsPerMonth = patterns.reduce((s, p) => s + p.readUnitsPerMonth, 0);
  const writeUnitsPerMonth = patterns.reduce((s, p) => s + p.writeUnitsPerMonth, 0);
  const requestCost = patterns.reduce((s, p) => s + p.cost, 0);
  const capacityCost = onDemand ? 0 : provisionedCost(table, demand, prices, HOURS_PER_MONTH, notes);
  const storageGB = storageBytes(table) / GB;
  const perGB =
    table.tableClass === 'STANDARD_INFREQUENT_ACCESS'
      ? prices.storage.infrequentAccessPerGBMonth
      : prices.storage.standardPerGBMonth;
  const storageCost = storageGB * perGB;
  return {
    table: table.name,
    billing: table.billing.mode,
    patterns,
    readUnitsPerMonth,
    writeUnitsPerMonth,
    requestCost: round(requestCost),
    provisionedCost: round(capacityCost),
    storageGB: round(storageGB, 6),
    storageCost: round(storageCost),
    total: round(requestCost + capacityCost + storageCost),
    notes,
  };
}

/** Expected items of every entity plus their index entries, each with the 100-byte overhead. */
function storageBytes(table: Table): number {
  const views = indexViews(table).slice(1);
  let bytes = 0;
  for (const entity of table.entities) {
    const count = estimatedItemCount(table, entity);
    if (!count) continue;
    const { items } = representativeItems(table, entity);
    for (const item of items) {
      let perItem = itemSize(item) + STORAGE_OVERHEAD_BYTES;
      for (const view of views) {
        const inView =
          item[view.partitionKey.name] !== undefined && (!view.sortKey || item[view.sortKey.name] !== undefined);
        if (inView) perItem += itemSize(indexEntry(table, view, item)) + STORAGE_OVERHEAD_BYTES;
      }
      bytes += (perItem * count) / items.length;
    }
  }
  return bytes;
}
