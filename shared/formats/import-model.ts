import { MonotableError, isMonotableError } from '../errors/monotable-error.js';
import { modelFromValue } from '../model/parse-model.js';
import { checkStructure, parseUntrustedJson } from '../model/safe-json.js';
import type { Model } from '../model/schema.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { importCloudFormation, isCloudFormationTemplate, parseCloudFormationText } from './cloudformation/index.js';
import { importWorkbench, isWorkbenchFile } from './workbench/import-workbench.js';

export type ModelFileKind = 'monotable' | 'workbench' | 'cloudformation';

export interface ImportedModel {
  model: Model;
  kind: ModelFileKind;
  /** What the conversion changed or could not carry over (empty for a Monotable model). */
  notes: Diagnostic[];
}

function isMonotableValue(value: unknown): boolean {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const format = (value as Record<string, unknown>).format;
  return typeof format === 'string' && format.startsWith('monotable/');
}

/** Errors from the importers get the file name, so every message says where. */
function withFile<T>(file: string | undefined, work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (file && isMonotableError(error) && !error.details.file) {
      throw new MonotableError(error.code, error.message, { ...error.details, file });
    }
    throw error;
  }
}

function parseText(text: string, file: string | undefined): unknown {
  const first = /\S/.exec(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text)?.[0];
  if (first === '{' || first === '[' || first === undefined) return parseUntrustedJson(text, file);
  const value = parseCloudFormationText(text); // YAML; size capped, CloudFormation short-form tags understood
  checkStructure(value, file ? { file } : {});
  return value;
}

/**
 * The one import entry point: the text of a Monotable model, a NoSQL Workbench file (any version) or a
 * CloudFormation template (JSON or YAML), detected by content, never by file name.
 */
export function importModelText(text: string, file?: string): ImportedModel {
  return withFile(file, () => {
    const value = parseText(text, file);
    if (isMonotableValue(value)) return { model: modelFromValue(value, file), kind: 'monotable', notes: [] };
    if (isWorkbenchFile(value)) return { ...importWorkbench(value), kind: 'workbench' };
    if (isCloudFormationTemplate(value)) return { ...importCloudFormation(value), kind: 'cloudformation' };
    throw new MonotableError(
      'UNSUPPORTED_FORMAT',
      'This is neither a Monotable model, a NoSQL Workbench model nor a CloudFormation template.',
      {
        ...(file ? { file } : {}),
        path: '$',
        hint: 'A Monotable model has "format": "monotable/1"; a Workbench file has "ModelName" and "DataModel"; a CloudFormation template has "Resources" with an AWS::DynamoDB::Table.',
      },
    );
  });
}
