import fc from 'fast-check';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateSchemaLoad } from '../../shared/formats/code/boto3-schema-load.js';
import { generatePython } from '../../shared/formats/code/python.js';
import { generateTypeScript } from '../../shared/formats/code/typescript.js';
import type { Model } from '../../shared/model/schema.js';
import { codegenFolder, compileTypeScript } from './compile-generated.js';

const text = fc.string({ unit: 'binary', maxLength: 24 });
const nonEmpty = fc.string({ unit: 'binary', minLength: 1, maxLength: 24 });
const braces = (s: string): string => s.replace(/\{/g, '{{').replace(/\}/g, '}}');

/** Models whose every free-text spot (names, descriptions, literal key text, examples) holds arbitrary Unicode. */
const arbitraryModel = fc
  .record({
    modelName: nonEmpty,
    modelDescription: text,
    tableName: nonEmpty,
    tableDescription: text,
    entityName: nonEmpty,
    entityDescription: text,
    typeValue: text,
    literal: text,
    attribute: nonEmpty,
    attributeDescription: text,
    patternName: nonEmpty,
    patternDescription: text,
    parameterDescription: text,
    example: text,
    filterValue: text,
  })
  .map(
    (t): Model => ({
      format: 'monotable/1',
      name: t.modelName,
      description: t.modelDescription,
      tables: [
        {
          name: t.tableName,
          description: t.tableDescription,
          partitionKey: { name: 'pk', type: 'S' },
          sortKey: { name: 'sk', type: 'S' },
          billing: { mode: 'on-demand' },
          entities: [
            {
              name: t.entityName,
              description: t.entityDescription,
              typeAttribute: { name: '_type', value: t.typeValue },
              keys: { pk: `${braces(t.literal)}#{id}`, sk: `${braces(t.literal)}` || 'X' },
              attributes: [
                { name: 'id', type: 'S', required: true },
                { name: t.attribute, type: 'S', required: false, description: t.attributeDescription },
              ],
            },
          ],
          accessPatterns: [
            {
              name: t.patternName,
              description: t.patternDescription,
              entity: t.entityName,
              kind: 'query',
              parameters: [{ name: 'id', description: t.parameterDescription, example: t.example }],
              keyCondition: { partition: { attribute: 'pk' } },
              filter: [{ attribute: t.attribute, operator: '=', value: braces(t.filterValue) }],
              projection: [t.attribute],
            },
            {
              name: `${t.patternName}-get`,
              entity: t.entityName,
              kind: 'get',
              parameters: [{ name: 'id', example: t.example }],
            },
            { name: `${t.patternName}-put`, entity: t.entityName, kind: 'put', parameters: [{ name: 'id' }] },
          ],
        },
      ],
    }),
  );

describe('generated code with arbitrary Unicode in every name and text of the model', () => {
  const models = fc.sample(arbitraryModel, { numRuns: 40, seed: 20261126 });

  it('always compiles as TypeScript', () => {
    const files = Object.fromEntries(models.map((m, i) => [`m${i}.ts`, generateTypeScript(m)]));
    const { status, output } = compileTypeScript(codegenFolder('ts-arbitrary'), files);
    expect(output).toBe('');
    expect(status).toBe(0);
  });

  it('always compiles as Python (modules and schema-load scripts)', () => {
    const folder = codegenFolder('py-arbitrary');
    const paths = models.flatMap((m, i) => {
      writeFileSync(join(folder, `m${i}.py`), generatePython(m));
      writeFileSync(join(folder, `s${i}.py`), generateSchemaLoad(m));
      return [join(folder, `m${i}.py`), join(folder, `s${i}.py`)];
    });
    const run = spawnSync('python3', ['-m', 'py_compile', ...paths], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });
});
