import { MonotableError } from '../../../shared/errors/monotable-error.js';
import type { Item } from '../../../shared/model/attribute-value.js';
import { ItemSchema } from '../../../shared/model/attribute-value-schema.js';
import type { OperationResult, PageEvent } from '../../../shared/api/methods/operations.js';
import type { CommandIo } from '../command.js';
import { exportPages } from '../json-lines.js';

/** The options `run`, `query` and `scan` share: paging and output. */
export const READ_OPTIONS = {
  limit: { type: 'string' },
  all: { type: 'boolean' },
  'max-items': { type: 'string' },
  'start-key': { type: 'string' },
  plain: { type: 'boolean' },
  'hide-expired': { type: 'boolean' },
} as const;

export const READ_USAGE = `Paging and output:
  --limit N          page size (DynamoDB Limit: items evaluated per request)
  --all              follow LastEvaluatedKey to the end (or --max-items)
  --max-items N      stop after N items; the summary then says "truncated" and how to continue
  --start-key JSON   continue after this key (the summary prints it: --start-key '{"pk":{"S":"…"}}')
  --plain            simplified JSON (numbers beyond 2^53 as strings, sets as arrays); default: DynamoDB-typed JSON
  --hide-expired     leave out items whose TTL (the table's ttlAttribute) has passed but that are not deleted yet

Each item is one JSON line on stdout; the summary (count, pages, consumed capacity) goes to stderr.`;

export interface ReadFlags {
  limit?: number;
  all: boolean;
  hideExpired: boolean;
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
  const flags: ReadFlags = {
    all: values.all === true,
    plain: values.plain === true,
    hideExpired: values['hide-expired'] === true,
  };
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

/** The contract's paging fields from the flags, streaming: every page goes out as an event. */
export function readInput(flags: ReadFlags): {
  stream: true;
  all: boolean;
  hideExpired?: true;
  limit?: number;
  maxItems?: number;
  exclusiveStartKey?: Item;
} {
  return {
    stream: true,
    all: flags.all,
    ...(flags.hideExpired && { hideExpired: true as const }),
    ...(flags.limit !== undefined && { limit: flags.limit }),
    ...(flags.maxItems !== undefined && { maxItems: flags.maxItems }),
    ...(flags.exclusiveStartKey !== undefined && { exclusiveStartKey: flags.exclusiveStartKey }),
  };
}

/**
 * Makes a streaming read through the contract and writes its items to stdout as JSON lines, page by page as the
 * page events arrive (waiting for stdout to drain when its buffer is full); returns the result and how many items
 * went out, for `writeSummary`.
 */
export async function streamToStdout(
  io: CommandIo,
  plain: boolean,
  read: (onEvent: (event: PageEvent) => Promise<void>) => Promise<OperationResult>,
): Promise<{ summary: OperationResult; items: number }> {
  const { result, items } = await exportPages(io.stdout, plain ? 'plain' : 'typed', read, undefined, io.signal);
  return { summary: result, items };
}

const plural = (n: number, one: string, many = `${one}s`): string =>
  `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** What a write did, in words: "1 item written"; a transaction says how many of its writes. */
function writeWords(summary: OperationResult): string {
  const n = summary.itemsWritten ?? 0;
  // DynamoDB does not say whether there was an item to delete unless the old one is returned.
  if (summary.operation === 'DeleteItem')
    return `${plural(n, 'item')} deleted${summary.attributes ? '' : ' (if it existed)'}`;
  return `${plural(n, 'item')} written`;
}

export function writeSummary(io: CommandIo, summary: OperationResult, items: number): void {
  const units = Number.isInteger(summary.consumedCapacity)
    ? String(summary.consumedCapacity)
    : summary.consumedCapacity.toFixed(1);
  const parts =
    summary.itemsWritten !== undefined
      ? [`${summary.operation}: ${writeWords(summary)}`]
      : [`${summary.operation}: ${items} item(s)`, `${summary.pages} page(s)`];
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
