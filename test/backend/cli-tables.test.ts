import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { main } from '../../electron/cli/main.js';
import { startConnectionCounter } from '../support/connection-counter.js';
import { setEnv } from '../support/env.js';
import { runCli } from '../support/run-cli.js';
import { ordersModel } from './table-model.js';
import { tempFolder } from '../support/temp-folder.js';

let dir: string;
let restoreEnv: () => void;
beforeAll(async () => {
  dir = await tempFolder('cli-tables');
  restoreEnv = setEnv({ MONOTABLE_DATA_DIR: join(dir, 'engine') });
  await writeFile(join(dir, 'orders.monotable.json'), JSON.stringify(ordersModel(), null, 2));
  const withNewIndex = ordersModel({
    globalSecondaryIndexes: [
      ...(ordersModel().tables[0]!.globalSecondaryIndexes ?? []),
      { name: 'by-total', partitionKey: { name: 'total_bucket', type: 'S' }, projection: { type: 'KEYS_ONLY' } },
    ],
  });
  await writeFile(join(dir, 'orders-v2.monotable.json'), JSON.stringify(withNewIndex, null, 2));
});
afterAll(() => restoreEnv?.());

/** Runs `monotable ...` in-process against the embedded engine of the temp data folder (a real dynalite each time). */
const run = (...argv: string[]) => runCli(argv, dir);

describe('monotable create / drift / drop on the embedded engine', () => {
  test('create: tables ACTIVE, TTL enabled; again: TABLE_EXISTS; --if-not-exists: skipped with drift', async () => {
    const created = await run('create', 'orders.monotable.json', '--embedded');
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(/^created Orders \(ACTIVE after \d+\.\d s\)$/m);
    expect(created.stdout).not.toContain('TTL not applied');
    expect(created.stderr).toMatch(
      /connection: embedded engine http:\/\/127\.0\.0\.1:\d+ \(data .*started for this command\)/,
    );
    const again = await run('create', 'orders.monotable.json', '--embedded');
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('error [TABLE_EXISTS]');
    expect(again.stderr).toContain('hint:');
    const skip = await run('create', 'orders.monotable.json', '--embedded', '--if-not-exists');
    expect(skip.code).toBe(0);
    expect(skip.stdout).toContain('exists Orders: matches the model');
  });

  test('drift: exit 0 when it matches, 1 with the differences, --json; --fix is refused by dynalite with a way out', async () => {
    expect((await run('drift', 'orders.monotable.json', '--embedded')).stdout).toContain('Orders: matches the model');
    const drift = await run('drift', 'orders-v2.monotable.json', '--embedded');
    expect(drift.code).toBe(1);
    expect(drift.stdout).toContain(
      'Orders gsi[by-total]: global secondary index by-total is in the model but not in the live table (--fix adds it)',
    );
    expect(drift.stderr).not.toContain('TTL not compared');
    const json = await run('drift', 'orders-v2.monotable.json', '--embedded', '--json');
    expect(JSON.parse(json.stdout)).toEqual({
      tables: [
        {
          table: 'Orders',
          added: [],
          differences: [expect.objectContaining({ path: 'gsi[by-total]', kind: 'missing', fixable: true })],
        },
      ],
    });
    const fixed = await run('drift', 'orders-v2.monotable.json', '--embedded', '--fix');
    expect(fixed.code).toBe(2);
    expect(fixed.stderr).toContain('error [ENGINE_UNSUPPORTED]');
    expect(fixed.stderr).toContain('hint: Locally, re-create the table instead');
  });

  test('drop: needs --table; production needs --confirm; then the table is gone', async () => {
    expect((await run('drop', 'orders.monotable.json', '--embedded')).code).toBe(2);
    const unconfirmed = await run('drop', 'orders.monotable.json', '--embedded', '--production', '--table', 'Orders');
    expect(unconfirmed.code).toBe(2);
    expect(unconfirmed.stderr).toContain('error [CONFIRMATION_REQUIRED]');
    expect(unconfirmed.stderr).toContain('--confirm Orders');
    const dropped = await run(
      'drop',
      'orders.monotable.json',
      '--embedded',
      '--production',
      '--table',
      'Orders',
      '--confirm',
      'Orders',
    );
    expect(dropped.code).toBe(0);
    expect(dropped.stdout).toMatch(/^deleted Orders/m);
    const gone = await run('drift', 'orders.monotable.json', '--embedded');
    expect(gone.code).toBe(2);
    expect(gone.stderr).toContain('error [TABLE_NOT_FOUND]');
  });

  test('connection flags are checked before anything runs', async () => {
    const none = await run('create', 'orders.monotable.json');
    expect(none.code).toBe(2);
    expect(none.stderr).toContain(
      'Use exactly one of --embedded, --endpoint URL, --profile P --region R, or --region R (default AWS credentials).',
    );
    const two = await run('drift', 'orders.monotable.json', '--embedded', '--endpoint', 'http://127.0.0.1:1');
    expect(two.code).toBe(2);
    // AWS itself is a loopback connection counter here: a profile without credentials sends nothing at all.
    const counter = await startConnectionCounter();
    const restoreAwsFiles = setEnv({
      AWS_CONFIG_FILE: join(dir, 'no-config'),
      AWS_SHARED_CREDENTIALS_FILE: join(dir, 'no-credentials'),
      AWS_ENDPOINT_URL: counter.url,
    });
    try {
      const aws = await run('drift', 'orders.monotable.json', '--profile', 'ghost', '--region', 'eu-west-1');
      expect(aws.code).toBe(2);
      expect(aws.stderr).toContain('error [CREDENTIALS]');
      expect(aws.stderr).toContain('aws sso login --profile ghost');
      expect(counter.connections()).toBe(0);
    } finally {
      restoreAwsFiles();
      await counter.close();
    }
    const refused = await run('create', 'orders.monotable.json', '--endpoint', 'http://127.0.0.1:1');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('error [CONNECTION_FAILED]');
    expect(refused.stderr).toContain('monotable engine');
  });

  test('--embedded uses the running `monotable engine` of the data folder', async () => {
    const controller = new AbortController();
    const stdout = new PassThrough();
    let engineOut = '';
    stdout.on('data', (c: Buffer) => (engineOut += c.toString()));
    const engine = main(['engine', '--in-memory'], {
      stdout,
      stderr: new PassThrough(),
      cwd: dir,
      signal: controller.signal,
    });
    while (!engineOut.includes('endpoint:')) await new Promise((resolve) => setTimeout(resolve, 20));
    const endpoint = /endpoint: (\S+)/.exec(engineOut)![1]!;
    try {
      const created = await run('create', 'orders.monotable.json', '--embedded');
      expect(created.code).toBe(0);
      expect(created.stderr).toContain(`connection: embedded engine ${endpoint} (in memory)`);
      const viaUrl = await run('drift', 'orders.monotable.json', '--endpoint', endpoint);
      expect(viaUrl.code).toBe(0);
      expect(viaUrl.stderr).toContain('Monotable engine');
    } finally {
      controller.abort();
      expect(await engine).toBe(0);
    }
  });
});
