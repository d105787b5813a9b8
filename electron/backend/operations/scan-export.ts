import { MonotableError, isMonotableError } from '../../../shared/errors/monotable-error.js';
import type { Item } from '../../../shared/model/attribute-value.js';
import { toPlainItem } from '../../../shared/operations/plain-json.js';
import type { OpenConnection } from '../connections/connection.js';
import type { LowLevelRequest } from './send-operation.js';
import { streamOperation, type StreamSummary } from './stream-operation.js';

/** Resolves when `out` drained (or closed); rejects on a stream error. Removes its listeners either way. */
function drained(out: NodeJS.WritableStream): Promise<void> {
  return new Promise((resolve, reject) => {
    const cleanup = (): void => {
      out.off('drain', done);
      out.off('close', done);
      out.off('error', fail);
    };
    function done(): void {
      cleanup();
      resolve();
    }
    function fail(error: Error): void {
      cleanup();
      reject(error);
    }
    out.on('drain', done);
    out.on('close', done);
    out.on('error', fail);
  });
}

export interface ExportOptions {
  signal?: AbortSignal;
  /** Typed JSON (default: nothing lost) or plain JSON. */
  format?: 'typed' | 'plain';
  maxItems?: number;
  /** Parallel Scan: this many segments read at once (Scan only, not with maxItems). Default 1. */
  segments?: number;
  /** After every page: items and bytes written so far. */
  onProgress?(progress: { items: number; pages: number; bytes: number }): void;
}

export interface ExportSummary extends StreamSummary {
  items: number;
  bytes: number;
}

export type PageWriter = (page: Item[]) => Promise<void>;

/**
 * Writes each page of items to `out` as JSON lines in one chunk (typed JSON, or plain), and waits for the stream
 * to drain when its buffer is full before returning, so the caller reads the next page only when there is room.
 */
export function jsonLinesWriter(
  out: NodeJS.WritableStream,
  format: 'typed' | 'plain',
  onWritten?: (page: { items: number; bytes: number }) => void,
): PageWriter {
  return async (page) => {
    let chunk = '';
    for (const item of page) chunk += `${JSON.stringify(format === 'plain' ? toPlainItem(item) : item)}\n`;
    const wait = chunk !== '' && !out.write(chunk);
    onWritten?.({ items: page.length, bytes: Buffer.byteLength(chunk) });
    if (wait) await drained(out);
  };
}

function addUp(summaries: StreamSummary[]): StreamSummary {
  const total: StreamSummary = {
    operation: 'Scan',
    count: 0,
    scannedCount: 0,
    pages: 0,
    consumedCapacity: 0,
    truncated: false,
  };
  for (const s of summaries) {
    total.count += s.count;
    total.scannedCount += s.scannedCount;
    total.pages += s.pages;
    total.consumedCapacity += s.consumedCapacity;
  }
  return total;
}

/**
 * Scan segments 0..n-1 at once, each page written as one chunk (lines never interleave; at most one page per
 * segment waits for the stream). The first failure cancels the other segments and is the error reported.
 */
async function scanSegments(
  connection: OpenConnection,
  request: LowLevelRequest,
  segments: number,
  signal: AbortSignal | undefined,
  write: PageWriter,
): Promise<StreamSummary> {
  const inner = new AbortController();
  const stop = (): void => inner.abort();
  signal?.addEventListener('abort', stop, { once: true });
  try {
    const settled = await Promise.allSettled(
      Array.from({ length: segments }, async (_, segment) => {
        try {
          const input = { ...request.input, Segment: segment, TotalSegments: segments };
          return await streamOperation(
            connection,
            { operation: 'Scan', input },
            { all: true, signal: inner.signal },
            write,
          );
        } catch (error) {
          inner.abort();
          throw error;
        }
      }),
    );
    const failures = settled.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
    const first = failures.find((e) => !(isMonotableError(e) && e.code === 'CANCELLED')) ?? failures[0];
    if (failures.length > 0) throw first;
    return addUp(settled.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : [])));
  } finally {
    signal?.removeEventListener('abort', stop);
  }
}

/**
 * Streams every page of a Scan or Query to `out` as JSON lines (one item per line). Each page is written as
 * one chunk; when the stream's buffer is full the next page is not requested until it drains, so memory stays
 * flat however large the table is. The stream is not ended (the caller owns it).
 */
export async function exportItems(
  connection: OpenConnection,
  request: LowLevelRequest,
  out: NodeJS.WritableStream,
  options: ExportOptions = {},
): Promise<ExportSummary> {
  const segments = options.segments ?? 1;
  if (
    segments !== 1 &&
    (request.operation !== 'Scan' ||
      options.maxItems !== undefined ||
      !Number.isInteger(segments) ||
      segments < 1 ||
      segments > 1_000_000)
  ) {
    throw new MonotableError(
      'BAD_INPUT',
      `Parallel segments (${segments}) apply to a full Scan only, without a cap on items.`,
      { hint: 'Use segments with a Scan and no maxItems, or drop segments.' },
    );
  }
  const counts = { items: 0, pages: 0, bytes: 0 };
  const write = jsonLinesWriter(out, options.format ?? 'typed', (page) => {
    counts.items += page.items;
    counts.pages += 1;
    counts.bytes += page.bytes;
    options.onProgress?.({ ...counts });
  });
  const summary =
    segments > 1
      ? await scanSegments(connection, request, segments, options.signal, write)
      : await streamOperation(
          connection,
          request,
          { all: true, signal: options.signal, maxItems: options.maxItems },
          write,
        );
  return { ...summary, items: counts.items, bytes: counts.bytes };
}
