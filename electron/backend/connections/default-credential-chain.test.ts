import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { isMonotableError, type MonotableError } from '../../../shared/errors/monotable-error.js';
import { openConnection } from './connection.js';
import { defaultChainSteps, maskKeyId, METADATA_MAX_RETRIES, METADATA_TIMEOUT_MS } from './default-credential-chain.js';

// No test here reaches beyond 127.0.0.1: the metadata endpoints are pointed at local servers.
const KEY_ID = 'AKIAEXAMPLEEXAMPLE12';
const SECRET = 'wJalrXUtnFEMIK7MDENGbPxRfiCYzzSECRETKEY0';
const saved = { ...process.env };
let home: string;
const servers: Server[] = [];

async function listen(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'monotable-chain-'));
  await writeFile(join(home, 'config'), ['[profile static]', 'region = us-east-1', ''].join('\n'));
  await writeFile(
    join(home, 'credentials'),
    ['[static]', `aws_access_key_id = ${KEY_ID}`, `aws_secret_access_key = ${SECRET}`, ''].join('\n'),
  );
});
beforeEach(async () => {
  process.env = { ...saved };
  for (const name of Object.keys(process.env)) if (name.startsWith('AWS_')) delete process.env[name];
  Object.assign(process.env, {
    HOME: home,
    AWS_CONFIG_FILE: join(home, 'config'),
    AWS_SHARED_CREDENTIALS_FILE: join(home, 'credentials'),
    // Nothing listens there: instance metadata is "not on this machine", answered locally.
    AWS_EC2_METADATA_SERVICE_ENDPOINT: 'http://127.0.0.1:9',
  });
});
afterEach(() => {
  process.env = { ...saved };
});
afterAll(async () => {
  for (const server of servers) server.close();
  await rm(home, { recursive: true, force: true });
});

async function openFailure(region = 'eu-west-1'): Promise<MonotableError> {
  try {
    const connection = await openConnection({ kind: 'aws', region });
    await connection.close();
  } catch (error) {
    if (isMonotableError(error)) return error;
    throw error;
  }
  throw new Error('unexpectedly connected');
}

describe('--region alone: the default chain in the AWS CLI order', () => {
  test('environment variables (as cloud dev environments set them): used, labelled, never shown', async () => {
    Object.assign(process.env, { AWS_ACCESS_KEY_ID: KEY_ID, AWS_SECRET_ACCESS_KEY: SECRET, AWS_PROFILE: 'static' });
    const connection = await openConnection({ kind: 'aws', region: 'eu-west-1' });
    try {
      expect(connection.label).toBe('AWS credentials from environment variables (AKIA…LE12), region eu-west-1');
      const credentials = await connection.client.config.credentials();
      expect(credentials.accessKeyId).toBe(KEY_ID);
      expect(credentials.secretAccessKey).toBe(SECRET);
      expect(connection.label).not.toContain(KEY_ID);
      expect(JSON.stringify({ ...connection, client: undefined })).not.toContain(SECRET);
    } finally {
      await connection.close();
    }
  });

  test('AWS_PROFILE names the profile of the shared files', async () => {
    process.env.AWS_PROFILE = 'static';
    const connection = await openConnection({ kind: 'aws', region: 'eu-west-1', production: true });
    try {
      expect(connection.label).toBe(
        'AWS credentials from profile static from AWS_PROFILE, region eu-west-1 (production)',
      );
      expect((await connection.client.config.credentials()).accessKeyId).toBe(KEY_ID);
    } finally {
      await connection.close();
    }
  });

  test('container credentials (ECS, cloud IDEs) when the container endpoint is set', async () => {
    const endpoint = await listen((_, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(
        JSON.stringify({
          AccessKeyId: 'ASIACONTAINERKEY0001',
          SecretAccessKey: SECRET,
          Token: 'token',
          Expiration: new Date(Date.now() + 3_600_000).toISOString(),
        }),
      );
    });
    process.env.AWS_CONTAINER_CREDENTIALS_FULL_URI = `${endpoint}/creds`;
    const connection = await openConnection({ kind: 'aws', region: 'eu-west-1' });
    try {
      expect(connection.label).toBe('AWS credentials from container credentials, region eu-west-1');
      expect((await connection.client.config.credentials()).accessKeyId).toBe('ASIACONTAINERKEY0001');
    } finally {
      await connection.close();
    }
  });

  test('nothing anywhere: CREDENTIALS listing what was tried, with the commands to run', async () => {
    const error = await openFailure();
    expect(error.code).toBe('CREDENTIALS');
    expect(error.message).toContain('No AWS credentials found for region eu-west-1');
    expect(error.message).toContain('no AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY in the environment');
    expect(error.message).toContain('no usable profile "default"');
    expect(error.message).toContain('no instance metadata service');
    expect(error.details.hint).toContain('aws configure');
    expect(error.details.hint).toContain('aws sso login');
  });

  test('instance metadata that never answers is bounded by the short timeout, without retries', async () => {
    const asked: string[] = [];
    // A metadata endpoint that accepts requests and never answers (like 169.254.169.254 on a laptop).
    const endpoint = await listen((req) => {
      asked.push(`${req.method} ${req.url}`);
    });
    process.env.AWS_EC2_METADATA_SERVICE_ENDPOINT = endpoint;
    expect(METADATA_TIMEOUT_MS).toBe(1_000);
    expect(METADATA_MAX_RETRIES).toBe(0);
    const metadata = defaultChainSteps('eu-west-1').find((step) => step.kind === 'instance-metadata');
    expect(metadata?.timeoutMs).toBe(METADATA_TIMEOUT_MS);
    const error = await openFailure();
    expect(error.code).toBe('CREDENTIALS');
    expect(error.details.hint).toContain('aws configure');
    expect(asked.length).toBeGreaterThanOrEqual(1);
  }, 15_000);

  test('AWS_EC2_METADATA_DISABLED skips instance metadata entirely', async () => {
    process.env.AWS_EC2_METADATA_DISABLED = 'true';
    expect(defaultChainSteps('eu-west-1').find((step) => step.kind === 'instance-metadata')?.provider).toBeUndefined();
    expect((await openFailure()).message).toContain('instance metadata disabled (AWS_EC2_METADATA_DISABLED)');
  });

  test('key ids are masked in labels', () => {
    expect(maskKeyId('AKIAIOSFODNN7EXAMPLE')).toBe('AKIA…MPLE');
    expect(maskKeyId('short')).toBe('…');
  });
});
