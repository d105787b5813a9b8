import { MonotableError } from '../errors/monotable-error.js';
import type { AccessPattern, Model } from '../model/schema.js';
import { resolveAll } from '../patterns/resolve.js';
import { averageItemSize, estimatedItemCount, representativeItems } from './entity-items.js';
import { monthlyCost } from './monthly-cost.js';
import { patternCapacity } from './pattern-capacity.js';
import { PRICE_TABLE, pricesFor } from './price-table.js';

export interface EstimateOptions {
  /** The Region whose prices are used (default us-east-1; the price table lists the Regions it has). */
  region?: string;
  /** Requests per second of every read pattern (Get, Query, Scan, BatchGet), instead of the model's. */
  readsPerSecond?: number;
  /** Requests per second of every write pattern (Put, Update, Delete, transactions), instead of the model's. */
  writesPerSecond?: number;
  /** Requests per second of one pattern, by name; wins over the two above and over the model. */
  requestsPerSecond?: Record<string, number>;
}

export interface EntityEstimate {
  entity: string;
  /** Items a full table holds (seed.count, parents × perParent, else the sample items). */
  items: number;
  /** Mean item size in bytes (UTF-8 names and values, DynamoDB's rule). */
  averageItemBytes: number;
  /** True when the entity has no sample items and its size comes from its attribute types. */
  estimatedSize: boolean;
}

export interface PatternEstimate {
  pattern: string;
  operation: string;
  /** The table, or the index a Query/Scan reads. */
  readTarget: string;
  consistency?: string;
  /** Read units (RCU / RRU) of one request. */
  readUnits: number;
  /** Write units of one request charged to the table (item plus LSI entries). */
  tableWriteUnits: number;
  /** Write units of one request charged to each GSI (secondary-index write amplification). */
  gsiWriteUnits: Record<string, number>;
  /** Every write unit of one request: table plus GSIs. */
  writeUnits: number;
  requestsPerSecond: number;
  readUnitsPerMonth: number;
  writeUnitsPerMonth: number;
  /** On-demand request cost per month in USD (0 on provisioned tables, paid per capacity hour). */
  cost: number;
  notes: string[];
}

export interface TableEstimate {
  table: string;
  billing: 'on-demand' | 'provisioned';
  entities: EntityEstimate[];
  patterns: PatternEstimate[];
  requestCost: number;
  provisionedCost: number;
  storageGB: number;
  storageCost: number;
  total: number;
  notes: string[];
}

export interface Estimate {
  region: string;
  /** The date of the price table: prices change, so every estimate says which ones it used. */
  pricesAsOf: string;
  priceSource: string;
  currency: 'USD';
  hoursPerMonth: number;
  tables: TableEstimate[];
  total: number;
  notes: string[];
}

const READS = new Set(['GetItem', 'Query', 'Scan', 'BatchGetItem']);

function checkRate(value: number | undefined, what: string): void {
  if (value !== undefined && !(Number.isFinite(value) && value >= 0))
    throw new MonotableError('BAD_INPUT', `${what} ${value} is not a number ≥ 0.`, { hint: 'e.g. 100' });
}

/** The model with each pattern's requestsPerSecond as the options say (a new object; the model is not changed). */
function withRates(model: Model, options: EstimateOptions): Model {
  const perPattern = options.requestsPerSecond ?? {};
  const known = new Set(model.tables.flatMap((t) => t.accessPatterns.map((p) => p.name)));
  for (const [name, rate] of Object.entries(perPattern)) {
    if (!known.has(name))
      throw new MonotableError('NOT_FOUND', `The model has no access pattern "${name}".`, {
        hint: `Patterns: ${[...known].join(', ') || '(none)'}.`,
      });
    checkRate(rate, `The rate of "${name}"`);
  }
  checkRate(options.readsPerSecond, 'readsPerSecond');
  checkRate(options.writesPerSecond, 'writesPerSecond');
  if (
    Object.keys(perPattern).length === 0 &&
    options.readsPerSecond === undefined &&
    options.writesPerSecond === undefined
  )
    return model;
  const operations = new Map(resolveAll(model).map((r) => [`${r.table}\u0000${r.name}`, r.operation]));
  return {
    ...model,
    tables: model.tables.map((table) => ({
      ...table,
      accessPatterns: table.accessPatterns.map((pattern): AccessPattern => {
        const read = READS.has(operations.get(`${table.name}\u0000${pattern.name}`) ?? '');
        const rate = perPattern[pattern.name] ?? (read ? options.readsPerSecond : options.writesPerSecond);
        return rate === undefined ? pattern : { ...pattern, requestsPerSecond: rate };
      }),
    })),
  };
}

/**
 * What the model costs to run: each entity's item count and mean size, each pattern's read and write units per
 * request (GSI write amplification included) and per month at its request rate, and the monthly cost of requests,
 * provisioned capacity and storage, priced from the price table of the Region (its date is in the result).
 */
export function estimateModel(model: Model, options: EstimateOptions = {}): Estimate {
  const prices = pricesFor(options.region ?? 'us-east-1');
  const rated = withRates(model, options);
  const cost = monthlyCost(rated, prices);
  const resolved = resolveAll(rated);
  const tables = rated.tables.map((table, i): TableEstimate => {
    const tableCost = cost.tables[i]!;
    const entities = table.entities.map((entity) => ({
      entity: entity.name,
      items: estimatedItemCount(table, entity),
      averageItemBytes: Math.round(averageItemSize(table, entity)),
      estimatedSize: representativeItems(table, entity).estimated,
    }));
    const patterns = resolved
      .filter((r) => r.table === table.name)
      .map((r, j): PatternEstimate => {
        const capacity = patternCapacity(rated, r);
        const priced = tableCost.patterns[j]!;
        return {
          pattern: r.name,
          operation: r.operation,
          readTarget: capacity.readTarget,
          ...(capacity.consistency !== undefined && { consistency: capacity.consistency }),
          readUnits: capacity.readUnits,
          tableWriteUnits: capacity.tableWriteUnits,
          gsiWriteUnits: capacity.gsiWriteUnits,
          writeUnits: capacity.writeUnits,
          requestsPerSecond: priced.requestsPerSecond,
          readUnitsPerMonth: priced.readUnitsPerMonth,
          writeUnitsPerMonth: priced.writeUnitsPerMonth,
          cost: priced.cost,
          notes: capacity.notes,
        };
      });
    return {
      table: table.name,
      billing: tableCost.billing,
      entities,
      patterns,
      requestCost: tableCost.requestCost,
      provisionedCost: tableCost.provisionedCost,
      storageGB: tableCost.storageGB,
      storageCost: tableCost.storageCost,
      total: tableCost.total,
      notes: tableCost.notes,
    };
  });
  return {
    region: cost.region,
    pricesAsOf: cost.asOf,
    priceSource: PRICE_TABLE.source,
    currency: 'USD',
    hoursPerMonth: cost.hoursPerMonth,
    tables,
    total: cost.total,
    notes: cost.notes,
  };
}
