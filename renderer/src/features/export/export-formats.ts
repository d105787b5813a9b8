import { type ExportFormat, exportModel } from '../../../../shared/formats/export.js';
import { workbenchExportNotes } from '../../../../shared/formats/workbench/export-losses.js';
import type { Model } from '../../../../shared/model/schema.js';

/** The Export screen's formats, CreateTable JSON first (what users ask for most), with what each is for. */
export interface FormatInfo {
  format: ExportFormat;
  label: string;
  /** highlight.js language of the preview. */
  language: 'json' | 'yaml' | 'typescript' | 'python';
  /** One table per file (the table selector applies) or the whole model. */
  perTable: boolean;
  extension: string;
  description: string;
}

export const FORMATS: readonly FormatInfo[] = [
  {
    format: 'create-table',
    label: 'CreateTable JSON',
    language: 'json',
    perTable: true,
    extension: '.create-table.json',
    description: 'The CreateTable request of one table, as aws dynamodb create-table --cli-input-json takes it.',
  },
  {
    format: 'cloudformation-json',
    label: 'CloudFormation (JSON)',
    language: 'json',
    perTable: false,
    extension: '.cloudformation.json',
    description: 'An AWS::DynamoDB::Table resource per table, TTL, PITR and auto-scaling included.',
  },
  {
    format: 'cloudformation-yaml',
    label: 'CloudFormation (YAML)',
    language: 'yaml',
    perTable: false,
    extension: '.cloudformation.yaml',
    description: 'The same template as YAML.',
  },
  {
    format: 'workbench',
    label: 'NoSQL Workbench',
    language: 'json',
    perTable: false,
    extension: '.workbench.json',
    description: 'A NoSQL Workbench 3.0 data model, to open the design in the Workbench.',
  },
  {
    format: 'typescript',
    label: 'TypeScript (SDK v3)',
    language: 'typescript',
    perTable: false,
    extension: '.ts',
    description: 'One typed async function per access pattern, with the DynamoDB document client.',
  },
  {
    format: 'python',
    label: 'Python (boto3)',
    language: 'python',
    perTable: false,
    extension: '.py',
    description: 'One function per access pattern, with the boto3 resource API.',
  },
  {
    format: 'boto3-schema-load',
    label: 'boto3 schema + load',
    language: 'python',
    perTable: false,
    extension: '.load.py',
    description: 'A script that creates the tables and loads the sample items with boto3.',
  },
];

export interface ExportPreview {
  ok: boolean;
  text: string;
  /** create-table with TTL: the UpdateTimeToLive document beside it. */
  timeToLive?: string;
  error?: { message: string; hint?: string };
  notes: string[];
}

/** The export text of a format (for one table when the format writes one), with its notes; never throws. */
export function exportPreview(model: Model, info: FormatInfo, table: string | undefined): ExportPreview {
  const notes: string[] = [];
  if (info.format === 'workbench')
    for (const note of workbenchExportNotes(model))
      notes.push(note.hint ? `${note.message} ${note.hint}` : note.message);
  if (info.format === 'create-table') {
    notes.push(
      'Point-in-time recovery, auto-scaling and tags applied after creation are separate API calls; the CloudFormation export carries them.',
    );
  }
  try {
    const result = exportModel(model, info.format, info.perTable && table !== undefined ? { table } : {});
    if (result.timeToLive)
      notes.unshift(
        'DynamoDB sets TTL with a separate call: run aws dynamodb update-time-to-live --cli-input-json with the second document after the table exists.',
      );
    return { ok: true, text: result.text, ...(result.timeToLive && { timeToLive: result.timeToLive }), notes };
  } catch (error) {
    const details = (error as { details?: { hint?: unknown } }).details;
    const hint = typeof details?.hint === 'string' ? details.hint : undefined;
    return {
      ok: false,
      text: '',
      error: { message: error instanceof Error ? error.message : String(error), ...(hint !== undefined && { hint }) },
      notes,
    };
  }
}

/** A file name for the export: the table (or model) name, made safe, plus the format's extension. */
export function exportFileName(model: Model, info: FormatInfo, table: string | undefined): string {
  const base = (info.perTable ? (table ?? model.tables[0]?.name) : model.name) ?? model.name;
  return `${base.replace(/[^A-Za-z0-9._-]+/g, '-')}${info.extension}`;
}
