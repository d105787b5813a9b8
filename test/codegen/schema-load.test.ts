import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateSchemaLoad } from '../../shared/formats/code/boto3-schema-load.js';
import { createTableDocuments } from '../../shared/formats/create-table.js';
import { TEMPLATES } from '../../shared/templates/index.js';
import { codegenFolder } from './compile-generated.js';
import { edgeCaseModel } from './edge-case-model.js';

const cruddur = TEMPLATES.find((t) => t.name === 'cruddur-messaging')!.model;
const saas = TEMPLATES.find((t) => t.name === 'multi-tenant-saas')!.model;

interface Call {
  operation: string;
  kwargs: Record<string, unknown>;
}

function writeScript(source: string): string {
  const file = join(codegenFolder('schema-load'), 'schema-load');
  writeFileSync(file, source, { mode: 0o755 });
  return file;
}

/** Runs the script against the recording boto3 stub (boto3 cannot be installed here). */
function runScript(
  file: string,
  args: string[],
  env: Record<string, string> = {},
): { status: number | null; stdout: string; stderr: string; calls: Call[] } {
  // -B: importing the boto3 stub must not write a __pycache__ into the repository.
  const run = spawnSync('python3', ['-B', resolve(import.meta.dirname, 'run-schema-load.py'), file, ...args], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
  });
  const line = run.stdout.split('\n').find((l) => l.startsWith('CALLS: '));
  return {
    status: run.status,
    stdout: run.stdout,
    stderr: run.stderr,
    calls: line ? (JSON.parse(line.slice(7)) as Call[]) : [],
  };
}

describe('generateSchemaLoad', () => {
  it('is valid Python for every template and the edge-case model (py_compile)', () => {
    for (const model of [...TEMPLATES.map((t) => t.model), edgeCaseModel]) {
      const run = spawnSync('python3', ['-m', 'py_compile', writeScript(generateSchemaLoad(model))], {
        encoding: 'utf8',
      });
      expect({ status: run.status, stderr: run.stderr }, model.name).toEqual({ status: 0, stderr: '' });
    }
  });

  it('reads prod from sys.argv and defaults to http://localhost:8000', () => {
    const source = generateSchemaLoad(cruddur);
    expect(source.startsWith('#!/usr/bin/env python3\n')).toBe(true);
    expect(source).toContain('os.environ.get("AWS_ENDPOINT_URL_DYNAMODB", "http://localhost:8000")');
    expect(source).toContain('elif sys.argv[1:] == ["prod"]:');
    expect(source).toContain('"TableName": "cruddur-messages"');
  });

  it('creates each table on localhost:8000 with the create-table document, waits for it, then turns TTL on', () => {
    const { status, calls, stdout } = runScript(writeScript(generateSchemaLoad(saas)), []);
    expect(status).toBe(0);
    const documents = createTableDocuments(saas, 'saas-app');
    expect(calls).toEqual([
      {
        operation: 'client',
        kwargs: {
          endpoint_url: 'http://localhost:8000',
          aws_access_key_id: 'local',
          aws_secret_access_key: 'local',
          region_name: 'us-east-1',
        },
      },
      { operation: 'CreateTable', kwargs: documents.createTable },
      {
        operation: 'wait:table_exists',
        kwargs: { TableName: 'saas-app', WaiterConfig: { Delay: 2, MaxAttempts: 150 } },
      },
      { operation: 'UpdateTimeToLive', kwargs: documents.timeToLive },
    ]);
    expect(stdout).toContain('saas-app: ACTIVE');
  });

  it('uses AWS (no endpoint) with prod, keeps the configured region, and refuses other arguments', () => {
    const file = writeScript(generateSchemaLoad(cruddur));
    const prod = runScript(file, ['prod'], { AWS_DEFAULT_REGION: 'eu-west-1' });
    expect(prod.status).toBe(0);
    expect(prod.calls[0]).toEqual({ operation: 'client', kwargs: {} });
    expect(prod.calls.map((c) => c.operation)).toEqual(['client', 'CreateTable', 'wait:table_exists']);
    const local = runScript(file, [], {
      AWS_DEFAULT_REGION: 'eu-west-1',
      AWS_ENDPOINT_URL_DYNAMODB: 'http://127.0.0.1:4566',
    });
    expect(local.calls[0]).toEqual({
      operation: 'client',
      kwargs: { endpoint_url: 'http://127.0.0.1:4566', aws_access_key_id: 'local', aws_secret_access_key: 'local' },
    });
    const wrong = runScript(file, ['production']);
    expect(wrong.status).not.toBe(0);
    expect(wrong.stderr).toContain('usage:');
    expect(wrong.calls).toEqual([]);
  });

  it('creates every table of a model, or only the one named with { table }', () => {
    const all = runScript(writeScript(generateSchemaLoad(edgeCaseModel)), []);
    expect(all.calls.filter((c) => c.operation === 'CreateTable').map((c) => c.kwargs.TableName)).toEqual([
      'edge.cases-v2',
      'hostile-text',
    ]);
    const one = runScript(writeScript(generateSchemaLoad(edgeCaseModel, { table: 'hostile-text' })), []);
    expect(one.calls.filter((c) => c.operation === 'CreateTable').map((c) => c.kwargs.TableName)).toEqual([
      'hostile-text',
    ]);
    expect(() => generateSchemaLoad(edgeCaseModel, { table: 'nope' })).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND' }),
    );
  });

  it('leaves an existing table alone and goes on', () => {
    const { status, calls, stdout } = runScript(writeScript(generateSchemaLoad(cruddur)), [], {
      STUB_EXISTING_TABLES: 'cruddur-messages',
    });
    expect(status).toBe(0);
    expect(stdout).toContain('cruddur-messages: already exists, left unchanged');
    expect(calls.map((c) => c.operation)).toEqual(['client']);
  });
});
