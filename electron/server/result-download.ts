import type { IncomingMessage, ServerResponse } from 'node:http';
import { EXPORT_FORMAT_IDS, type ExportFormat } from '../../shared/api/methods/results.js';
import { isMonotableError } from '../../shared/errors/monotable-error.js';
import { EXPORT_CONTENT_TYPES, writeExport } from '../backend/results/export-stream.js';
import { closeResultSet, getResultSet } from '../backend/results/result-store.js';
import { baseHeaders, sendError } from './http-replies.js';

/** A download name without path separators, quotes or control characters. */
function safeName(name: string | null, format: ExportFormat): string {
  const clean = (name ?? '').replace(/[^\w.-]+/g, '-').slice(0, 120);
  return clean || `results.${format === 'csv' ? 'csv' : 'jsonl'}`;
}

/**
 * `GET /api/results/download?resultId=…&format=csv|jsonl|ddb-jsonl&name=…`: streams a result set (the rows of an
 * Export… read) as a file download, converting each line on the way, then removes the result set. The page never
 * holds the file (decisions/0011-result-sets.md).
 */
export async function handleResultDownload(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const format = url.searchParams.get('format') as ExportFormat | null;
  const resultId = url.searchParams.get('resultId') ?? '';
  if (!format || !EXPORT_FORMAT_IDS.includes(format)) {
    return sendError(res, 400, {
      code: 'BAD_INPUT',
      message: `Unknown export format "${format ?? ''}": use ${EXPORT_FORMAT_IDS.join(', ')}.`,
    });
  }
  let set: ReturnType<typeof getResultSet>;
  try {
    set = getResultSet(resultId);
  } catch (error) {
    if (!isMonotableError(error)) throw error;
    return sendError(res, 404, { code: error.code, message: error.message, details: error.details });
  }
  set.busy = true;
  res.writeHead(200, {
    ...baseHeaders(),
    'Content-Type': EXPORT_CONTENT_TYPES[format],
    'Content-Disposition': `attachment; filename="${safeName(url.searchParams.get('name'), format)}"`,
    'Cache-Control': 'no-store',
  });
  req.on('close', () => {
    if (!res.writableFinished) res.destroy();
  });
  try {
    await writeExport(set, format, res);
    res.end();
  } catch (error) {
    res.destroy(error instanceof Error ? error : undefined);
  } finally {
    await closeResultSet(resultId);
  }
}
