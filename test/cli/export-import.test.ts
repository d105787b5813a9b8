import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_FORMATS } from '../../shared/formats/export.js';
import { parseModel } from '../../shared/model/parse-model.js';
import type { Model } from '../../shared/model/schema.js';
import { findTemplate, templateNames } from '../../shared/templates/index.js';
import { cliFolder } from '../support/run-cli.js';
import { WORKBENCH_CORPUS } from '../support/workbench-corpus.js';

const tmp = cliFolder();
afterAll(() => tmp.remove());
const { cli, read, writeModel } = tmp;

/** cruddur plus a second table: create-table must then be told which one. */
function twoTables(): Model {
  const base = findTemplate('cruddur-messaging')!.model;
  const shop = findTemplate('online-shop')!.model;
  return { ...base, tables: [...base.tables, ...shop.tables] };
}

beforeAll(() => {
  for (const name of templateNames()) writeModel(`${name}.monotable.json`, findTemplate(name)!.model);
});

describe('export', () => {
  it.each(EXPORT_FORMATS)('%s to stdout and to -o give the same text', async (format) => {
    const out = await cli('export', 'cruddur-messaging.monotable.json', '--format', format);
    expect(out.code).toBe(0);
    expect(out.stdout.length).toBeGreaterThan(100);
    const file = await cli('export', 'cruddur-messaging.monotable.json', '--format', format, '-o', `out.${format}`);
    expect(file.code).toBe(0);
    // Workbench stamps the export minute into its metadata; everything else is byte-identical.
    const undated = (text: string) => text.replace(/"Date(Created|LastModified)": "[^"]*"/g, '"Date$1": ""');
    expect(undated(read(`out.${format}`))).toBe(undated(out.stdout));
  });

  it('create-table is the document `aws dynamodb create-table --cli-input-json` takes', async () => {
    const r = await cli('export', 'cruddur-messaging.monotable.json', '--format', 'create-table');
    const doc = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(doc).toMatchObject({ TableName: 'cruddur-messages', BillingMode: 'PAY_PER_REQUEST' });
    expect(doc.GlobalSecondaryIndexes).toEqual([expect.objectContaining({ IndexName: 'message-group-sk-index' })]);
  });

  it('create-table with TTL writes OUT.ttl.json next to OUT, or prints the command on stderr', async () => {
    const file = await cli('export', 'multi-tenant-saas.monotable.json', '--format', 'create-table', '-o', 'saas.json');
    expect(file.code).toBe(0);
    expect(JSON.parse(read('saas.json'))).toMatchObject({ TableName: 'saas-app' });
    expect(JSON.parse(read('saas.ttl.json'))).toMatchObject({
      TableName: 'saas-app',
      TimeToLiveSpecification: { Enabled: true, AttributeName: 'expires_at' },
    });
    expect(file.stderr).toContain('update-time-to-live --cli-input-json file://');
    const out = await cli('export', 'multi-tenant-saas.monotable.json', '--format', 'create-table');
    expect(JSON.parse(out.stdout)).toMatchObject({ TableName: 'saas-app' });
    expect(out.stderr).toMatch(/aws dynamodb update-time-to-live --cli-input-json '\{.*"expires_at".*\}'/);
  });

  it('create-table with several tables needs --table: exit 2 listing the names', async () => {
    writeModel('two.monotable.json', twoTables());
    const r = await cli('export', 'two.monotable.json', '--format', 'create-table');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error [AMBIGUOUS] two.monotable.json $.tables: ');
    for (const t of twoTables().tables) expect(r.stderr).toContain(t.name);
    expect(r.stderr).toContain('--table');
    expect(r.stdout).toBe('');
    const chosen = await cli('export', 'two.monotable.json', '--format', 'create-table', '--table', 'cruddur-messages');
    expect(chosen.code).toBe(0);
    expect(JSON.parse(chosen.stdout)).toMatchObject({ TableName: 'cruddur-messages' });
    const wrong = await cli('export', 'two.monotable.json', '--format', 'create-table', '--table', 'nope');
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain(
      'error [NOT_FOUND] two.monotable.json $.tables: The model "cruddur-messaging" has no table "nope".',
    );
  });

  it('a model with validation errors still exports, with a warning on stderr naming the first error', async () => {
    const model = findTemplate('cruddur-messaging')!.model;
    model.tables[0]!.globalSecondaryIndexes![0]!.name = 'x';
    writeModel('short-index.monotable.json', model);
    const r = await cli('export', 'short-index.monotable.json', '--format', 'create-table');
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(
      /^warning: the model has \d+ validation errors? \(first: \$\.tables\[0\]\.globalSecondaryIndexes\[0\]\.name: /m,
    );
    expect(r.stderr).toContain('monotable validate short-index.monotable.json');
    expect(JSON.parse(r.stdout)).toMatchObject({ TableName: 'cruddur-messages' });
  });

  it('a missing or unknown --format exits 2 listing the formats', async () => {
    const none = await cli('export', 'cruddur-messaging.monotable.json');
    expect(none.code).toBe(2);
    expect(none.stderr).toContain(EXPORT_FORMATS.join(', '));
    const bad = await cli('export', 'cruddur-messaging.monotable.json', '--format', 'xml');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('create-table');
  });
});

describe('import', () => {
  const corpus = join(WORKBENCH_CORPUS, 'aws-dynamodb-examples', 'ChatSystemSchema.json');

  it('validate and export read a Workbench file directly', async () => {
    expect((await cli('validate', corpus)).code).toBe(0);
    const exported = await cli('export', corpus, '--format', 'cloudformation-yaml');
    expect(exported.code).toBe(0);
    expect(exported.stdout).toContain('AWS::DynamoDB::Table');
  });

  it('validate and patterns read a CloudFormation JSON template directly', async () => {
    await cli('export', 'online-shop.monotable.json', '--format', 'cloudformation-json', '-o', 'stack.json');
    const validated = await cli('validate', 'stack.json', '--json');
    expect(validated.code).toBe(0);
    expect(Array.isArray(JSON.parse(validated.stdout))).toBe(true);
    const imported = await cli('import', 'stack.json');
    expect(imported.stderr).toContain('Imported a CloudFormation template: 1 table');
    expect(parseModel(imported.stdout).tables[0]!.name).toBe('online-shop');
  });

  it('a CloudFormation template (YAML) imports back into a model', async () => {
    await cli('export', 'cruddur-messaging.monotable.json', '--format', 'cloudformation-yaml', '-o', 'stack.yaml');
    const r = await cli('import', 'stack.yaml', '-o', 'from-cfn.monotable.json');
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('CloudFormation');
    const model = parseModel(read('from-cfn.monotable.json'));
    expect(model.tables[0]).toMatchObject({
      name: 'cruddur-messages',
      partitionKey: { name: 'pk' },
      sortKey: { name: 'sk' },
    });
  });
});
