import type { OperationResult, PageEvent } from '../../shared/api/methods/operations.js';
import type { Item } from '../../shared/model/attribute-value.js';
import { toPlainItem } from '../../shared/operations/plain-json.js';

/**
 * Resolves when `out` drained (or closed), or when `signal` aborts: Ctrl-C must not wait for a reader that stopped
 * reading (`scan --all | less`). Rejects on a stream error. Removes its listeners either way.
 */
function drained(out: NodeJS.WritableStream, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const cleanup = (): void => {
      out.off('drain', done);
      out.off('close', done);
      out.off('error', fail);
      signal?.removeEventListener('abort', done);
    };
    function done(): void {
      cleanup();
      resolve();
    }
    function fail(error: Error): void {
      cleanup();
      reject(error);
    }
    if (signal?.aborted) return resolve();
    out.on('drain', done);
    out.on('close', done);
    out.on('error', fail);
    signal?.addEventListener('abort', done, { once: true });
  });
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
  signal?: AbortSignal,
): PageWriter {
  return async (page) => {
    let chunk = '';
    for (const item of page) chunk += `${JSON.stringify(format === 'plain' ? toPlainItem(item) : item)}\n`;
    const wait = chunk !== '' && !out.write(chunk);
    onWritten?.({ items: page.length, bytes: Buffer.byteLength(chunk) });
    if (wait) await drained(out, signal);
  };
}

export interface ExportedPages {
  /** The method's result: totals and the resume key; a streamed read holds no items. */
  result: OperationResult;
  /** Items written to `out` (every page's, plus any the result held, e.g. a GetItem's). */
  items: number;
  bytes: number;
}

/**
 * The one export path for reads: `read` makes a streaming contract call (`stream: true`) whose page events carry
 * the items; each page is written to `out` as JSON lines before the backend reads the next one (the promise
 * returned to the event is awaited by the use case), so memory stays bounded by a page however many items pass.
 */
export async function exportPages(
  out: NodeJS.WritableStream,
  format: 'typed' | 'plain',
  read: (onEvent: (event: PageEvent) => Promise<void>) => Promise<OperationResult>,
  onProgress?: (progress: { items: number; pages: number; bytes: number }) => void,
  signal?: AbortSignal,
): Promise<ExportedPages> {
  const counts = { items: 0, pages: 0, bytes: 0 };
  const write = jsonLinesWriter(
    out,
    format,
    (page) => {
      counts.items += page.items;
      counts.pages += 1;
      counts.bytes += page.bytes;
      onProgress?.({ ...counts });
    },
    signal,
  );
  const result = await read((event) => write(event.pageItems ?? []));
  if (result.items.length > 0) await write(result.items);
  return { result, items: counts.items, bytes: counts.bytes };
}
