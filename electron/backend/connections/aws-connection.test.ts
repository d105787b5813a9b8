import { mkdir, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openConnection } from './connection.js';
import { isMonotableError, type MonotableError } from '../../../shared/errors/monotable-error.js';
import { type ConnectionCounter, startConnectionCounter } from '../../../test/support/connection-counter.js';
import { tempFolder } from '../../../test/support/temp-folder.js';

// AWS profiles from temp config files only. Every AWS service (SSO, STS, DynamoDB) is pointed at a loopback
// connection counter through AWS_ENDPOINT_URL, so a test can prove what was sent, and nothing leaves the machine.
// A real secret access key is 40 characters.
const SECRET = 'wJalrXUtnFEMIK7MDENGbPxRfiCYzzSECRETKEY0';
const START_URL = 'https://example-sso.awsapps.com/start';
const LIVE_START_URL = 'https://example-live-sso.awsapps.com/start';
const saved = { ...process.env };
let home: string;
let aws: ConnectionCounter;

beforeAll(async () => {
  home = await tempFolder('aws');
  await mkdir(join(home, '.aws', 'sso', 'cache'), { recursive: true });
  const config = join(home, 'config');
  const credentials = join(home, 'credentials');
  await writeFile(
    config,
    [
      '[profile expired-sso]',
      `sso_start_url = ${START_URL}`,
      'sso_region = us-east-1',
      'sso_account_id = 123456789012',
      'sso_role_name = Dev',
      '',
      '[profile live-sso]',
      `sso_start_url = ${LIVE_START_URL}`,
      'sso_region = us-east-1',
      'sso_account_id = 123456789012',
      'sso_role_name = Dev',
      '',
      '[profile half-keys]',
      'region = us-east-1',
      '',
      '[profile static]',
      'region = us-east-1',
      '',
      '[profile slow]',
      'credential_process = sleep 3',
      '',
      '[profile by-process]',
      `credential_process = ${join(home, 'print-keys.sh')} --flag`,
      '',
      '[profile by-role]',
      'role_arn = arn:aws:iam::123456789012:role/Deployer',
      'source_profile = static',
      '',
    ].join('\n'),
  );
  await writeFile(
    join(home, 'print-keys.sh'),
    `#!/bin/sh\necho '{"Version":1,"AccessKeyId":"AKIAPROCESSEXAMPLE01","SecretAccessKey":"${SECRET}"}'\n`,
    { mode: 0o700 },
  );
  await writeFile(
    credentials,
    [
      '[half-keys]',
      `aws_secret_access_key = ${SECRET}`,
      '',
      '[static]',
      'aws_access_key_id = AKIAEXAMPLEEXAMPLE12',
      `aws_secret_access_key = ${SECRET}`,
      '',
    ].join('\n'),
  );
  const cacheFile = createHash('sha1').update(START_URL).digest('hex');
  await writeFile(
    join(home, '.aws', 'sso', 'cache', `${cacheFile}.json`),
    JSON.stringify({
      startUrl: START_URL,
      region: 'us-east-1',
      accessToken: 'expired-token',
      expiresAt: '2020-01-01T00:00:00Z',
    }),
  );
  await writeFile(
    join(home, '.aws', 'sso', 'cache', `${createHash('sha1').update(LIVE_START_URL).digest('hex')}.json`),
    JSON.stringify({
      startUrl: LIVE_START_URL,
      region: 'us-east-1',
      accessToken: 'live-token',
      expiresAt: '2099-01-01T00:00:00Z',
    }),
  );
  aws = await startConnectionCounter();
  Object.assign(process.env, {
    AWS_ENDPOINT_URL: aws.url,
    HOME: home,
    AWS_CONFIG_FILE: config,
    AWS_SHARED_CREDENTIALS_FILE: credentials,
    AWS_EC2_METADATA_DISABLED: 'true',
  });
  for (const name of ['AWS_PROFILE', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN'])
    delete process.env[name];
});
afterAll(async () => {
  process.env = saved;
  await aws?.close();
});

/** The error opening the profile fails with, and how many connections it made to AWS meanwhile. */
async function failure(profile: string): Promise<{ error: MonotableError; sent: number }> {
  const before = aws.connections();
  try {
    await openConnection({ kind: 'aws', profile, region: 'eu-west-1' });
  } catch (error) {
    if (!isMonotableError(error)) throw error;
    return { error, sent: aws.connections() - before };
  }
  throw new Error(`profile ${profile} unexpectedly connected`);
}

describe('AWS profile connections', () => {
  test('a missing profile fails with CREDENTIALS and what to run, before sending anything', async () => {
    const { error, sent } = await failure('nobody');
    expect(error.code).toBe('CREDENTIALS');
    expect(error.message).toContain('"nobody"');
    expect(error.details.hint).toContain('aws sso login --profile nobody');
    expect(error.details.hint).toContain('aws configure --profile nobody');
    expect(sent).toBe(0);
  });

  test('an expired SSO session fails with CREDENTIALS naming aws sso login, before sending anything', async () => {
    const { error, sent } = await failure('expired-sso');
    expect(error.code).toBe('CREDENTIALS');
    expect(error.message).toMatch(/expired/i);
    expect(error.details.hint).toContain('aws sso login --profile expired-sso');
    expect(sent).toBe(0);
  });

  test('a live SSO session does ask the SSO service (which the two profiles above never did)', async () => {
    const { error, sent } = await failure('live-sso');
    expect(error.code).toBe('CREDENTIALS');
    expect(sent).toBeGreaterThan(0);
  });

  test('a failing profile never shows its secret key', async () => {
    const { error } = await failure('half-keys');
    expect(error.code).toBe('CREDENTIALS');
    expect(JSON.stringify(error.toJSON()) + error.message + String(error.stack)).not.toContain(SECRET);
  });

  test('a static profile connects without the network; the label has no secret and no key id', async () => {
    const before = aws.connections();
    const connection = await openConnection({ kind: 'aws', profile: 'static', region: 'eu-west-1', production: true });
    try {
      expect(connection.label).toBe('AWS profile static, region eu-west-1 (production)');
      expect(connection.credentialSource).toBe('static access keys in ~/credentials');
      expect(connection.region).toBe('eu-west-1');
      expect(connection.production).toBe(true);
      expect(connection.capabilities.transactions).toBe(true);
      expect(JSON.stringify({ ...connection, client: undefined })).not.toContain(SECRET);
      expect(await connection.client.config.region()).toBe('eu-west-1');
      expect(aws.connections()).toBe(before);
    } finally {
      await connection.close();
    }
  });
});

describe('the source of the credentials', () => {
  test('a credential_process profile resolves through its program; the source names the program, not its output', async () => {
    const connection = await openConnection({ kind: 'aws', profile: 'by-process', region: 'eu-west-1' });
    try {
      expect(connection.credentialSource).toBe('credential_process (program print-keys.sh)');
      expect(JSON.stringify({ ...connection, client: undefined })).not.toContain(SECRET);
      expect(JSON.stringify({ ...connection, client: undefined })).not.toContain('AKIAPROCESSEXAMPLE01');
    } finally {
      await connection.close();
    }
  });
});

describe('credential timeout', () => {
  test('a profile that never answers fails as CREDENTIALS when the timeout fires', async () => {
    const { resolveProfileCredentials } = await import('./aws-credentials.js');
    await expect(resolveProfileCredentials('slow', 'us-east-1', 300)).rejects.toMatchObject({
      code: 'CREDENTIALS',
      message: expect.stringContaining('took longer than 0.3 s'),
    });
  });
});

describe('redactSecrets', () => {
  test('removes key ids, 40-character secrets and long tokens; keeps paths and endpoints', async () => {
    const { redactSecrets } = await import('./aws-credentials.js');
    expect(redactSecrets(`key AKIAIOSFODNN7EXAMPLE secret ${SECRET} token ${'Fw'.repeat(80)}`)).toBe(
      'key [access key id] secret [redacted] token [redacted]',
    );
    expect(
      redactSecrets('nothing listens at http://127.0.0.1:8000 (/home/someone/.local/share/monotable/engine)'),
    ).toBe('nothing listens at http://127.0.0.1:8000 (/home/someone/.local/share/monotable/engine)');
  });
});

describe('listAwsProfiles', () => {
  test('names from both files with region and SSO flag, never a secret', async () => {
    const { listAwsProfiles } = await import('./aws-profiles.js');
    const profiles = await listAwsProfiles();
    const sso = (url: string) =>
      `IAM Identity Center (SSO) ${url}, account 123456789012, role Dev; the token comes from \`aws sso login\``;
    expect(profiles).toEqual([
      { name: 'by-process', sso: false, source: 'credential_process (program print-keys.sh)' },
      {
        name: 'by-role',
        sso: false,
        source: 'assume role arn:aws:iam::123456789012:role/Deployer with profile static',
      },
      { name: 'expired-sso', sso: true, source: sso(START_URL) },
      {
        name: 'half-keys',
        region: 'us-east-1',
        sso: false,
        source: 'no credentials configured in ~/config or ~/credentials',
      },
      { name: 'live-sso', sso: true, source: sso(LIVE_START_URL) },
      { name: 'slow', sso: false, source: 'credential_process (program sleep)' },
      { name: 'static', region: 'us-east-1', sso: false, source: 'static access keys in ~/credentials' },
    ]);
    expect(JSON.stringify(profiles)).not.toContain(SECRET);
    expect(
      await listAwsProfiles({
        AWS_CONFIG_FILE: '/nonexistent/config',
        AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/credentials',
      }),
    ).toEqual([]);
  });
});
