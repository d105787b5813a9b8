import { CreateTableCommand } from '@aws-sdk/client-dynamodb';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createInProcessClient } from '../../electron/backend/api/in-process-client.js';
import { getConnection } from '../../electron/backend/connections/connection-registry.js';
import { setEnv } from '../support/env.js';
import { tempFolder } from '../support/temp-folder.js';

const api = createInProcessClient();
let dataDir: string;
let restoreEnv: () => void;
beforeAll(async () => {
  dataDir = await tempFolder('api');
  restoreEnv = setEnv({ MONOTABLE_DATA_DIR: dataDir });
});
afterAll(async () => {
  await api.call('engine.stop', {});
  restoreEnv?.();
});

describe('engine and connection api', () => {
  test('engine.start / status / stop through the dispatcher', async () => {
    expect(await api.call('engine.status', {})).toEqual({
      ok: true,
      value: { running: false, dataDir, inMemory: false },
    });
    const started = await api.call('engine.start', { inMemory: true });
    if (!started.ok) throw new Error(started.error.message);
    expect(started.value).toMatchObject({ running: true, dataDir, inMemory: true });
    expect(started.value.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const again = await api.call('engine.start', {});
    expect(again.ok && again.value.pid).toBe(started.value.pid);
    expect(await api.call('engine.stop', {})).toEqual({ ok: true, value: { stopped: true } });
    expect(await api.call('engine.stop', {})).toEqual({ ok: true, value: { stopped: false } });
  });

  test('connection.open on the embedded engine: id, label, capabilities; list and close', async () => {
    const started = await api.call('engine.start', { inMemory: true });
    if (!started.ok) throw new Error(started.error.message);
    const opened = await api.call('connection.open', { kind: 'embedded' });
    if (!opened.ok) throw new Error(opened.error.message);
    expect(opened.value).toMatchObject({
      kind: 'embedded',
      label: `embedded engine ${started.value.endpoint} (in memory)`,
      capabilities: { transactions: true, partiql: false, ttl: true, streams: false, deletionProtection: false },
      production: false,
      readOnly: false,
    });
    const client = getConnection(opened.value.connectionId).client;
    await client.send(
      new CreateTableCommand({
        TableName: 'Things',
        AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
        BillingMode: 'PAY_PER_REQUEST',
      }),
    );
    const listed = await api.call('connection.list', {});
    expect(listed.ok && listed.value.connections.map((c) => c.connectionId)).toContain(opened.value.connectionId);
    expect(await api.call('connection.close', { connectionId: opened.value.connectionId })).toEqual({
      ok: true,
      value: { closed: true },
    });
    expect(() => getConnection(opened.value.connectionId)).toThrow(/No open connection/);
  });

  test('connection.profiles lists profile names from the shared files', async () => {
    const dir = await tempFolder('profiles');
    await writeFile(
      join(dir, 'config'),
      '[default]\nregion = eu-central-1\n[profile dev]\nsso_session = corp\nregion = us-west-2\n',
    );
    await writeFile(
      join(dir, 'credentials'),
      '[ci]\naws_access_key_id = AKIAEXAMPLEEXAMPLE12\naws_secret_access_key = x\n',
    );
    const restoreAwsFiles = setEnv({
      AWS_CONFIG_FILE: join(dir, 'config'),
      AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials'),
    });
    try {
      expect(await api.call('connection.profiles', {})).toEqual({
        ok: true,
        value: {
          profiles: [
            { name: 'ci', sso: false, source: `static access keys in ${join(dir, 'credentials')}` },
            {
              name: 'default',
              region: 'eu-central-1',
              sso: false,
              source: `no credentials configured in ${join(dir, 'config')} or ${join(dir, 'credentials')}`,
            },
            {
              name: 'dev',
              region: 'us-west-2',
              sso: true,
              source: 'IAM Identity Center (SSO) session corp; the token comes from `aws sso login`',
            },
          ],
        },
      });
    } finally {
      restoreAwsFiles();
    }
  });

  test('bad specs are BAD_INPUT; an endpoint connection reports its access key id and region', async () => {
    const bad = await api.call('connection.open', { kind: 'endpoint', url: 'ftp://x' } as never);
    expect(!bad.ok && bad.error.code).toBe('BAD_INPUT');
    const noRegion = await api.call('connection.open', { kind: 'aws', profile: 'x' } as never);
    expect(!noRegion.ok && noRegion.error.code).toBe('BAD_INPUT');
    const endpoint = await api.call('connection.open', {
      kind: 'endpoint',
      url: 'http://127.0.0.1:1',
      accessKeyId: 'bob',
      region: 'ap-south-1',
    });
    expect(endpoint.ok && endpoint.value.label).toBe(
      'endpoint http://127.0.0.1:1 (access key id bob, region ap-south-1)',
    );
    expect(endpoint.ok && endpoint.value.accessKeyId).toBe('bob');
  });
});
