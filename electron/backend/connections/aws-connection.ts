import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { MonotableError } from '../../../shared/errors/monotable-error.js';
import { resolveProfileCredentials } from './aws-credentials.js';
import type { ConnectionSpec, OpenConnection } from './connection.js';
import { FULL_CAPABILITIES } from './connection.js';
import { CLIENT_DEFAULTS } from './local-client.js';

/** AWS through a named profile (default: `default`) and an explicit Region; credentials are resolved up front. */
export async function openAwsConnection(spec: ConnectionSpec & { kind: 'aws' }): Promise<OpenConnection> {
  if (!spec.region) {
    throw new MonotableError('BAD_INPUT', 'An AWS connection needs a Region.', {
      hint: 'Add --region, e.g. --region us-east-1.',
    });
  }
  const profile = spec.profile ?? 'default';
  const credentials = await resolveProfileCredentials(profile, spec.region);
  const client = new DynamoDBClient({
    region: spec.region,
    credentials,
    maxAttempts: CLIENT_DEFAULTS.maxAttempts,
    requestHandler: {
      connectionTimeout: CLIENT_DEFAULTS.connectionTimeoutMs,
      requestTimeout: CLIENT_DEFAULTS.requestTimeoutMs,
      throwOnRequestTimeout: true,
    },
  });
  return {
    spec,
    client,
    label: `AWS profile ${profile}, region ${spec.region}${spec.production ? ' (production)' : ''}`,
    region: spec.region,
    capabilities: FULL_CAPABILITIES,
    production: spec.production === true,
    readOnly: spec.readOnly === true,
    async close() {
      client.destroy();
    },
  };
}
