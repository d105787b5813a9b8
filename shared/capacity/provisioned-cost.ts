import type { Table } from '../model/schema.js';
import type { RegionPrices } from './price-table.js';

/** Average units per second a table or GSI must serve. */
export interface Demand {
  reads: number;
  writes: number;
}

const clamp = (n: number, min: number, max: number): number => Math.min(max, Math.max(min, n));

/**
 * Provisioned capacity cost per month. Without auto-scaling the table and each GSI pay their configured
 * units; with auto-scaling each follows its average demand at the target utilisation, within min and max.
 * Demand above what is provisioned is noted: those requests would be throttled.
 */
export function provisionedCost(
  table: Table,
  demand: ReadonlyMap<string, Demand>,
  prices: RegionPrices,
  hours: number,
  notes: string[],
): number {
  if (table.billing.mode !== 'provisioned') return 0;
  const billing = table.billing;
  const targets = [
    { name: table.name, label: `table ${table.name}`, read: billing.read, write: billing.write },
    ...(table.globalSecondaryIndexes ?? []).map((g) => ({
      name: g.name,
      label: `GSI ${g.name}`,
      read: g.throughput?.read ?? billing.read,
      write: g.throughput?.write ?? billing.write,
    })),
  ];
  let cost = 0;
  for (const target of targets) {
    const need = demand.get(target.name) ?? { reads: 0, writes: 0 };
    let { read, write } = target;
    const scaling = billing.autoScaling;
    if (scaling) {
      const utilisation = scaling.targetUtilization / 100;
      read = clamp(Math.ceil(need.reads / utilisation), scaling.minRead, scaling.maxRead);
      write = clamp(Math.ceil(need.writes / utilisation), scaling.minWrite, scaling.maxWrite);
    }
    if (need.reads > read || need.writes > write) {
      notes.push(
        `${target.label} needs ${need.reads.toFixed(1)} RCU / ${need.writes.toFixed(1)} WCU on average but has ${read} / ${write}: expect throttling.`,
      );
    }
    cost +=
      hours * (read * prices.provisioned.perReadCapacityUnitHour + write * prices.provisioned.perWriteCapacityUnitHour);
  }
  return cost;
}
