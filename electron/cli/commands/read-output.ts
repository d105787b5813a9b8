import { MonotableError } from '../../../shared/errors/monotable-error.js';
import { ItemSchema, type Item } from '../../../shared/model/attribute-value.js';
import type { OpenConnection } from '../../backend/connections/connection.js';
import type { RunOptions } from '../../backend/operations/run-operation.js';
import { jsonLinesWriter } from '../../backend/operations/scan-export.js';
import type { LowLevelRequest } from '../../backend/operations/send-operation.js';
import { streamOperation, type StreamSummary } from '../../backend/operations/stream-operation.js';
import type { CommandIo } from '../command.js';

/** The options `run`, `query` and `scan` share: paging and output. */
export const READ_OPTIONS = {
  limit: { type: 'string' },
  all: { type: 'boolean' },
  'max-items': { type: 'string' },
  'start-key': { type: 'string' },
  plain: { type: 'boolean' },
} as const;

export const READ_USAGE = `Paging and output:
  --limit N          page size (DynamoDB Limit: items evaluated per request)
  --all              follow LastEvaluatedKey to the end (or --max-items)
  --max-items N      stop after N items; the summary then says "truncated" and how to continue
  --start-key JSON   continue after this key (the summary prints it: --start-key '{"pk":{"S":"…"}}')
  --plain            simplified JSON (numbers beyond 2^53 as strings, sets as arrays); default: DynamoDB-typed JSON

Each item is one JSON line on stdout; the summary (count, pages, consumed capacity) goes to stderr.`;

export interface ReadFlags {
  limit?: number;
  all: boolean;
  maxItems?: number;
  exclusiveStartKey?: Item;
  plain: boolean;
}

function positiveInt(values: Record<string, unknown>, name: string): number | undefined {
  const text = values[name];
  if (typeof text !== 'string') return undefined;
  if (!/^[1-9]\d{0,8}$/.test(text))
    throw new MonotableError('BAD_INPUT', `--${name} "${text}" is not a positive whole number.`, {
      hint: `e.g. --${name} 100`,
    });
  return Number(text);
}

export function readFlags(values: Record<string, unknown>): ReadFlags {
  const flags: ReadFlags = { all: values.all === true, plain: values.plain === true };
  const limit = positiveInt(values, 'limit');
  const maxItems = positiveInt(values, 'max-items');
  if (limit !== undefined) flags.limit = limit;
  if (maxItems !== undefined) {
    flags.maxItems = maxItems;
    flags.all = true;
  }
  const startKey = values['start-key'];
  if (typeof startKey === 'string') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(startKey);
    } catch {
      throw new MonotableError('BAD_INPUT', '--start-key is not JSON.', {
        hint: 'Pass the lastEvaluatedKey the summary printed, in single quotes.',
      });
    }
    const key = ItemSchema.safeParse(parsed);
    if (!key.success)
      throw new MonotableError('BAD_INPUT', '--start-key is not a DynamoDB-typed key such as {"pk":{"S":"A"}}.', {
        hint: 'Pass the lastEvaluatedKey the summary printed.',
      });
    flags.exclusiveStartKey = key.data;
  }
  return flags;
}

/**
 * Runs the request and writes its items to stdout as JSON lines, page by page (waiting for stdout to drain when its
 * buffer is full); returns the summary and how many items went out, for `writeSummary`.
 */
export async function streamToStdout(
  connection: OpenConnection,
  request: LowLevelRequest,
  options: RunOptions,
  io: CommandIo,
  plain: boolean,
): Promise<{ summary: StreamSummary; items: number }> {
  let items = 0;
  const write = jsonLinesWriter(io.stdout, plain ? 'plain' : 'typed');
  const summary = await streamOperation(connection, request, options, async (page) => {
    items += page.length;
    await write(page);
  });
  return { summary, items };
}

export function writeSummary(io: CommandIo, summary: StreamSummary, items: number): void {
  const units = Number.isInteger(summary.consumedCapacity)
    ? String(summary.consumedCapacity)
    : summary.consumedCapacity.toFixed(1);
  const parts = [`${summary.operation}: ${items} item(s)`, `${summary.pages} page(s)`];
  if (summary.scannedCount !== summary.count) parts.push(`${summary.scannedCount} scanned`);
  parts.push(`${units} capacity unit(s) consumed`);
  const lines = [parts.join(', ')];
  if (summary.attributes) lines.push(`attributes: ${JSON.stringify(summary.attributes)}`);
  if (summary.lastEvaluatedKey) {
    const why = summary.truncated ? 'truncated at --max-items' : 'more items';
    lines.push(
      `${why}: continue with --start-key '${JSON.stringify(summary.lastEvaluatedKey)}'${summary.truncated ? '' : ' (or --all)'}`,
    );
  }
  io.stderr.write(`${lines.join('\n')}\n`);
}
