import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseModel } from '../../shared/model/parse-model.js';
import { serializeModel } from '../../shared/model/serialize-model.js';
import { findTemplate, templateNames } from '../../shared/templates/index.js';
import { cliFolder } from '../support/run-cli.js';

const tmp = cliFolder();
afterAll(() => tmp.remove());
const { cli, read, writeModel } = tmp;

describe('templates and new', () => {
  it('templates lists every built-in template; --json is machine-readable', async () => {
    const human = await cli('templates');
    expect(human.code).toBe(0);
    for (const name of templateNames()) expect(human.stdout).toMatch(new RegExp(`^${name} `, 'm'));
    const json = await cli('templates', '--json');
    expect((JSON.parse(json.stdout) as { name: string }[]).map((t) => t.name)).toEqual(templateNames());
  });

  it('new writes the template as a canonical model file and refuses to overwrite without --force', async () => {
    const first = await cli('new', '--template', 'cruddur-messaging', '-o', 'cruddur.monotable.json');
    expect(first.code).toBe(0);
    const text = read('cruddur.monotable.json');
    expect(serializeModel(parseModel(text))).toBe(text);
    expect(parseModel(text).tables[0]!.name).toBe('cruddur-messages');
    writeFileSync(join(tmp.dir, 'cruddur.monotable.json'), 'mine');
    const again = await cli('new', '--template', 'online-shop', '-o', 'cruddur.monotable.json');
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already exists');
    expect(again.stderr).toContain('--force');
    expect(read('cruddur.monotable.json')).toBe('mine');
    const forced = await cli('new', '--template', 'cruddur-messaging', '-o', 'cruddur.monotable.json', '--force');
    expect(forced.code).toBe(0);
    expect(read('cruddur.monotable.json')).toBe(text);
    expect(readdirSync(tmp.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('new without -o prints the model on stdout', async () => {
    const r = await cli('new', '--template', 'game-leaderboard');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(parseModel(r.stdout).name).toBe('game-leaderboard');
  });

  it('new: unknown or missing template exits 2 listing the names', async () => {
    const unknown = await cli('new', '--template', 'nope', '-o', 'x.json');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('cruddur-messaging');
    expect(existsSync(join(tmp.dir, 'x.json'))).toBe(false);
    expect((await cli('new')).code).toBe(2);
  });
});

describe('validate', () => {
  beforeAll(async () => {
    for (const name of templateNames()) await cli('new', '--template', name, '-o', `${name}.monotable.json`);
  });

  it.each(templateNames())('the %s template has no errors (exit 0) and --json prints an array', async (name) => {
    const human = await cli('validate', `${name}.monotable.json`);
    expect(human.stderr).toBe('');
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(/^0 errors, \d+ warnings?, \d+ info$/m);
    const json = await cli('validate', `${name}.monotable.json`, '--json');
    expect(json.code).toBe(0);
    expect(Array.isArray(JSON.parse(json.stdout))).toBe(true);
  });

  it('a model with errors exits 1 and prints "severity code path: message" with a hint', async () => {
    const model = findTemplate('cruddur-messaging')!.model;
    model.tables[0]!.name = 'bad name!';
    model.tables[0]!.partitionKey = { name: 'pk', type: 'S' };
    writeModel('broken.monotable.json', model);
    const r = await cli('validate', 'broken.monotable.json');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^error \S+ \$\.tables\[0\]\.name: .+\n {2}hint: .+/m);
    expect(r.stdout).toMatch(/^[1-9]\d* errors?, /m);
    const json = await cli('validate', 'broken.monotable.json', '--json');
    expect(json.code).toBe(1);
    const diagnostics = JSON.parse(json.stdout) as { severity: string; path: string }[];
    expect(diagnostics.some((d) => d.severity === 'error' && d.path === '$.tables[0].name')).toBe(true);
  });
});

describe('patterns', () => {
  it('lists each pattern with the operation and index that serve it', async () => {
    const r = await cli('patterns', 'cruddur-messaging.monotable.json');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^PATTERN\s+ENTITY\s+OPERATION\s+SERVED BY\s+SUMMARY$/m);
    expect(r.stdout).toMatch(/^list-messages\s+Message\s+Query\s+cruddur-messages \(table\)/m);
    expect(r.stdout).toMatch(/^find-group-rows\s+\S+\s+Query\s+message-group-sk-index \(GSI\)/m);
    const json = await cli('patterns', 'cruddur-messaging.monotable.json', '--json');
    const patterns = JSON.parse(json.stdout) as { name: string; operation: string; indexName?: string }[];
    expect(patterns.find((p) => p.name === 'find-group-rows')).toMatchObject({
      operation: 'Query',
      indexName: 'message-group-sk-index',
    });
  });

  it('flags scans and exits 1 when a pattern has errors, printing its findings under it', async () => {
    const model = findTemplate('cruddur-messaging')!.model;
    const table = model.tables[0]!;
    table.accessPatterns.push(
      {
        name: 'all-messages-by-handle',
        entity: 'Message',
        kind: 'query',
        parameters: [{ name: 'user_handle', example: 'bayko' }],
        keyCondition: { partition: { attribute: 'user_handle' } },
      },
      { name: 'every-message', entity: 'Message', kind: 'scan', parameters: [] },
    );
    writeModel('scans.monotable.json', model);
    const r = await cli('patterns', 'scans.monotable.json');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^every-message\s+Message\s+Scan \(scan!\)/m);
    expect(r.stdout).toMatch(/^all-messages-by-handle .*\n {4}error \S+ \$\.tables\[0\]\.accessPatterns\[\d+\]/m);
  });
});
