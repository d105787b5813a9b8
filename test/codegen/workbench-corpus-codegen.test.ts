import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateSchemaLoad } from '../../shared/formats/code/boto3-schema-load.js';
import { generatePython } from '../../shared/formats/code/python.js';
import { generateTypeScript } from '../../shared/formats/code/typescript.js';
import { importWorkbench } from '../../shared/formats/workbench/import-workbench.js';
import { parseUntrustedJson } from '../../shared/model/safe-json.js';
import { workbenchCorpusFiles } from '../support/workbench-corpus.js';
import { codegenFolder, compileTypeScript } from './compile-generated.js';

/** Real-world names (spaces, dashes, clashing entity names) from the Workbench corpus next to the checkout. */
const models = workbenchCorpusFiles().map((file) => ({
  file,
  model: importWorkbench(parseUntrustedJson(readFileSync(file, 'utf8'), file)).model,
}));

describe('code generators over the NoSQL Workbench corpus', () => {
  it('finds the corpus', () => {
    expect(models.length).toBeGreaterThanOrEqual(11);
  });

  it('generates TypeScript that compiles for every imported model', () => {
    const files = Object.fromEntries(
      models.map(({ file, model }, i) => [
        `m${i}-${basename(file, '.json').replace(/[^A-Za-z0-9]/g, '')}.ts`,
        generateTypeScript(model),
      ]),
    );
    const { status, output } = compileTypeScript(codegenFolder('ts-corpus'), files);
    expect(output).toBe('');
    expect(status).toBe(0);
  });

  it('generates valid Python modules and schema-load scripts for every imported model', () => {
    const folder = codegenFolder('py-corpus');
    const paths = models.flatMap(({ model }, i) => {
      const module = join(folder, `m${i}.py`);
      const script = join(folder, `m${i}-schema-load.py`);
      writeFileSync(module, generatePython(model));
      writeFileSync(script, generateSchemaLoad(model));
      return [module, script];
    });
    const run = spawnSync('python3', ['-m', 'py_compile', ...paths], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });
});
