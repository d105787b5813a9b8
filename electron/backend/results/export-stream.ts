import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { ExportFormat } from '../../../shared/api/methods/results.js';
import { exportHeader, exportLines } from './export-lines.js';
import type { ResultSet } from './result-set.js';

export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  jsonl: 'application/x-ndjson; charset=utf-8',
  'ddb-jsonl': 'application/x-ndjson; charset=utf-8',
};

/**
 * Writes every row of a result set, in its order, to `out` in one format, a chunk of rows at a time and waiting for
 * `out` to drain, so memory stays bounded by a chunk whatever the size of the result. CSV columns are the set's
 * attributes (keys first). Resolves with the rows written; stops early when `out` is destroyed.
 */
export async function writeExport(set: ResultSet, format: ExportFormat, out: Writable): Promise<number> {
  const columns = set.attributes();
  let rows = 0;
  const write = async (text: string): Promise<void> => {
    if (text && !out.write(text)) await once(out, 'drain');
  };
  await write(exportHeader(format, columns));
  for await (const chunk of set.walk()) {
    if (out.destroyed) break;
    await write(
      exportLines(
        format,
        chunk.map((r) => r.item),
        columns,
      ),
    );
    rows += chunk.length;
  }
  return rows;
}
