import { keyAttributes } from '../../../../shared/model/indexes.js';
import { desktopBridge } from '../../api/ipc-client.js';
import { callApi, failureText } from '../../files/api-call.js';
import { createStore, useStore } from '../../state/store.js';
import { callStreaming } from '../tables/streaming-call.js';
import { type ExportFormat, EXPORT_FORMATS } from './export-rows.js';
import { getResults } from './results-store.js';

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

export function getExportState(): ExportState {
  return store.get();
}

export function cancelExport(): void {
  controller?.abort();
}

/**
 * Exports every page of the current read (from its first row, not only the loaded ones) in one format: the read goes
 * into a result set of its own in the backend (progress as its pages arrive), then the file is written from that set
 * and the set removed. Browser mode: the server streams it as a download. Desktop: the native save dialog asks where
 * first, and `results.export` writes the file there. The file is never built in the page.
 */
export async function exportAll(format: ExportFormat): Promise<void> {
  const { spec, connectionId, title, table } = getResults();
  if (!spec || !connectionId) return;
  const kind = EXPORT_FORMATS.find((f) => f.id === format)!;
  const fileName = `${title.replace(/[^\w.-]+/g, '-').replace(/^-|-$/g, '') || 'results'}.${kind.extension}`;
  const bridge = desktopBridge();
  const savePath = bridge
    ? await bridge.chooseSavePath({
        title: `Export as ${kind.label}`,
        defaultName: fileName,
        extensions: [kind.extension.split('.').pop()!],
      })
    : undefined;
  if (bridge && !savePath) return; // the save dialog was cancelled: nothing to do
  controller?.abort();
  const own = new AbortController();
  controller = own;
  store.set({ running: true, format, rows: 0 });
  const found = spec.input.model.tables.find((t) => t.name === table);
  let resultId: string | undefined;
  let rows = 0;
  try {
    const made = await callApi('results.create', {
      keyNames: found ? keyAttributes(found).map((k) => k.name) : [],
    });
    resultId = made.resultId;
    const output = await callStreaming(
      'results.read',
      { resultId, connectionId, read: spec },
      {
        signal: own.signal,
        onEvent: (event) => {
          rows = event.total;
          store.update((s) => ({ ...s, rows }));
        },
      },
    );
    rows = output.total;
    if (savePath) {
      // The dialog already asked before replacing an existing file.
      const written = await callStreaming(
        'results.export',
        { resultId, format, path: savePath, force: true },
        { signal: own.signal },
      );
      store.set({ running: false, rows: written.rows, done: { rows: written.rows, fileName: written.path } });
      return;
    }
    const query = new URLSearchParams({ resultId, format, name: fileName });
    download(`/api/results/download?${query}`, fileName);
    resultId = undefined; // the download removes it once streamed
    store.set({ running: false, rows, done: { rows, fileName } });
  } catch (error) {
    store.set({
      running: false,
      rows,
      ...(own.signal.aborted ? { error: 'Export cancelled; no file was written.' } : { error: failureText(error) }),
    });
  } finally {
    if (resultId) void callApi('results.close', { resultId }).catch(() => undefined);
    if (controller === own) controller = undefined;
  }
}

function download(href: string, fileName: string): void {
  const a = document.createElement('a');
  a.href = href;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
}
