import type { ExportFormat } from '../../../../shared/api/methods/results.js';

export type { ExportFormat };

/** The export formats offered (the backend writes the lines: electron/backend/results/export-lines.ts). */
export const EXPORT_FORMATS: { id: ExportFormat; label: string; extension: string }[] = [
  { id: 'csv', label: 'CSV', extension: 'csv' },
  { id: 'jsonl', label: 'JSON lines', extension: 'jsonl' },
  { id: 'ddb-jsonl', label: 'DynamoDB JSON lines', extension: 'ddb.jsonl' },
];
