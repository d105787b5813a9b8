import { execFile, spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serializeModel } from '../../shared/model/serialize-model.js';
import { findTemplate } from '../../shared/templates/index.js';
import { startTestEngine } from '../support/engine.js';
import { REPO, spawnCli, tempFolder } from '../support/run-cli.js';

/** The real `monotable` binary (bin/monotable.js → dist/), as CI and users run it. Needs `npm run build:node`. */
const tmp = tempFolder();
afterAll(() => tmp.remove());
const run = (...args: string[]) => spawnCli(args, tmp.dir);

beforeAll(() => {
  if (!existsSync(join(REPO, 'dist', 'electron', 'cli', 'main.js')))
    throw new Error('Run `npm run build:node` before these tests.');
});

describe('the built monotable command', () => {
  it('--help lists the model verbs; --version prints the version', async () => {
    const help = await run('--help');
    expect(help.code).toBe(0);
    for (const verb of ['validate', 'patterns', 'export', 'import', 'templates', 'new'])
      expect(help.stdout).toMatch(new RegExp(`^  ${verb} `, 'm'));
    expect((await run('--version')).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it('new + validate: exit 0; an error model: exit 1; a broken file: exit 2 with no stack trace', async () => {
    expect((await run('new', '--template', 'cruddur-messaging', '-o', 'm.monotable.json')).code).toBe(0);
    const ok = await run('validate', 'm.monotable.json');
    expect(ok.code).toBe(0);
    writeFileSync(
      join(tmp.dir, 'bad-name.json'),
      JSON.stringify({
        format: 'monotable/1',
        name: 'x',
        tables: [
          {
            name: 'a b',
            partitionKey: { name: 'pk', type: 'S' },
            billing: { mode: 'on-demand' },
            entities: [],
            accessPatterns: [],
          },
        ],
      }),
    );
    expect((await run('validate', 'bad-name.json')).code).toBe(1);
    writeFileSync(join(tmp.dir, 'hostile.json'), '{"format":"monotable/1","__proto__":{"x":1}}');
    const hostile = await run('validate', 'hostile.json');
    expect(hostile.code).toBe(2);
    expect(hostile.stderr).toMatch(/^error \[FORBIDDEN_KEY\] hostile\.json \$\.__proto__: /);
    expect(hostile.stderr).not.toMatch(/\n\s+at /);
    const debug = await run('validate', 'hostile.json', '--debug');
    expect(debug.stderr).toMatch(/\n\s+at /);
  });

  it('a reader that closes the pipe early (`| head`) ends the command quietly, without an EPIPE crash', async () => {
    const model = findTemplate('cruddur-messaging')!.model;
    const table = model.tables[0]!;
    const base = table.accessPatterns.find((p) => p.name === 'list-messages')!;
    table.accessPatterns = Array.from({ length: 3000 }, (_, i) => ({ ...base, name: `list-messages-${i}` }));
    writeFileSync(join(tmp.dir, 'many.monotable.json'), serializeModel(model));
    const child = spawn(
      process.execPath,
      [join(REPO, 'bin', 'monotable.js'), 'patterns', 'many.monotable.json', '--json'],
      { cwd: tmp.dir, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((done) => child.on('close', done));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it('exported create-table JSON is accepted by the real AWS CLI against the embedded engine', async () => {
    expect((await run('new', '--template', 'cruddur-messaging', '-o', 'c.monotable.json', '--force')).code).toBe(0);
    expect((await run('export', 'c.monotable.json', '--format', 'create-table', '-o', 'create.json')).code).toBe(0);
    const { engine, stop } = await startTestEngine();
    try {
      const aws = promisify(execFile);
      const env = {
        ...process.env,
        AWS_ACCESS_KEY_ID: 'local',
        AWS_SECRET_ACCESS_KEY: 'local',
        AWS_DEFAULT_REGION: 'us-east-1',
        AWS_PAGER: '',
      };
      const common = ['--endpoint-url', engine.endpoint, '--output', 'json'];
      await aws(
        '/usr/bin/aws',
        ['dynamodb', 'create-table', '--cli-input-json', `file://${join(tmp.dir, 'create.json')}`, ...common],
        { env },
      );
      const { stdout } = await aws(
        '/usr/bin/aws',
        ['dynamodb', 'describe-table', '--table-name', 'cruddur-messages', ...common],
        { env },
      );
      const table = (
        JSON.parse(stdout) as {
          Table: { KeySchema: unknown[]; GlobalSecondaryIndexes: { IndexName: string; Projection: unknown }[] };
        }
      ).Table;
      expect(table.KeySchema).toEqual([
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ]);
      expect(table.GlobalSecondaryIndexes.map((g) => [g.IndexName, g.Projection])).toEqual([
        ['message-group-sk-index', { ProjectionType: 'ALL' }],
      ]);
    } finally {
      await stop();
    }
  });
});
