import { TransactGetItemsCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
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
  capabilities: Capabilities;
  production: boolean;
  readOnly: boolean;
  close(): Promise<void>;
}

export const EMBEDDED_CAPABILITIES: Capabilities = {
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

async function openEndpointConnection(spec: ConnectionSpec & { kind: 'endpoint' }): Promise<OpenConnection> {
  const region = spec.region ?? 'us-east-1';
  const accessKeyId = spec.accessKeyId ?? 'local';
  const client = createEndpointClient(spec.url, { region, accessKeyId });
  const engine = await probeEngine(createEndpointClient(spec.url, { region, accessKeyId, maxAttempts: 1 }));
  return {
    spec,
    client,
    label: `endpoint ${spec.url} (access key id ${accessKeyId}, region ${region}${engine === 'dynalite' ? ', dynalite' : ''})`,
    region,
    accessKeyId,
    capabilities: engine === 'dynalite' ? EMBEDDED_CAPABILITIES : { ...FULL_CAPABILITIES, deletionProtection: false },
    production: spec.production === true,
    readOnly: spec.readOnly === true,
    async close() {
      client.destroy();
    },
  };
}

/**
 * dynalite (a `monotable engine` reached by URL) answers TransactGetItems with UnknownOperationException; DynamoDB
 * Local, LocalStack and AWS implement transactions and reject the empty request with a ValidationException (nothing
 * is read or written). Anything else (unreachable, slow) counts as a full engine: operations then fail with their own
 * mapped errors.
 */
async function probeEngine(probe: DynamoDBClient): Promise<'dynalite' | 'other'> {
  try {
    await probe.send(new TransactGetItemsCommand({ TransactItems: [] }), { abortSignal: AbortSignal.timeout(1_000) });
    return 'other';
  } catch (error) {
    return (error as { name?: string }).name === 'UnknownOperationException' ? 'dynalite' : 'other';
  } finally {
    probe.destroy();
  }
}

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
