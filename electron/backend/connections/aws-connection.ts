import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { MonotableError } from '../../../shared/errors/monotable-error.js';
import { type AwsCredentialsProvider, resolveProfileCredentials } from './aws-credentials.js';
import { resolveDefaultCredentials } from './default-credential-chain.js';
import { ssoTarget } from './sso-sign-in.js';
import type { ConnectionSpec, OpenConnection } from './connection.js';
import { FULL_CAPABILITIES } from './connection.js';
import { CLIENT_DEFAULTS } from './local-client.js';

/**
 * AWS in an explicit Region, through a named profile, or without one through the default chain in the AWS CLI's order
 * (environment, AWS_PROFILE / the default profile, container and instance metadata). Credentials are resolved up
 * front, so a missing login fails here, fast; the label says where they came from, never what they are.
 */
export async function openAwsConnection(spec: ConnectionSpec & { kind: 'aws' }): Promise<OpenConnection> {
  if (!spec.region) {
    throw new MonotableError('BAD_INPUT', 'An AWS connection needs a Region.', {
      hint: 'Add --region, e.g. --region us-east-1.',
    });
  }
  let credentials: AwsCredentialsProvider;
  let source: string;
  let credentialSource: string;
  if (spec.profile) {
    const resolved = await resolveProfileCredentials(spec.profile, spec.region);
    credentials = resolved.provider;
    source = `profile ${spec.profile}`;
    credentialSource = resolved.source;
  } else {
    const resolved = await resolveDefaultCredentials(spec.region);
    credentials = resolved.provider;
    source = `credentials from ${resolved.source.description}`;
    credentialSource = resolved.source.description;
  }
  const ssoProfile = spec.profile && (await ssoTarget(spec.profile)) ? spec.profile : undefined;
  const client = new DynamoDBClient({
    region: spec.region,
    // Indirect, so that refresh() can swap in newly resolved credentials without a new client or connection id.
    credentials: () => credentials(),
    maxAttempts: CLIENT_DEFAULTS.maxAttempts,
    requestHandler: {
      connectionTimeout: CLIENT_DEFAULTS.connectionTimeoutMs,
      requestTimeout: CLIENT_DEFAULTS.requestTimeoutMs,
      throwOnRequestTimeout: true,
    },
  });
  const region = spec.region;
  const connection: OpenConnection = {
    spec,
    client,
    label: `AWS ${source}, region ${spec.region}${spec.production ? ' (production)' : ''}`,
    region: spec.region,
    credentialSource,
    ...(ssoProfile ? { ssoProfile } : {}),
    async refresh() {
      // Resolved again from the files and the SSO cache as they are now (after a sign-in), in place.
      const resolved = spec.profile
        ? await resolveProfileCredentials(spec.profile, region)
        : await resolveDefaultCredentials(region).then((r) => ({ provider: r.provider, source: r.source.description }));
      credentials = resolved.provider;
      connection.credentialSource = resolved.source;
    },
    capabilities: FULL_CAPABILITIES,
    production: spec.production === true,
    readOnly: spec.readOnly === true,
    async close() {
      client.destroy();
    },
  };
  return connection;
}
