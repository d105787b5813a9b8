import { randomUUID } from 'node:crypto';
import { MonotableError } from '../../../shared/errors/monotable-error.js';
import { openConnection, type ConnectionSpec, type OpenConnection } from './connection.js';

/** The connections the backend holds open for api callers; callers hold only the id. */
const open = new Map<string, OpenConnection>();

export async function registerConnection(
  spec: ConnectionSpec,
): Promise<{ connectionId: string; connection: OpenConnection }> {
  const connection = await openConnection(spec);
  const connectionId = randomUUID();
  open.set(connectionId, connection);
  return { connectionId, connection };
}

/** The open connection with this id; an unknown id is NOT_FOUND. Other areas (seed, operations) use this too. */
export function getConnection(connectionId: string): OpenConnection {
  const connection = open.get(connectionId);
  if (!connection) {
    throw new MonotableError('NOT_FOUND', `No open connection with id "${connectionId}".`, {
      hint: 'Open one with connection.open and use the id it returns.',
    });
  }
  return connection;
}

export function listConnections(): { connectionId: string; connection: OpenConnection }[] {
  return [...open].map(([connectionId, connection]) => ({ connectionId, connection }));
}

export async function closeConnection(connectionId: string): Promise<boolean> {
  const connection = open.get(connectionId);
  if (!connection) return false;
  open.delete(connectionId);
  await connection.close();
  return true;
}

/** On backend shutdown: closes everything (stops transient engines). */
export async function closeAllConnections(): Promise<void> {
  await Promise.all([...open.keys()].map((id) => closeConnection(id)));
}
