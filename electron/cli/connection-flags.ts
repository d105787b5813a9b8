import type { ParseArgsConfig } from 'node:util';
import type { ConnectionInfo, ConnectionSpec } from '../../shared/api/methods/connection.js';
import { MonotableError } from '../../shared/errors/monotable-error.js';
import { call } from './api.js';

/** The connection flags every verb that touches a table shares (spread into a Command's options). */
export const CONNECTION_OPTIONS = {
  embedded: { type: 'boolean' },
  endpoint: { type: 'string' },
  profile: { type: 'string' },
  region: { type: 'string' },
  'access-key-id': { type: 'string' },
  production: { type: 'boolean' },
  'read-only': { type: 'boolean' },
} as const satisfies NonNullable<ParseArgsConfig['options']>;

/** Lines for a verb's usage text. */
export const CONNECTION_USAGE = `Connection (exactly one):
  --embedded                 the embedded engine (the running \`monotable engine\`, else one started for this command;
                             data folder: $MONOTABLE_DATA_DIR, else the user data folder)
  --endpoint URL             DynamoDB Local / LocalStack, e.g. http://localhost:8000 [--region R] [--access-key-id K]
  --profile P --region R     AWS with a profile from ~/.aws/config (SSO profiles too)
  --region R                 AWS with the default credentials, found as the AWS CLI finds them: environment
                             variables, AWS_PROFILE (or the default profile), container or instance metadata
  --production               mark the connection: destructive operations need --confirm TABLE
  --read-only                refuse every write`;

const HINT =
  'Use exactly one of --embedded, --endpoint URL, --profile P --region R, or --region R (default AWS credentials).';

function text(values: Record<string, unknown>, name: string): string | undefined {
  const value = values[name];
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/** Turns parsed flags into a ConnectionSpec; contradictions are BAD_INPUT with the fix. */
export function connectionFromFlags(values: Record<string, unknown>): ConnectionSpec {
  const endpoint = text(values, 'endpoint');
  const profile = text(values, 'profile');
  const region = text(values, 'region');
  const accessKeyId = text(values, 'access-key-id');
  const embedded = values.embedded === true;
  const marks = { production: values.production === true, readOnly: values['read-only'] === true };
  const chosen = [embedded && '--embedded', endpoint && '--endpoint', profile && '--profile'].filter(Boolean);
  if (chosen.length > 1)
    throw new MonotableError('BAD_INPUT', `Choose one connection, not ${chosen.join(' and ')}.`, { hint: HINT });
  if (chosen.length === 0) {
    // --region alone: AWS with the default credential chain, as the AWS CLI does.
    if (!region) throw new MonotableError('BAD_INPUT', 'No connection given.', { hint: HINT });
    if (!accessKeyId) return { kind: 'aws', region, ...marks };
  }
  if (accessKeyId && !endpoint) {
    throw new MonotableError(
      'BAD_INPUT',
      '--access-key-id only applies to --endpoint (DynamoDB Local keeps tables per access key id and region).',
      {
        hint: 'For AWS, the profile provides the credentials; drop --access-key-id.',
      },
    );
  }
  if (endpoint) {
    let url: URL;
    try {
      url = new URL(endpoint);
    } catch {
      throw new MonotableError('BAD_INPUT', `--endpoint "${endpoint}" is not a URL.`, {
        hint: 'Write it with the scheme and port, e.g. http://localhost:8000.',
      });
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new MonotableError('BAD_INPUT', `--endpoint must be http:// or https://, got ${url.protocol}`, {
        hint: 'e.g. http://localhost:8000',
      });
    }
    return {
      kind: 'endpoint',
      url: endpoint,
      ...(region !== undefined && { region }),
      ...(accessKeyId !== undefined && { accessKeyId }),
      ...marks,
    };
  }
  if (profile) {
    if (!region)
      throw new MonotableError('BAD_INPUT', `--profile ${profile} needs --region.`, {
        hint: 'Add the Region of your tables, e.g. --region eu-west-1.',
      });
    return { kind: 'aws', profile, region, ...marks };
  }
  if (region)
    throw new MonotableError('BAD_INPUT', '--region does not apply to --embedded.', {
      hint: 'Drop --region; the embedded engine has one region.',
    });
  return { kind: 'embedded', ...marks };
}

/**
 * Opens the connection the flags name (`connection.open`), tells the user where it points (stderr), runs `work` with
 * the connection's id and description, and always closes it (`connection.close`: a transient embedded engine stops).
 */
export async function withConnection<T>(
  values: Record<string, unknown>,
  io: { stderr: NodeJS.WritableStream },
  work: (connection: ConnectionInfo) => Promise<T>,
): Promise<T> {
  const connection = await call('connection.open', connectionFromFlags(values));
  io.stderr.write(`connection: ${connection.label}\n`);
  try {
    return await work(connection);
  } finally {
    await call('connection.close', { connectionId: connection.connectionId });
  }
}
