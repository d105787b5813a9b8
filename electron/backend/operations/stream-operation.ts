import { setMaxListeners } from 'node:events';
import { MonotableError, isMonotableError } from '../../../shared/errors/monotable-error.js';
import type { OpenConnection } from '../connections/connection.js';
import { readPages, type Page, type PagedRequest, type ReadOptions } from './read-pages.js';
import type { OperationResult } from './run-operation.js';

/** An OperationResult without the items, which went to the caller page by page. */
export type StreamSummary = Omit<OperationResult, 'items'>;

export interface StreamOptions extends ReadOptions {
  /** Parallel Scan: this many segments read at once (a whole-table Scan only: `all`, no maxItems, no start key). */
  segments?: number;
}

/** Totals after a page: pages and items read so far (over every segment). */
export interface StreamTotals {
  pages: number;
  items: number;
}

/** Called once per page, in the order pages arrive; awaited before that segment asks for its next page. */
export type PageHandler = (page: Page, totals: StreamTotals) => unknown;

const MAX_SEGMENTS = 1_000_000;
/** Segments read at once in a parallel Scan. */
export const SEGMENTS_IN_FLIGHT = 16;

/** Parallel segments read a whole table: anything else is BAD_INPUT saying what to change. */
function checkSegments(request: PagedRequest, options: StreamOptions): number {
  const segments = options.segments ?? 1;
  if (segments === 1) return 1;
  if (!Number.isInteger(segments) || segments < 1 || segments > MAX_SEGMENTS)
    throw new MonotableError(
      'BAD_INPUT',
      `segments must be a whole number from 1 to ${MAX_SEGMENTS}, got ${segments}.`,
      {
        hint: 'e.g. --segments 4',
      },
    );
  if (
    request.operation !== 'Scan' ||
    options.all !== true ||
    options.maxItems !== undefined ||
    options.exclusiveStartKey !== undefined
  ) {
    throw new MonotableError(
      'BAD_INPUT',
      `A parallel Scan (${segments} segments) reads the whole table: it needs all pages, and no item cap or start key.`,
      { hint: 'Add --all (api: all: true) and drop --max-items/--start-key, or drop --segments.' },
    );
  }
  return segments;
}

function emptySummary(operation: 'Query' | 'Scan'): StreamSummary {
  return { operation, count: 0, scannedCount: 0, pages: 0, consumedCapacity: 0, truncated: false };
}

/** One reader (a whole Query/Scan, or one Scan segment) feeding `onPage`. */
async function readInto(
  connection: OpenConnection,
  request: PagedRequest,
  options: ReadOptions,
  totals: StreamTotals,
  summary: StreamSummary,
  onPage: PageHandler,
): Promise<number> {
  let read = 0;
  for await (const page of readPages(connection, request, options)) {
    summary.count += page.count;
    summary.scannedCount += page.scannedCount;
    summary.pages += 1;
    summary.consumedCapacity += page.consumedCapacity;
    read += page.items.length;
    totals.pages += 1;
    totals.items += page.items.length;
    if (page.lastEvaluatedKey) summary.lastEvaluatedKey = page.lastEvaluatedKey;
    else delete summary.lastEvaluatedKey;
    await onPage(page, { ...totals });
  }
  return read;
}

/**
 * Reads a Query or Scan page by page and hands each page to `onPage`, awaiting it before the next page is requested
 * (a slow consumer, e.g. a file being written or a transport waiting for its peer, holds the reading back, so memory
 * stays bounded by a page). `all` follows LastEvaluatedKey to the end or `maxItems` (no cap by default: nothing is
 * kept). `segments` > 1 reads a whole table in parallel segments (items in no particular order, no resume key);
 * the first failure cancels the other segments and is the error reported.
 */
export async function streamPages(
  connection: OpenConnection,
  request: PagedRequest,
  options: StreamOptions,
  onPage: PageHandler,
): Promise<StreamSummary> {
  const segments = checkSegments(request, options);
  const totals: StreamTotals = { pages: 0, items: 0 };
  if (segments === 1) {
    const summary = emptySummary(request.operation);
    const read = await readInto(connection, request, options, totals, summary, onPage);
    summary.truncated =
      options.all === true &&
      options.maxItems !== undefined &&
      read >= options.maxItems &&
      summary.lastEvaluatedKey !== undefined;
    return summary;
  }
  const inner = new AbortController();
  // Each request in flight listens to the signal; the pool below bounds how many there are.
  setMaxListeners(SEGMENTS_IN_FLIGHT * 4 + 16, inner.signal);
  const stop = (): void => inner.abort();
  options.signal?.addEventListener('abort', stop, { once: true });
  try {
    const summaries = Array.from({ length: segments }, () => emptySummary('Scan'));
    const failures: unknown[] = [];
    let next = 0;
    // Any number of segments (up to DynamoDB's 1,000,000) with a bounded number read at once: one worker takes the
    // next segment when its last one is done.
    const worker = async (): Promise<void> => {
      while (next < segments && !inner.signal.aborted) {
        const segment = next++;
        try {
          const input = { ...request.input, Segment: segment, TotalSegments: segments };
          await readInto(
            connection,
            { operation: 'Scan', input },
            { all: true, signal: inner.signal },
            totals,
            summaries[segment]!,
            onPage,
          );
        } catch (error) {
          failures.push(error);
          inner.abort();
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(SEGMENTS_IN_FLIGHT, segments) }, worker));
    if (options.signal?.aborted && failures.length === 0)
      failures.push(
        new MonotableError('CANCELLED', 'The parallel Scan was cancelled.', {
          hint: 'Run it again to read the table.',
        }),
      );
    const first = failures.find((e) => !(isMonotableError(e) && e.code === 'CANCELLED')) ?? failures[0];
    if (failures.length > 0) throw first;
    const total = emptySummary('Scan');
    for (const s of summaries) {
      total.count += s.count;
      total.scannedCount += s.scannedCount;
      total.pages += s.pages;
      total.consumedCapacity += s.consumedCapacity;
    }
    return total;
  } finally {
    options.signal?.removeEventListener('abort', stop);
  }
}
