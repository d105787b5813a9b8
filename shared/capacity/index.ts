export { patternCapacity, type PatternCapacity } from './pattern-capacity.js';
export { writeCapacity, indexEntry, type WriteCapacity, type IndexWrite, type WriteOptions } from './write-capacity.js';
export { monthlyCost, HOURS_PER_MONTH, type MonthlyCost, type TableCost, type PatternCost } from './monthly-cost.js';
export { PRICE_TABLE, pricesFor, type PriceTable, type RegionPrices } from './price-table.js';
export { readUnits, writeUnits, READ_FACTOR, type ReadConsistency } from '../model/units.js';
export { averageItemSize, estimatedItem, estimatedItemCount, representativeItems } from './entity-items.js';
export { itemSize, utf8Length } from '../model/item-size.js';
export {
  estimateModel,
  type Estimate,
  type EstimateOptions,
  type EntityEstimate,
  type PatternEstimate,
  type TableEstimate,
} from './estimate.js';
