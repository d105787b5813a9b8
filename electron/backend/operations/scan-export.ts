import type { Writable } from 'node:stream';
import { toPlainItem } from '../../../shared/operations/plain-json.js';
import type { OpenConnection } from '../connections/connection.js';
import type { LowLevelRequest } from './send-operation.js';
import { streamOperation, type StreamSummary } from './stream-operation.js';

/** Resolves when `out` drained (or closed); rejects on a stream error. Removes its listeners either way. */
function drained(out: Writable): Promise<void> {
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
  /** After every page: items and bytes written so far. */
  onProgress?(progress: { items: number; pages: number; bytes: number }): void;
}

export interface ExportSummary extends StreamSummary {
  items: number;
  bytes: number;
}

/**
 * Streams every page of a Scan or Query to `out` as JSON lines (one item per line). Each page is written as
 * one chunk; when the stream's buffer is full the next page is not requested until it drains, so memory stays
 * flat however large the table is. The stream is not ended (the caller owns it).
 */
export async function exportItems(connection: OpenConnection, request: LowLevelRequest, out: Writable, options: ExportOptions = {}): Promise<ExportSummary> {
  let items = 0;
  let bytes = 0;
  let pages = 0;
  const plain = options.format === 'plain';
  const summary = await streamOperation(connection, request, { all: true, signal: options.signal, maxItems: options.maxItems }, async (page) => {
    let chunk = '';
    for (const item of page) chunk += `${JSON.stringify(plain ? toPlainItem(item) : item)}\n`;
    items += page.length;
    pages += 1;
    bytes += Buffer.byteLength(chunk);
    if (chunk && !out.write(chunk)) await drained(out);
    options.onProgress?.({ items, pages, bytes });
  });
  return { ...summary, items, bytes };
}
