import { estimateModel, type Estimate, type EstimateOptions } from '../../../shared/capacity/estimate.js';
import { MonotableError } from '../../../shared/errors/monotable-error.js';
import { singleFile, stringOption } from '../arguments.js';
import { EXIT, type Command } from '../command.js';
import { formatDiagnostic } from '../format-diagnostics.js';
import { loadModelFile } from '../load-model.js';

const USAGE = `Usage: monotable estimate FILE [--reads-per-second N] [--writes-per-second N] [--rate PATTERN=N ...] [--region R] [--json]

What the model costs to run, with no engine: each entity's item count and mean size (UTF-8 bytes), each access
pattern's read and write units per request (secondary-index writes included: a GSI charges its own write units)
and per month at its request rate, and the monthly cost of requests, provisioned capacity and storage. Prices come
from Monotable's price table, whose date is printed with every estimate.

Request rates: each pattern's requestsPerSecond in the model, unless overridden here.
  --reads-per-second N    every read pattern (Get, Query, Scan, BatchGet) at N requests per second
  --writes-per-second N   every write pattern (Put, Update, Delete, transactions) at N requests per second
  --rate PATTERN=N        this pattern at N requests per second (repeatable; wins over the two above)
  --region R              prices of this Region (default us-east-1)
  --json                  print the estimate as one JSON object`;

function rate(text: string, flag: string): number {
  const n = Number(text);
  if (text.trim() === '' || !Number.isFinite(n) || n < 0)
    throw new MonotableError('BAD_INPUT', `${flag} "${text}" is not a number ≥ 0.`, { hint: `e.g. ${flag} 50` });
  return n;
}

function estimateOptions(values: Record<string, unknown>): EstimateOptions {
  const options: EstimateOptions = {};
  const reads = stringOption(values, 'reads-per-second');
  const writes = stringOption(values, 'writes-per-second');
  const region = stringOption(values, 'region');
  if (reads !== undefined) options.readsPerSecond = rate(reads, '--reads-per-second');
  if (writes !== undefined) options.writesPerSecond = rate(writes, '--writes-per-second');
  if (region !== undefined) options.region = region;
  for (const entry of Array.isArray(values.rate) ? (values.rate as string[]) : []) {
    const eq = entry.lastIndexOf('=');
    if (eq <= 0)
      throw new MonotableError('BAD_INPUT', `--rate "${entry}" is not PATTERN=N.`, {
        hint: 'e.g. --rate list-messages=200',
      });
    options.requestsPerSecond ??= {};
    options.requestsPerSecond[entry.slice(0, eq)] = rate(entry.slice(eq + 1), '--rate');
  }
  return options;
}

const usd = (n: number): string => (n === 0 ? '$0' : n < 0.01 ? `$${n.toPrecision(2)}` : `$${n.toFixed(2)}`);
const units = (n: number): string => (Number.isInteger(n) ? String(n) : n.toFixed(2));

/** Aligned columns; the last column is not padded. */
function columns(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!))).join('  '));
}

export function estimateText(estimate: Estimate): string {
  const out = [
    `Prices: ${estimate.region}, ${estimate.currency}, as of ${estimate.pricesAsOf} (${estimate.priceSource}); ${estimate.hoursPerMonth} hours per month`,
  ];
  for (const t of estimate.tables) {
    out.push('', `Table ${t.table} (${t.billing})`);
    if (t.entities.length > 0)
      out.push(
        ...columns([
          ['  ENTITY', 'ITEMS', 'AVG ITEM SIZE'],
          ...t.entities.map((e) => [
            `  ${e.entity}`,
            Math.round(e.items).toLocaleString('en-US'), // an expected count (a mean over the seed's draws)
            `${e.averageItemBytes.toLocaleString('en-US')} B${e.estimatedSize ? ' (estimated from types)' : ''}`,
          ]),
        ]),
      );
    if (t.patterns.length > 0) {
      out.push('');
      out.push(
        ...columns([
          ['  PATTERN', 'OPERATION', 'READS', 'RCU/REQ', 'WCU/REQ', 'GSI WCU/REQ', 'REQ/S', 'COST/MONTH'],
          ...t.patterns.map((p) => [
            `  ${p.pattern}`,
            p.operation,
            p.readUnits > 0 ? p.readTarget : '-',
            units(p.readUnits),
            units(p.tableWriteUnits),
            Object.entries(p.gsiWriteUnits)
              .map(([gsi, n]) => `${gsi} ${units(n)}`)
              .join(', ') || '-',
            units(p.requestsPerSecond),
            t.billing === 'on-demand' ? usd(p.cost) : '(capacity)',
          ]),
        ]),
      );
    }
    const capacity = t.billing === 'provisioned' ? `, provisioned capacity ${usd(t.provisionedCost)}` : '';
    out.push(
      '',
      `  requests ${usd(t.requestCost)}${capacity}, storage ${t.storageGB.toPrecision(3)} GB ${usd(t.storageCost)}: ${usd(t.total)} per month`,
    );
    for (const p of t.patterns) for (const note of p.notes) out.push(`  note (${p.pattern}): ${note}`);
    for (const note of t.notes) out.push(`  note: ${note}`);
  }
  out.push('', `Total: ${usd(estimate.total)} per month`);
  for (const note of estimate.notes) out.push(`note: ${note}`);
  return `${out.join('\n')}\n`;
}

export const estimateCommand: Command = {
  name: 'estimate',
  usage: USAGE,
  options: {
    'reads-per-second': { type: 'string' },
    'writes-per-second': { type: 'string' },
    rate: { type: 'string', multiple: true },
    region: { type: 'string' },
    json: { type: 'boolean' },
  },
  async run({ values, positionals }, io) {
    const file = singleFile(positionals, USAGE);
    const options = estimateOptions(values);
    const { model, notes } = await loadModelFile(file, io);
    for (const note of notes) io.stderr.write(`note: ${formatDiagnostic(note)}\n`);
    // Design-time work runs on shared/ directly, as the renderer does (docs/decisions/0003-one-door.md).
    const estimate = estimateModel(model, options);
    io.stdout.write(values.json === true ? `${JSON.stringify(estimate, null, 2)}\n` : estimateText(estimate));
    return EXIT.OK;
  },
};
