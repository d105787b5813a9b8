import { ExecuteStatementCommand, TransactGetItemsCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
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
  const engine = await probeEngine(createEndpointClient(spec.url, { region, accessKeyId, maxAttempts: 1 }));
  const engineName = { monotable: ', Monotable engine', dynalite: ', dynalite', other: '' }[engine];
  return {
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
}

/**
 * What answers at a local endpoint, from two requests that read and write nothing. DynamoDB Local, LocalStack and AWS
 * know PartiQL and reject an empty statement with a ValidationException; dynalite does not know PartiQL. Monotable's
 * engine (dynalite with transactions in front, what `monotable engine` runs) rejects an empty TransactGetItems with a
 * ValidationException, where plain dynalite does not know the operation. Anything else (unreachable, slow) counts as
 * a full engine: operations then fail with their own mapped errors.
 */
async function probeEngine(probe: DynamoDBClient): Promise<'monotable' | 'dynalite' | 'other'> {
  const unknown = async (send: () => Promise<unknown>): Promise<boolean> => {
    try {
      await send();
      return false;
    } catch (error) {
      return (error as { name?: string }).name === 'UnknownOperationException';
    }
  };
  const timeout = () => ({ abortSignal: AbortSignal.timeout(1_000) });
  try {
    if (!(await unknown(() => probe.send(new ExecuteStatementCommand({ Statement: '' }), timeout())))) return 'other';
    const transactions = !(await unknown(() =>
      probe.send(new TransactGetItemsCommand({ TransactItems: [] }), timeout()),
    ));
    return transactions ? 'monotable' : 'dynalite';
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
