import { fromIni } from '@aws-sdk/credential-providers';
import { MonotableError } from '../../../shared/errors/monotable-error.js';
import { describeProfileSource, profileFacts } from './aws-profiles.js';

/** Resolved AWS credentials (kept in memory only). */
export interface AwsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  expiration?: Date;
  /** The SDK's record of how it resolved them (feature flags such as CREDENTIALS_PROFILE_SSO); no secret. */
  $source?: Record<string, string>;
}
export type AwsCredentialsProvider = () => Promise<AwsCredentials>;

/** How long resolving a profile may take before it counts as failed (SSO/role profiles call AWS). */
export const CREDENTIALS_TIMEOUT_MS = 5_000;

function loginHint(profile: string): string {
  return `Log in and try again: \`aws sso login --profile ${profile}\` for an SSO profile, or \`aws configure --profile ${profile}\` for access keys.`;
}

/**
 * A provider for one named profile of the shared config/credentials files (static keys, roles, SSO), resolved once
 * now so that a missing or expired login fails before any table work. The instance metadata service is never asked.
 * Errors carry the profile name and what to run; never a key, a secret or a token.
 */
export async function resolveProfileCredentials(
  profile: string,
  region: string,
  timeoutMs: number = CREDENTIALS_TIMEOUT_MS,
): Promise<{ provider: AwsCredentialsProvider; source: string }> {
  // A profile may name `credential_source = Ec2InstanceMetadata`; on a desktop that only waits on 169.254.169.254
  // timeouts before a misleading error, so the metadata service stays off unless the user turned it on explicitly.
  process.env.AWS_EC2_METADATA_DISABLED ??= 'true';
  const provider = fromIni({ profile, ignoreCache: true, clientConfig: { region } });
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new MonotableError(
            'CREDENTIALS',
            `Resolving the credentials of AWS profile "${profile}" took longer than ${timeoutMs / 1000} s.`,
            { profile, hint: loginHint(profile) },
          ),
        ),
      timeoutMs,
    );
  });
  let credentials: AwsCredentials;
  try {
    credentials = await Promise.race([provider(), timeout]);
  } catch (error) {
    if (error instanceof MonotableError) throw error;
    throw new MonotableError(
      'CREDENTIALS',
      `No usable AWS credentials for profile "${profile}": ${describeProviderError(error)}`,
      {
        profile,
        hint: loginHint(profile),
      },
    );
  } finally {
    clearTimeout(timer);
  }
  // The source as the resolution went (the SDK's flags), in the words of the files; never a secret.
  const source = describeProfileSource(
    await profileFacts(profile),
    process.env,
    new Set(Object.keys(credentials.$source ?? {})),
  );
  // Later calls get the resolved identity until it nears expiry, then re-resolve through the same profile.
  let current = credentials;
  return {
    source,
    provider: async () => {
      if (current.expiration && current.expiration.getTime() - Date.now() < 5 * 60_000) current = await provider();
      return current;
    },
  };
}

/** The provider's message, with anything that looks like a key, secret or token removed. */
function describeProviderError(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return redactSecrets(text.split('\n')[0] ?? '');
}

/** Removes access key ids, secret keys and long base64 tokens from a text meant for people. */
export function redactSecrets(text: string): string {
  return (
    text
      .replace(/\b(AKIA|ASIA)[A-Z0-9]{12,}\b/g, '[access key id]')
      // A secret access key is 40 base64 characters; session tokens are hundreds.
      .replace(/(?<![A-Za-z0-9/+=])[A-Za-z0-9/+=]{40}(?![A-Za-z0-9/+=])/g, '[redacted]')
      .replace(/[A-Za-z0-9/+=]{100,}/g, '[redacted]')
  );
}
