import { MonotableError } from '../../../shared/errors/monotable-error.js';
import type { Feature, OpenConnection } from './connection.js';

const FEATURE_NAMES: Record<Feature, string> = {
  transactions: 'Transactions (TransactWriteItems / TransactGetItems)',
  partiql: 'PartiQL',
  ttl: 'Time to live (UpdateTimeToLive and expiry)',
  streams: 'DynamoDB Streams',
  deletionProtection: 'Deletion protection',
};

/** Throws ENGINE_UNSUPPORTED when the connection's engine lacks the feature (the embedded engine lacks PartiQL and streams). */
export function assertSupported(connection: OpenConnection, feature: Feature): void {
  if (connection.capabilities[feature]) return;
  throw new MonotableError(
    'ENGINE_UNSUPPORTED',
    `${FEATURE_NAMES[feature]} is not supported by the embedded engine (dynalite); it works on DynamoDB Local or AWS: connect with --endpoint or --profile.`,
    {
      feature,
      hint: 'Connect with --endpoint URL (DynamoDB Local, LocalStack) or --profile P --region R (AWS).',
    },
  );
}

/** Throws READ_ONLY for a read-only connection. */
export function assertWritable(connection: OpenConnection, what: string): void {
  if (!connection.readOnly) return;
  throw new MonotableError('READ_ONLY', `${what} refused: the connection ${connection.label} is read-only.`, {
    hint: 'Open the connection without --read-only to write.',
  });
}

/**
 * Destructive operations (delete a table) on a production connection need the table name typed back exactly.
 * Also refuses writes on read-only connections.
 */
export function assertConfirmed(
  connection: OpenConnection,
  table: string,
  confirm: string | undefined,
  what: string,
): void {
  assertWritable(connection, what);
  if (!connection.production || confirm === table) return;
  throw new MonotableError(
    'CONFIRMATION_REQUIRED',
    `${what} on the production connection ${connection.label} needs confirmation${confirm ? `: "${confirm}" is not "${table}"` : ''}.`,
    {
      table,
      hint: `Type the table name to confirm: --confirm ${table}`,
    },
  );
}
