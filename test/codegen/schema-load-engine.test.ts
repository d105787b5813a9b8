import { DescribeTableCommand, DescribeTimeToLiveCommand } from '@aws-sdk/client-dynamodb';
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEMPLATES } from '../../shared/templates/index.js';
import { cliFolder, type CliFolder } from '../support/run-cli.js';
import { startTestEngine, type TestEngine } from '../support/engine.js';

const saas = TEMPLATES.find((t) => t.name === 'multi-tenant-saas')!.model;
/** The real boto3, where this machine has it (the stub-based tests in schema-load.test.ts run everywhere). */
const hasBoto3 = spawnSync('python3', ['-c', 'import boto3'], { encoding: 'utf8' }).status === 0;

let folder: CliFolder;
let engine: TestEngine;
beforeAll(async () => {
  folder = cliFolder();
  engine = await startTestEngine();
});
afterAll(async () => {
  folder.remove();
  await engine.stop();
});

describe('the generated schema-load script', () => {
  it('is written executable with -o (mode 0755)', async () => {
    const model = folder.writeModel('saas.monotable.json', saas);
    const result = await folder.cli('export', model, '--format', 'boto3-schema-load', '-o', 'schema-load');
    expect(result.code).toBe(0);
    expect(statSync(join(folder.dir, 'schema-load')).mode & 0o777).toBe(0o755);
    const json = await folder.cli('export', model, '--format', 'workbench', '-o', 'model.json');
    expect(json.code).toBe(0);
    expect(statSync(join(folder.dir, 'model.json')).mode & 0o111).toBe(0);
  });

  it.skipIf(!hasBoto3)(
    'runs with real boto3 against the local engine with no credentials configured at all',
    async () => {
      const script = join(folder.dir, 'schema-load');
      const run = spawnSync(script, [], {
        encoding: 'utf8',
        cwd: folder.dir,
        // No AWS_* variables and an empty HOME: no credentials anywhere; only the endpoint.
        env: { PATH: process.env.PATH ?? '', HOME: folder.dir, AWS_ENDPOINT_URL_DYNAMODB: engine.engine.endpoint },
        timeout: 60_000,
      });
      expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' });
      expect(run.stdout).toContain('saas-app: ACTIVE');
      const table = await engine.client.send(new DescribeTableCommand({ TableName: 'saas-app' }));
      expect(table.Table?.TableStatus).toBe('ACTIVE');
      const ttl = await engine.client.send(new DescribeTimeToLiveCommand({ TableName: 'saas-app' }));
      expect(ttl.TimeToLiveDescription?.TimeToLiveStatus).toBe('ENABLED');
    },
    60_000,
  );
});
