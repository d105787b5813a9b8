import { fromEnv, fromHttp, fromIni, fromInstanceMetadata, fromTokenFile } from '@aws-sdk/credential-providers';
import { MonotableError } from '../../../shared/errors/monotable-error.js';
import { type AwsCredentials, type AwsCredentialsProvider, redactSecrets } from './aws-credentials.js';
import { listAwsProfiles } from './aws-profiles.js';

/** Container and instance metadata get one short try each: a laptop has neither and must fail fast. */
export const METADATA_TIMEOUT_MS = 1_000;
export const METADATA_MAX_RETRIES = 0;
/** Profiles (SSO, roles, credential_process) may call AWS or run a program: longer, but bounded. */
export const PROFILE_TIMEOUT_MS = 5_000;

/** Where the credentials came from, for the connection label; never a secret. */
export interface CredentialSource {
  /** e.g. `environment variables (AKIA…MPLE)`, `profile dev from AWS_PROFILE (sso)`, `instance metadata`. */
  description: string;
  kind: 'env' | 'profile' | 'web-identity' | 'container' | 'instance-metadata';
}

interface ChainStep {
  kind: CredentialSource['kind'];
  /** Undefined when this source is not configured at all (skipped without a call). */
  provider: AwsCredentialsProvider | undefined;
  describe(credentials: AwsCredentials): Promise<string> | string;
  timeoutMs: number;
  /** Why it was skipped or failed, for the final message. */
  absent: string;
}

/** `AKIA…MPLE`: enough to tell two key pairs apart, not the key id itself. */
export function maskKeyId(keyId: string): string {
  return keyId.length > 8 ? `${keyId.slice(0, 4)}…${keyId.slice(-4)}` : '…';
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms / 1000} s`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/**
 * The SDK's default chain in the AWS CLI's order, each step bounded: environment variables, AWS_PROFILE or the
 * `default` profile of the shared files (SSO, roles and credential_process included), a web identity token file,
 * then container and instance metadata with a short timeout and no retries.
 */
export function defaultChainSteps(region: string, env: NodeJS.ProcessEnv = process.env): ChainStep[] {
  const profile = env.AWS_PROFILE ?? 'default';
  const fromAwsProfile = env.AWS_PROFILE ? ' from AWS_PROFILE' : '';
  const hasEnvKeys = Boolean(env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY);
  const hasContainer = Boolean(env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI || env.AWS_CONTAINER_CREDENTIALS_FULL_URI);
  const imdsDisabled = (env.AWS_EC2_METADATA_DISABLED ?? '').toLowerCase() === 'true';
  const metadata = { timeout: METADATA_TIMEOUT_MS, maxRetries: METADATA_MAX_RETRIES };
  return [
    {
      kind: 'env',
      provider: hasEnvKeys ? fromEnv() : undefined,
      describe: (c) => `environment variables (${maskKeyId(c.accessKeyId)}${c.sessionToken ? ', session' : ''})`,
      timeoutMs: PROFILE_TIMEOUT_MS,
      absent: 'no AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY in the environment',
    },
    {
      kind: 'profile',
      provider: fromIni({ profile, ignoreCache: true, clientConfig: { region } }),
      describe: async () => {
        const info = (await listAwsProfiles(env)).find((p) => p.name === profile);
        return `profile ${profile}${fromAwsProfile}${info?.sso ? ' (sso)' : ''}`;
      },
      timeoutMs: PROFILE_TIMEOUT_MS,
      absent: `no usable profile "${profile}"${fromAwsProfile} in the shared config/credentials files`,
    },
    {
      kind: 'web-identity',
      provider:
        env.AWS_WEB_IDENTITY_TOKEN_FILE && env.AWS_ROLE_ARN ? fromTokenFile({ clientConfig: { region } }) : undefined,
      describe: () => `web identity token (role ${env.AWS_ROLE_ARN})`,
      timeoutMs: PROFILE_TIMEOUT_MS,
      absent: 'no web identity token file',
    },
    {
      kind: 'container',
      provider: hasContainer ? fromHttp(metadata) : undefined,
      describe: () => 'container credentials',
      timeoutMs: METADATA_TIMEOUT_MS * 2,
      absent: 'no container credentials endpoint',
    },
    {
      kind: 'instance-metadata',
      provider: imdsDisabled ? undefined : fromInstanceMetadata(metadata),
      describe: () => 'instance metadata',
      // One token request and one fallback request at most, each bounded by METADATA_TIMEOUT_MS.
      timeoutMs: METADATA_TIMEOUT_MS,
      absent: imdsDisabled ? 'instance metadata disabled (AWS_EC2_METADATA_DISABLED)' : 'no instance metadata service',
    },
  ];
}

/**
 * Resolves credentials with the default chain (`--region R` without a profile). Fails with CREDENTIALS listing what
 * was tried and the commands to run; on a machine without metadata that takes about one metadata timeout.
 */
export async function resolveDefaultCredentials(
  region: string,
  steps: ChainStep[] = defaultChainSteps(region),
): Promise<{ provider: AwsCredentialsProvider; source: CredentialSource }> {
  const tried: string[] = [];
  for (const step of steps) {
    if (!step.provider) {
      tried.push(step.absent);
      continue;
    }
    let credentials: AwsCredentials;
    try {
      credentials = await withTimeout(step.provider(), step.timeoutMs, step.kind);
    } catch (error) {
      const reason = redactSecrets(((error as Error).message ?? '').split('\n')[0] ?? '');
      tried.push(step.kind === 'profile' ? `${step.absent} (${reason})` : step.absent);
      continue;
    }
    const provider = step.provider;
    let current = credentials;
    return {
      provider: async () => {
        if (current.expiration && current.expiration.getTime() - Date.now() < 5 * 60_000) current = await provider();
        return current;
      },
      source: { kind: step.kind, description: await step.describe(credentials) },
    };
  }
  throw new MonotableError('CREDENTIALS', `No AWS credentials found for region ${region}: ${tried.join('; ')}.`, {
    hint: 'Run `aws configure` (access keys) or `aws sso login --profile NAME` and connect with --profile NAME; or set AWS_PROFILE, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.',
  });
}
