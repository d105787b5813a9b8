import { MonotableError } from '../errors/monotable-error.js';

/** DynamoDB prices of one Region in USD (Standard table class unless said otherwise). */
export interface RegionPrices {
  region: string;
  onDemand: { perMillionReadRequestUnits: number; perMillionWriteRequestUnits: number };
  provisioned: { perReadCapacityUnitHour: number; perWriteCapacityUnitHour: number };
  storage: { standardPerGBMonth: number; infrequentAccessPerGBMonth: number };
}

export interface PriceTable {
  /** The date these prices were read; shown with every estimate. */
  asOf: string;
  currency: 'USD';
  source: string;
  notes: string[];
  regions: RegionPrices[];
}

/**
 * Data, not logic: update the numbers and `asOf` together. On-demand prices are the ones after AWS halved
 * on-demand throughput prices on 1 November 2024; a table from before that date is 2× off.
 */
export const PRICE_TABLE: PriceTable = {
  asOf: '2024-11-01',
  currency: 'USD',
  source: 'https://aws.amazon.com/dynamodb/pricing/',
  notes: [
    'On-demand throughput prices after the 1 November 2024 reduction.',
    'Standard-IA tables have different request prices; estimates use the Standard request prices and the IA storage price.',
    'Not included: backups, point-in-time recovery, streams reads, global-table replication, data transfer, reserved capacity.',
  ],
  regions: [
    {
      region: 'us-east-1',
      onDemand: { perMillionReadRequestUnits: 0.125, perMillionWriteRequestUnits: 0.625 },
      provisioned: { perReadCapacityUnitHour: 0.00013, perWriteCapacityUnitHour: 0.00065 },
      storage: { standardPerGBMonth: 0.25, infrequentAccessPerGBMonth: 0.1 },
    },
    {
      region: 'us-west-2',
      onDemand: { perMillionReadRequestUnits: 0.125, perMillionWriteRequestUnits: 0.625 },
      provisioned: { perReadCapacityUnitHour: 0.00013, perWriteCapacityUnitHour: 0.00065 },
      storage: { standardPerGBMonth: 0.25, infrequentAccessPerGBMonth: 0.1 },
    },
  ],
};

export function pricesFor(region: string, table: PriceTable = PRICE_TABLE): RegionPrices {
  const prices = table.regions.find((r) => r.region === region);
  if (prices) return prices;
  throw new MonotableError('NOT_FOUND', `The price table (as of ${table.asOf}) has no prices for Region "${region}".`, {
    hint: `Regions with prices: ${table.regions.map((r) => r.region).join(', ')}; or pass your own RegionPrices.`,
  });
}
