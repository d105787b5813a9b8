import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseModel } from '../../shared/model/parse-model.js';
import { serializeModel } from '../../shared/model/serialize-model.js';
import { cliFolder } from '../support/run-cli.js';
import { WORKBENCH_CORPUS, workbenchCorpusFiles } from '../support/workbench-corpus.js';

const tmp = cliFolder();
afterAll(() => tmp.remove());
const { cli, read } = tmp;

describe('Workbench files on the command line', () => {
  it.each(workbenchCorpusFiles())(
    '%s: import writes a canonical model that validates; validate and patterns read the file directly',
    async (file) => {
      const r = await cli('import', file, '-o', 'out.monotable.json', '--force'); // one output file for every case
      expect(r.code).toBe(0);
      expect(r.stderr).toMatch(/Imported a NoSQL Workbench model: \d+ tables? → /);
      const text = read('out.monotable.json');
      expect(serializeModel(parseModel(text))).toBe(text);
      expect((await cli('validate', 'out.monotable.json')).code).toBe(0);
      const direct = await cli('validate', file, '--json');
      expect(direct.code).toBe(0);
      expect(Array.isArray(JSON.parse(direct.stdout))).toBe(true);
      expect([0, 1]).toContain((await cli('patterns', file)).code);
      expect((await cli('import', file)).stdout).toBe(text);
    },
  );

  it('conversion notes go to stderr as "note: severity code path: message"', async () => {
    const r = await cli('import', join(WORKBENCH_CORPUS, 'amazon-dynamodb-labs', 'CartModel.json'));
    expect(r.stderr).toMatch(/^note: info \S+ \$\.DataModel\[0\]/m);
    expect(r.stdout.startsWith('{\n  "format": "monotable/1"')).toBe(true);
  });

  it('a failing import never touches an existing output file; a missing folder is named', async () => {
    writeFileSync(join(tmp.dir, 'keep.json'), 'precious');
    writeFileSync(join(tmp.dir, 'bad.json'), '{"ModelName": ');
    const r = await cli('import', 'bad.json', '-o', 'keep.json');
    expect(r.code).toBe(2);
    expect(read('keep.json')).toBe('precious');
    const wb = join(WORKBENCH_CORPUS, 'amazon-dynamodb-labs', 'CartModel.json');
    const noFolder = await cli('import', wb, '-o', 'no/such/folder/x.json');
    expect(noFolder.code).toBe(2);
    expect(noFolder.stderr).toContain('FILE_UNREADABLE');
    expect(noFolder.stderr).toContain('folder does not exist');
    expect(readdirSync(tmp.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('a Workbench file with a wrong type names the JSON path', async () => {
    writeFileSync(join(tmp.dir, 'wrong.json'), JSON.stringify({ ModelName: 'm', DataModel: [{ TableName: 5 }] }));
    const r = await cli('validate', 'wrong.json');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/error \[SCHEMA_ERROR\] wrong\.json \$\.DataModel\[0\]\.TableName/);
  });
});
