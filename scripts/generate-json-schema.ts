import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { AttributeValueSchema } from '../shared/model/attribute-value-schema.js';
import { MODEL_FORMAT, ModelSchema } from '../shared/model/schema.js';
import { DESCRIPTIONS } from './model-schema-descriptions.js';

/**
 * The published JSON Schema of the model file, generated from the zod schema (the one source of truth), so editors
 * autocomplete and check `*.monotable.json` files that name it in `$schema`.
 * Regenerate with: UPDATE_SCHEMA=1 npx vitest run test/model-json-schema.test.ts
 */
export const MODEL_SCHEMA_ID = 'https://monotable.dev/schema/monotable-1.schema.json';
export const MODEL_SCHEMA_FILE = fileURLToPath(new URL('../schema/monotable.schema.json', import.meta.url));

export function modelJsonSchema(): Record<string, unknown> {
  const names = z.registry<{ id?: string; description?: string }>();
  names.add(AttributeValueSchema, {
    id: 'AttributeValue',
    description:
      'A DynamoDB-typed value: {"S": "text"}, {"N": "12.5"}, {"BOOL": true}, {"SS": [...]}, {"M": {...}}, ...',
  });
  for (const [schema, description] of DESCRIPTIONS) names.add(schema, { description });
  const generated = z.toJSONSchema(ModelSchema, {
    target: 'draft-2020-12',
    metadata: names,
    cycles: 'ref',
    reused: 'inline',
    unrepresentable: 'any',
  });
  const { $schema, ...body } = generated;
  return {
    $schema,
    $id: MODEL_SCHEMA_ID,
    title: `Monotable model (${MODEL_FORMAT})`,
    description:
      'A DynamoDB single-table design: tables, indexes, entities with key templates and generators, access patterns.',
    ...body,
  };
}

export function modelJsonSchemaText(): string {
  return `${JSON.stringify(modelJsonSchema(), null, 2)}\n`;
}

export async function writeModelJsonSchema(file: string = MODEL_SCHEMA_FILE): Promise<void> {
  await writeFile(file, modelJsonSchemaText(), 'utf8');
}
