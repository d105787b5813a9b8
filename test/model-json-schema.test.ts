import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  MODEL_SCHEMA_FILE,
  MODEL_SCHEMA_ID,
  modelJsonSchema,
  modelJsonSchemaText,
  writeModelJsonSchema,
} from '../scripts/generate-json-schema.js';
import { TEMPLATES } from '../shared/templates/index.js';
import { commandWorks, hasTool } from './support/tools.js';

const REGENERATE = 'UPDATE_SCHEMA=1 npx vitest run test/model-json-schema.test.ts';
const hasPythonJsonSchema = hasTool(
  'python3 jsonschema',
  commandWorks('python3', ['-c', 'import jsonschema']),
  'apt-get install python3-jsonschema',
);

describe('schema/monotable.schema.json', () => {
  it('is the schema generated from ModelSchema (regenerate after changing shared/model/schema.ts)', async () => {
    if (process.env.UPDATE_SCHEMA === '1') await writeModelJsonSchema();
    const committed = readFileSync(MODEL_SCHEMA_FILE, 'utf8');
    expect(committed === modelJsonSchemaText(), `schema/monotable.schema.json is out of date; run: ${REGENERATE}`).toBe(
      true,
    );
  });

  it('is draft 2020-12 with an $id, strict objects and the recursive AttributeValue as a $def', () => {
    const schema = modelJsonSchema() as {
      $schema: string;
      $id: string;
      additionalProperties: boolean;
      required: string[];
      $defs: Record<string, unknown>;
      properties: { format: { const: string } };
    };
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toBe(MODEL_SCHEMA_ID);
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(['format', 'name', 'tables']);
    expect(schema.properties.format.const).toBe('monotable/1');
    expect(Object.keys(schema.$defs)).toEqual(['AttributeValue']);
    expect(JSON.stringify(schema.$defs.AttributeValue)).toContain('"$ref":"#/$defs/AttributeValue"');
  });

  it('carries hover texts for editors on tables, entities, key templates and access patterns', () => {
    const text = modelJsonSchemaText();
    expect(text).toContain('"description": "A DynamoDB table: its keys, billing, indexes');
    expect(text).toContain(
      '"description": "Key attribute → key template, e.g. \\"pk\\": \\"MSG#{message_group_uuid}\\".',
    );
    expect(text).toContain('"description": "A question the application asks the table;');
  });

  // An independent validator (python-jsonschema) where the machine has it; the generated-file check above always runs.
  it.runIf(hasPythonJsonSchema)(
    'accepts every built-in template and rejects unknown fields and bad key types (python jsonschema)',
    () => {
      const bad = structuredClone(TEMPLATES[0]!.model) as unknown as { tables: Array<Record<string, unknown>> };
      bad.tables[0]!.partitionKey = { name: 'pk', type: 'BOOL' };
      bad.tables[0]!.colour = 'blue';
      const documents = [...TEMPLATES.map((t) => t.model), bad];
      const script = [
        'import json, sys, jsonschema',
        'schema = json.load(open(sys.argv[1]))',
        'jsonschema.Draft202012Validator.check_schema(schema)',
        'v = jsonschema.Draft202012Validator(schema)',
        'for doc in json.load(sys.stdin): print(len(list(v.iter_errors(doc))))',
      ].join('\n');
      const out = execFileSync('python3', ['-c', script, MODEL_SCHEMA_FILE], {
        input: JSON.stringify(documents),
        encoding: 'utf8',
      });
      const errorCounts = out.trim().split('\n').map(Number);
      expect(errorCounts.slice(0, -1)).toEqual(TEMPLATES.map(() => 0));
      expect(errorCounts.at(-1)).toBeGreaterThanOrEqual(2);
    },
  );
});
