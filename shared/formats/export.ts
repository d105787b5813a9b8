import { MonotableError } from '../errors/monotable-error.js';
import { findTable } from '../model/find-table.js';
import type { Model, Table } from '../model/schema.js';
import { exportCloudFormation } from './cloudformation/index.js';
import { generateSchemaLoad } from './code/boto3-schema-load.js';
import { generatePython } from './code/python.js';
import { generateTypeScript } from './code/typescript.js';
import { createTableDocuments } from './create-table.js';
import { exportWorkbench } from './workbench/export-workbench.js';

export const EXPORT_FORMATS = [
  'create-table',
  'cloudformation-json',
  'cloudformation-yaml',
  'workbench',
  'typescript',
  'python',
  'boto3-schema-load',
] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportResult {
  /** The document: exactly what goes to stdout or the output file. */
  text: string;
  /**
   * create-table only, when the table has TTL: the UpdateTimeToLive document (DynamoDB sets TTL with a separate
   * call), in the shape `aws dynamodb update-time-to-live --cli-input-json` takes.
   */
  timeToLive?: string;
  /** A script meant to be run as `./file` (boto3-schema-load): a file written with -o is made executable. */
  executable?: boolean;
}

const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

/** The one table a single-table format writes: `table` if given, else the model's only table. */
function singleTable(model: Model, table: string | undefined, format: ExportFormat): Table {
  if (table !== undefined) return findTable(model, table);
  if (model.tables.length === 1) return model.tables[0]!;
  if (model.tables.length === 0) {
    throw new MonotableError('NOT_FOUND', `The model "${model.name}" has no tables to export.`, {
      path: '$.tables',
      hint: 'Add a table to the model first.',
    });
  }
  const names = model.tables.map((t) => t.name);
  throw new MonotableError(
    'AMBIGUOUS',
    `The model has ${names.length} tables (${names.join(', ')}); ${format} writes one table.`,
    {
      path: '$.tables',
      hint: `Choose one with --table NAME, e.g. --table ${names[0]}.`,
    },
  );
}

/** The model restricted to one table when `table` is given (formats that can hold several tables). */
function restrict(model: Model, table: string | undefined): Model {
  return table === undefined ? model : { ...model, tables: [findTable(model, table)] };
}

/** The one format dispatcher: the CLI's `export`, the api's `model.export` and the UI's export menu call this. */
export function exportModel(model: Model, format: ExportFormat, options: { table?: string } = {}): ExportResult {
  const { table } = options;
  switch (format) {
    case 'create-table': {
      const documents = createTableDocuments(model, singleTable(model, table, format).name);
      return {
        text: json(documents.createTable),
        ...(documents.timeToLive ? { timeToLive: json(documents.timeToLive) } : {}),
      };
    }
    case 'cloudformation-json':
      return { text: exportCloudFormation(restrict(model, table), 'json') };
    case 'cloudformation-yaml':
      return { text: exportCloudFormation(restrict(model, table), 'yaml') };
    case 'workbench':
      return { text: json(exportWorkbench(restrict(model, table))) };
    case 'typescript':
      return { text: generateTypeScript(model, table === undefined ? {} : { table }) };
    case 'python':
      return { text: generatePython(model, table === undefined ? {} : { table }) };
    case 'boto3-schema-load':
      return { text: generateSchemaLoad(model, table === undefined ? {} : { table }), executable: true };
  }
}
