import type { Item } from '../../../../shared/model/attribute-value.js';
import { failureText } from '../../files/api-call.js';
import { createStore, useStore } from '../../state/store.js';
import { callStreaming } from '../tables/streaming-call.js';
import { type ExportFormat, EXPORT_FORMATS, csvHeader, exportLines } from './export-rows.js';
import { getResults, pageItems } from './results-store.js';

export interface ExportState {
  running: boolean;
  format?: ExportFormat;
  rows: number;
  done?: { rows: number; fileName: string };
  error?: string;
}

const store = createStore<ExportState>({ running: false, rows: 0 });
let controller: AbortController | undefined;

export function useExport(): ExportState {
  return useStore(store);
}

export function cancelExport(): void {
  controller?.abort();
}

/**
 * Exports every page of the current read (from its first row, not only the loaded ones) in one format and offers
 * the file as a download. Rows arrive page by page; CSV columns are the union of the attributes seen, keys first.
 */
export async function exportAll(format: ExportFormat, columnsFirst: readonly string[]): Promise<void> {
  const { spec, connectionId, title } = getResults();
  if (!spec || !connectionId) return;
  controller?.abort();
  const own = new AbortController();
  controller = own;
  store.set({ running: true, format, rows: 0 });
  const items: Item[] = [];
  const collect = (page: Item[]): void => {
    for (const item of page) items.push(item);
    store.update((s) => ({ ...s, rows: items.length }));
  };
  let streamed = false;
  try {
    const output = await callStreaming(
      spec.method,
      { ...spec.input, connectionId, all: true, stream: true } as never,
      {
        signal: own.signal,
        onEvent: (event: unknown) => {
          const page = pageItems(event);
          if (page) {
            streamed = true;
            collect(page);
          }
        },
      } as never,
    );
    if (!streamed) collect((output as { result: { items: Item[] } }).result.items);
    const names = new Set(columnsFirst);
    const columns = [...columnsFirst];
    for (const item of items) {
      for (const name in item) {
        if (names.has(name)) continue;
        names.add(name);
        columns.push(name);
      }
    }
    const kind = EXPORT_FORMATS.find((f) => f.id === format)!;
    const text = (format === 'csv' ? csvHeader(columns) : '') + exportLines(format, items, columns);
    const fileName = `${title.replace(/[^\w.-]+/g, '-').replace(/^-|-$/g, '') || 'results'}.${kind.extension}`;
    download(new Blob([text], { type: kind.mime }), fileName);
    store.set({ running: false, rows: items.length, done: { rows: items.length, fileName } });
  } catch (error) {
    store.set({
      running: false,
      rows: items.length,
      ...(own.signal.aborted ? { error: 'Export cancelled; no file was written.' } : { error: failureText(error) }),
    });
  } finally {
    if (controller === own) controller = undefined;
  }
}

function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
