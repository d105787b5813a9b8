import type { AttributeValue, Item } from '../../../../shared/model/attribute-value.js';
import { toPlainItem } from '../../../../shared/operations/plain-json.js';

export type ExportFormat = 'csv' | 'jsonl' | 'ddb-jsonl';

export const EXPORT_FORMATS: { id: ExportFormat; label: string; extension: string; mime: string }[] = [
  { id: 'csv', label: 'CSV', extension: 'csv', mime: 'text/csv' },
  { id: 'jsonl', label: 'JSON lines', extension: 'jsonl', mime: 'application/x-ndjson' },
  { id: 'ddb-jsonl', label: 'DynamoDB JSON lines', extension: 'ddb.jsonl', mime: 'application/x-ndjson' },
];

/** A CSV field: scalars as their text (numbers keep every digit), sets, lists and maps as DynamoDB JSON. */
function csvText(value: AttributeValue | undefined): string {
  if (value === undefined) return '';
  if ('S' in value) return value.S;
  if ('N' in value) return value.N;
  if ('B' in value) return value.B;
  if ('BOOL' in value) return value.BOOL ? 'true' : 'false';
  if ('NULL' in value) return '';
  return JSON.stringify(value);
}

function csvField(text: string): string {
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvHeader(columns: readonly string[]): string {
  return `${columns.map(csvField).join(',')}\r\n`;
}

/** Rows of items as text in one format (CSV rows need the columns; the header is written once, first). */
export function exportLines(format: ExportFormat, items: readonly Item[], columns: readonly string[]): string {
  let out = '';
  for (const item of items) {
    if (format === 'csv') out += `${columns.map((c) => csvField(csvText(item[c]))).join(',')}\r\n`;
    else if (format === 'jsonl') out += `${JSON.stringify(toPlainItem(item))}\n`;
    else out += `${JSON.stringify({ Item: item })}\n`;
  }
  return out;
}
