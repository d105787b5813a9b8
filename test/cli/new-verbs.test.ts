import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInProcessClient } from '../../electron/backend/api/in-process-client.js';
import { findTemplate } from '../../shared/templates/index.js';
import { startTestEngine, type TestEngine } from '../support/engine.js';
import { setEnv } from '../support/env.js';
import { createModelTable } from '../support/model-tables.js';
import { cliFolder, type CliFolder } from '../support/run-cli.js';

/** The doors issue 6 adds: preview, estimate, tables, model.estimate; and the rules both doors share. */
const api = createInProcessClient();
const cruddur = findTemplate('cruddur-messaging')!.model;
let folder: CliFolder;
let engine: TestEngine;
const lines = (stdout: string): Record<string, unknown>[] =>
  stdout
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);

beforeAll(async () => {
  folder = cliFolder();
  folder.writeModel('cruddur.json', cruddur);
  engine = await startTestEngine();
});
afterAll(async () => {
  await engine?.stop();
  folder?.remove();
});

describe('monotable preview FILE PATTERN', () => {
  it('prints the items the pattern returns over the sample items (no engine), the same as model.preview', async () => {
    const result = await folder.cli('preview', 'cruddur.json', 'list-messages');
    expect(result.code, result.stderr).toBe(0);
    const viaApi = await api.call('model.preview', { model: cruddur, pattern: 'list-messages' });
    if (!viaApi.ok) throw new Error(viaApi.error.message);
    expect(lines(result.stdout)).toEqual(viaApi.value.preview.items);
    expect(viaApi.value.preview.items.length).toBeGreaterThan(0);
    expect(result.stderr).toMatch(
      new RegExp(
        `^Query on the table: ${viaApi.value.preview.count} item\\(s\\), [\\d.]+ read unit\\(s\\) \\(preview over the sample items, no engine\\)$`,
        'm',
      ),
    );
  });

  it('--param overrides the example; --json prints the request too; a bad pattern or parameter exits 2', async () => {
    const none = await folder.cli('preview', 'cruddur.json', 'list-messages', '--param', 'message_group_uuid=nobody');
    expect(none.code).toBe(0);
    expect(none.stdout).toBe('');
    expect(none.stderr).toMatch(/: 0 item\(s\)/);
    const json = await folder.cli('preview', 'cruddur.json', 'list-messages', '--json');
    expect(JSON.parse(json.stdout)).toMatchObject({
      pattern: 'list-messages',
      operation: 'Query',
      request: { operation: 'Query', input: { TableName: 'cruddur-messages' } },
    });
    const unknown = await folder.cli('preview', 'cruddur.json', 'no-such-pattern');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/error \[[A-Z_]+\].*no-such-pattern/);
    const oneWord = await folder.cli('preview', 'cruddur.json');
    expect(oneWord.code).toBe(2);
    expect(oneWord.stderr).toContain('Name the model file and the access pattern.');
  });
});

describe('monotable estimate FILE', () => {
  it('prints item sizes, units per pattern with GSI writes, the monthly cost and the price date', async () => {
    const result = await folder.cli(
      'estimate',
      'cruddur.json',
      '--reads-per-second',
      '100',
      '--writes-per-second',
      '10',
    );
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^Prices: us-east-1, USD, as of \d{4}-\d{2}-\d{2} /);
    expect(result.stdout).toMatch(/^ {2}MessageGroup +\d+ +\d+ B$/m);
    expect(result.stdout).toMatch(/^ {2}create-message +PutItem +- +0 +1 +message-group-sk-index 1 +10 +\$/m);
    expect(result.stdout).toMatch(/^Total: \$[\d.]+ per month$/m);
  });

  it('--json is model.estimate with the same rates: one function behind both doors', async () => {
    const result = await folder.cli(
      'estimate',
      'cruddur.json',
      '--json',
      '--reads-per-second',
      '5',
      '--rate',
      'create-message=2',
    );
    const viaApi = await api.call('model.estimate', {
      model: cruddur,
      readsPerSecond: 5,
      requestsPerSecond: { 'create-message': 2 },
    });
    if (!viaApi.ok) throw new Error(viaApi.error.message);
    const estimate = JSON.parse(result.stdout) as typeof viaApi.value.estimate;
    expect(estimate).toEqual(viaApi.value.estimate);
    const rates = Object.fromEntries(estimate.tables[0]!.patterns.map((p) => [p.pattern, p.requestsPerSecond]));
    expect(rates).toMatchObject({ 'list-messages': 5, 'find-group-rows': 5, 'create-message': 2 });
    expect(estimate.pricesAsOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const put = estimate.tables[0]!.patterns.find((p) => p.pattern === 'create-message')!;
    expect(put.gsiWriteUnits).toEqual({ 'message-group-sk-index': 1 });
    expect(put.writeUnits).toBe(put.tableWriteUnits + 1);
    expect(put.cost).toBeGreaterThan(0);
  });

  it('refuses an unknown pattern, a negative rate and an unpriced Region, naming what to use', async () => {
    const unknown = await folder.cli('estimate', 'cruddur.json', '--rate', 'nope=1');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/error \[NOT_FOUND\].*"nope"[\s\S]*hint: Patterns: list-message-groups/);
    const negative = await folder.cli('estimate', 'cruddur.json', '--reads-per-second', '-3');
    expect(negative.code).toBe(2);
    const region = await folder.cli('estimate', 'cruddur.json', '--region', 'mars-1');
    expect(region.code).toBe(2);
    expect(region.stderr).toMatch(/no prices for Region "mars-1"/);
  });
});

describe('monotable tables (connection)', () => {
  it('lists the live tables of the connection, as a list-tables script does', async () => {
    const endpoint = ['--endpoint', engine.engine.endpoint];
    const empty = await folder.cli('tables', ...endpoint);
    expect(empty.code).toBe(0);
    expect(empty.stdout).toBe('');
    expect(empty.stderr).toContain('no tables');
    await createModelTable(engine.client, cruddur, 'cruddur-messages');
    const listed = await folder.cli('tables', ...endpoint);
    expect(listed.stdout).toBe('cruddur-messages\n');
    expect(JSON.parse((await folder.cli('tables', ...endpoint, '--json')).stdout)).toEqual({
      tables: ['cruddur-messages'],
    });
    const file = await folder.cli('tables', 'cruddur.json', ...endpoint);
    expect(file.code).toBe(2);
    expect((await folder.cli('tables')).stderr).toContain('Use exactly one of --embedded');
  });
});

describe('did you mean', () => {
  it('an unknown verb or option names the nearest one, without the whole help', async () => {
    const verb = await folder.cli('valdate', 'cruddur.json');
    expect(verb.code).toBe(2);
    expect(verb.stderr).toBe(
      'error [BAD_INPUT]: unknown command "valdate". Did you mean `monotable validate`?\n  hint: run `monotable --help` for the list of commands.\n',
    );
    const option = await folder.cli('create', 'cruddur.json', '--embeded');
    expect(option.code).toBe(2);
    expect(option.stderr).toMatch(
      /^error \[BAD_INPUT\]: unknown option --embeded for `monotable create`\. Did you mean --embedded\?\n/,
    );
    expect(option.stderr.split('\n').filter(Boolean)).toHaveLength(2);
    const swapped = await folder.cli('seed', 'cruddur.json', '--dry-run', '--tabel', 'x');
    expect(swapped.stderr).toContain('Did you mean --table?');
    const far = await folder.cli('validate', 'cruddur.json', '--frobnicate');
    expect(far.stderr).not.toContain('Did you mean');
  });
});

describe('model files through model.open', () => {
  it("the CLI reads through the contract's reader, errors name the file as typed, the app's recent list is left alone", async () => {
    const restore = setEnv({ MONOTABLE_DATA_DIR: join(folder.dir, 'data') });
    try {
      const ok = await folder.cli('validate', 'cruddur.json');
      expect(ok.code).toBe(0);
      const missing = await folder.cli('patterns', 'nope.json');
      expect(missing.stderr).toMatch(/^error \[FILE_NOT_FOUND\] nope\.json: There is no file nope\.json\.\n/);
      expect(existsSync(join(folder.dir, 'data', 'recent.json'))).toBe(false);
      const opened = await api.call('model.open', { path: join(folder.dir, 'cruddur.json') });
      expect(opened.ok).toBe(true);
      expect(existsSync(join(folder.dir, 'data', 'recent.json'))).toBe(true); // the app's open does remember
    } finally {
      restore();
    }
  });
});

describe('the same rule at both doors', () => {
  it('scale with counts is refused by `seed` and by seed.plan / seed.run alike', async () => {
    const cli = await folder.cli('seed', 'cruddur.json', '--dry-run', '--scale', '2', '--count', 'Message=3');
    expect(cli.code).toBe(2);
    expect(cli.stderr).toMatch(/^error \[BAD_INPUT\] \$\.scale: Use scale or counts, not both\.\n {2}hint: /);
    const both = { model: cruddur, scale: 2, counts: { Message: 3 } };
    const plan = await api.call('seed.plan', both);
    const opened = await api.call('connection.open', { kind: 'endpoint', url: engine.engine.endpoint });
    if (!opened.ok) throw new Error(opened.error.message);
    const run = await api.call('seed.run', { ...both, connectionId: opened.value.connectionId });
    await api.call('connection.close', { connectionId: opened.value.connectionId });
    for (const result of [plan, run])
      expect(result).toMatchObject({
        ok: false,
        error: { code: 'BAD_INPUT', message: 'Use scale or counts, not both.', details: { path: '$.scale' } },
      });
  });
});
