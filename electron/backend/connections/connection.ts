import { ExecuteStatementCommand, TransactGetItemsCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { toMonotableError } from './aws-errors.js';
import type { ConnectionSpec } from '../../../shared/api/methods/connection.js';
import { openAwsConnection } from './aws-connection.js';
import { openEmbeddedConnection } from './embedded-connection.js';
import { createEndpointClient } from './local-client.js';

/**
 * Where to connect: the embedded engine (default), a local endpoint (DynamoDB Local, LocalStack), or AWS; marked
 * `production` (destructive operations need the table name typed as confirmation) or `readOnly` (writes refused).
 * The api's schema is the one definition.
 */
export type { ConnectionSpec };

export interface Capabilities {
  transactions: boolean;
  partiql: boolean;
  ttl: boolean;
  streams: boolean;
  deletionProtection: boolean;
}

export type Feature = keyof Capabilities;

export interface OpenConnection {
  spec: ConnectionSpec;
  client: DynamoDBClient;
  /** For people and logs; never contains a secret. */
  label: string;
  region: string;
  /** Endpoint connections: the (dummy) access key id used, because DynamoDB Local keeps tables per key + region. */
  accessKeyId?: string;
  /** AWS connections: where the credentials came from (`static access keys in ~/.aws/credentials`); never a secret. */
  credentialSource?: string;
  capabilities: Capabilities;
  production: boolean;
  readOnly: boolean;
  /**
   * The embedded engine's connection: reaches its engine again, starting it when it stopped or was killed; true when
   * it had to be started. Other kinds have nothing to revive.
   */
  revive?(): Promise<boolean>;
  /** AWS connections: resolve the credentials again now (after a sign-in), keeping the connection and its id. */
  refresh?(): Promise<void>;
  /** AWS connections through an SSO profile: its name (an expired sign-in can be renewed in place). */
  ssoProfile?: string;
  close(): Promise<void>;
}

/** Monotable's embedded engine: dynalite plus transactions and TTL added in front of it. */
export const EMBEDDED_CAPABILITIES: Capabilities = {
  transactions: true,
  partiql: false,
  ttl: true,
  streams: false,
  deletionProtection: false,
};
/** dynalite on its own (started outside Monotable). */
export const DYNALITE_CAPABILITIES: Capabilities = {
  transactions: false,
  partiql: false,
  ttl: false,
  streams: false,
  deletionProtection: false,
};
export const FULL_CAPABILITIES: Capabilities = {
  transactions: true,
  partiql: true,
  ttl: true,
  streams: true,
  deletionProtection: true,
};

/** An endpoint URL as it may be shown: never with `user:password@` (credentials in a URL are a secret). */
export function shownUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.username === '' && parsed.password === '') return url;
    parsed.username = '';
    parsed.password = '';
    return parsed.toString();
  } catch {
    return url.replace(/\/\/[^/@]*@/, '//');
  }
}

async function openEndpointConnection(spec: ConnectionSpec & { kind: 'endpoint' }): Promise<OpenConnection> {
  const region = spec.region ?? 'us-east-1';
  const accessKeyId = spec.accessKeyId ?? 'local';
  const client = createEndpointClient(spec.url, { region, accessKeyId });
  const probed = await probeEngine(createEndpointClient(spec.url, { region, accessKeyId, maxAttempts: 1 }));
  const { engine } = probed;
  const engineName = { monotable: ', Monotable engine', dynalite: ', dynalite', other: '' }[engine];
  const connection: OpenConnection = {
    spec,
    client,
    label: `endpoint ${shownUrl(spec.url)} (access key id ${accessKeyId}, region ${region}${engineName})`,
    region,
    accessKeyId,
    capabilities:
      engine === 'monotable'
        ? EMBEDDED_CAPABILITIES
        : engine === 'dynalite'
          ? DYNALITE_CAPABILITIES
          : { ...FULL_CAPABILITIES, deletionProtection: false },
    production: spec.production === true,
    readOnly: spec.readOnly === true,
    async close() {
      client.destroy();
    },
  };
  if (probed.rejected) {
    // The endpoint refused the key itself (a real AWS endpoint, LocalStack set up with other keys): fail the open
    // with what to change, instead of every later call.
    client.destroy();
    throw toMonotableError(probed.rejected, { operation: 'Connect', connection });
  }
  return connection;
}

/**
 * What answers at a local endpoint, from two requests that read and write nothing. DynamoDB Local, LocalStack and AWS
 * know PartiQL and reject an empty statement with a ValidationException; dynalite does not know PartiQL. Monotable's
 * engine (dynalite with transactions in front, what `monotable engine` runs) rejects an empty TransactGetItems with a
 * ValidationException, where plain dynalite does not know the operation. An endpoint that refuses the access key
 * answers the first request with UnrecognizedClientException (or a bad signature): that is returned as `rejected`.
 * Anything else (unreachable, slow) counts as a full engine: operations then fail with their own mapped errors.
 */
async function probeEngine(
  probe: DynamoDBClient,
): Promise<{ engine: 'monotable' | 'dynalite' | 'other'; rejected?: unknown }> {
  const failure = async (send: () => Promise<unknown>): Promise<unknown> => {
    try {
      await send();
      return undefined;
    } catch (error) {
      return error;
    }
  };
  const named = (error: unknown): string | undefined => (error as { name?: string } | undefined)?.name;
  const timeout = () => ({ abortSignal: AbortSignal.timeout(1_000) });
  try {
    const partiql = await failure(() => probe.send(new ExecuteStatementCommand({ Statement: '' }), timeout()));
    if (REJECTED_KEY.has(named(partiql) ?? '')) return { engine: 'other', rejected: partiql };
    if (named(partiql) !== 'UnknownOperationException') return { engine: 'other' };
    const transactions = await failure(() => probe.send(new TransactGetItemsCommand({ TransactItems: [] }), timeout()));
    return { engine: named(transactions) === 'UnknownOperationException' ? 'dynalite' : 'monotable' };
  } finally {
    probe.destroy();
  }
}

/** What an endpoint answers a request signed with a key it does not accept. */
const REJECTED_KEY = new Set(['UnrecognizedClientException', 'InvalidSignatureException', 'InvalidClientTokenId']);

/**
 * Opens a connection. Embedded: the engine already running on the data folder, or a transient one for the life
 * of the connection. AWS: credentials are resolved now, so a missing or expired login fails here, fast.
 */
export async function openConnection(spec: ConnectionSpec): Promise<OpenConnection> {
  switch (spec.kind) {
    case 'embedded':
      return openEmbeddedConnection(spec);
    case 'endpoint':
      return openEndpointConnection(spec);
    case 'aws':
      return openAwsConnection(spec);
  }
}
