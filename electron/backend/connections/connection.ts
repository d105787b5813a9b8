import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { openAwsConnection } from './aws-connection.js';
import { openEmbeddedConnection } from './embedded-connection.js';
import { createEndpointClient } from './local-client.js';

/** Where to connect: the embedded engine (default), a local endpoint (DynamoDB Local, LocalStack), or AWS. */
export type ConnectionTarget =
  | { kind: 'embedded'; dataDir?: string }
  | { kind: 'endpoint'; url: string; region?: string; accessKeyId?: string }
  | { kind: 'aws'; profile?: string; region: string };

export type ConnectionSpec = ConnectionTarget & {
  /** Destructive operations need the table name typed as confirmation. */
  production?: boolean;
  /** Writes are refused (READ_ONLY). */
  readOnly?: boolean;
};

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

export const EMBEDDED_CAPABILITIES: Capabilities = { transactions: false, partiql: false, ttl: false, streams: false, deletionProtection: false };
export const FULL_CAPABILITIES: Capabilities = { transactions: true, partiql: true, ttl: true, streams: true, deletionProtection: true };

function openEndpointConnection(spec: ConnectionSpec & { kind: 'endpoint' }): OpenConnection {
  const region = spec.region ?? 'us-east-1';
  const accessKeyId = spec.accessKeyId ?? 'local';
  const client = createEndpointClient(spec.url, { region, accessKeyId });
  return {
    spec,
    client,
    label: `endpoint ${spec.url} (access key id ${accessKeyId}, region ${region})`,
    region,
    accessKeyId,
    capabilities: { ...FULL_CAPABILITIES, deletionProtection: false },
    production: spec.production === true,
    readOnly: spec.readOnly === true,
    async close() {
      client.destroy();
    },
  };
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
