import type { AttributeValue, Item } from '../../../shared/model/attribute-value.js';
import type { ExportFormat } from '../../../shared/api/methods/results.js';
import { toPlainItem } from '../../../shared/operations/plain-json.js';

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

/** The first line of a file in this format (CSV: the header of the columns; the JSON formats have none). */
export function exportHeader(format: ExportFormat, columns: readonly string[]): string {
  return format === 'csv' ? `${columns.map(csvField).join(',')}\r\n` : '';
}

/** Rows of items as text in one format (CSV rows need the columns). */
export function exportLines(format: ExportFormat, items: readonly Item[], columns: readonly string[]): string {
  let out = '';
  for (const item of items) {
    if (format === 'csv') out += `${columns.map((c) => csvField(csvText(item[c]))).join(',')}\r\n`;
    else if (format === 'jsonl') out += `${JSON.stringify(toPlainItem(item))}\n`;
    else out += `${JSON.stringify({ Item: item })}\n`;
  }
  return out;
}
