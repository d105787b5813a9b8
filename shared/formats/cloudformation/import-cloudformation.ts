import { MonotableError } from '../../errors/monotable-error.js';
import { checkStructure } from '../../model/safe-json.js';
import { MODEL_FORMAT, type Model } from '../../model/schema.js';
import type { Diagnostic } from '../../model/diagnostic.js';
import { isObject } from '../input-reader.js';
import { MODEL_METADATA_KEY } from './export-cloudformation.js';
import { readAutoScaling } from './read-auto-scaling.js';
import { readGlobalTableResource } from './read-global-table.js';
import { readTableResource } from './read-table-resource.js';
import { reader, TemplateValues } from './template-values.js';

const TABLE_TYPE = 'AWS::DynamoDB::Table';
const GLOBAL_TABLE_TYPE = 'AWS::DynamoDB::GlobalTable';

/** A CloudFormation template (already parsed) with at least one DynamoDB resource. */
export function isCloudFormationTemplate(value: unknown): boolean {
  if (!isObject(value) || !isObject(value.Resources)) return false;
  return Object.values(value.Resources).some(
    (r) => isObject(r) && typeof r.Type === 'string' && r.Type.startsWith('AWS::DynamoDB::'),
  );
}

/**
 * The DynamoDB tables (AWS::DynamoDB::Table and ::GlobalTable) of a CloudFormation template → a model with those tables (keys, indexes, billing with
 * auto-scaling, TTL, streams, encryption, PITR, deletion protection, table class, tags) and no entities.
 * Other resources are ignored; values that are functions are resolved from parameter defaults where possible,
 * otherwise named in an error (or, for TableName, replaced by the logical id with a note).
 */
export function importCloudFormation(value: unknown): { model: Model; notes: Diagnostic[] } {
  checkStructure(value);
  const root = reader.object(value, []);
  const resources = reader.object(root.Resources, ['Resources']);
  const notes: Diagnostic[] = [];
  const values = new TemplateValues(isObject(root.Parameters) ? root.Parameters : {}, notes);
  const tables = Object.entries(resources)
    .filter(([, r]) => isObject(r) && (r.Type === TABLE_TYPE || r.Type === GLOBAL_TABLE_TYPE))
    .map(([id, r]) => {
      const path = ['Resources', id, 'Properties'];
      if (!/^[A-Za-z0-9]+$/.test(id))
        reader.fail(['Resources', id], 'a logical id must be alphanumeric', 'Rename the resource, e.g. OrdersTable.');
      const props = reader.object((r as Record<string, unknown>).Properties, path);
      if ((r as Record<string, unknown>).Type === GLOBAL_TABLE_TYPE)
        return readGlobalTableResource(id, props, path, values, notes);
      const table = readTableResource(id, props, path, values, notes);
      readAutoScaling(table, id, resources, values, notes);
      return table;
    });
  if (tables.length === 0) {
    throw new MonotableError(
      'UNSUPPORTED_FORMAT',
      `The template has no ${TABLE_TYPE} or ${GLOBAL_TABLE_TYPE} resources.`,
      {
        path: '$.Resources',
        hint: 'Import a template that defines DynamoDB tables.',
      },
    );
  }
  const meta =
    isObject(root.Metadata) && isObject(root.Metadata[MODEL_METADATA_KEY]) ? root.Metadata[MODEL_METADATA_KEY] : {};
  const model: Model = {
    format: MODEL_FORMAT,
    name: typeof meta.Name === 'string' && meta.Name ? meta.Name : 'imported-from-cloudformation',
    tables,
  };
  const generated = /^DynamoDB tables of the Monotable model ".*"\.$/; // what export writes when the model has no description
  if (typeof root.Description === 'string' && root.Description && !generated.test(root.Description))
    model.description = root.Description;
  return { model, notes };
}
