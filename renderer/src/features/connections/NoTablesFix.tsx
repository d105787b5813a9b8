import { useEffect, useState } from 'react';
import './connections.css';
import { callApi, failureText } from '../../files/api-call.js';
import { type ConnectionInfo, endpointUrl, reopenConnection } from './connection-store.js';

type Found = { accessKeyId: string; region: string; tableCount: number; more: boolean; names: string[] };

/**
 * "This endpoint lists no tables": why (DynamoDB Local keeps tables per access key id and region unless started
 * with -sharedDb), and the fix in one click: the endpoint is asked under the common keys and regions, and each pair
 * that has tables becomes a button that reopens the connection with it.
 */
export function NoTablesFix({ connection }: { connection: ConnectionInfo }) {
  const [found, setFound] = useState<Found[]>();
  const [tried, setTried] = useState<{ accessKeyIds: string[]; regions: string[] }>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    setFound(undefined);
    setError(undefined);
    void callApi('connection.findTables', { connectionId: connection.connectionId })
      .then((r) => {
        setFound(r.found);
        setTried(r.tried);
      })
      .catch((e: unknown) => setError(failureText(e)));
  }, [connection.connectionId]);
  const use = (pair: Found) => {
    const url = endpointUrl(connection);
    if (!url) return;
    setError(undefined);
    void reopenConnection(connection, {
      kind: 'endpoint',
      url,
      accessKeyId: pair.accessKeyId,
      region: pair.region,
      production: connection.production,
      readOnly: connection.readOnly,
    }).catch((e: unknown) => setError(failureText(e)));
  };
  return (
    <div className="notice info no-tables" role="note" aria-label="No tables">
      <p>
        This endpoint lists no tables for access key id <code>{connection.accessKeyId}</code> in region{' '}
        <code>{connection.region}</code>. DynamoDB Local keeps a separate set of tables for each access key id and
        region unless it was started with <code>-sharedDb</code>.
      </p>
      {!found && !error && <p className="muted">Looking for tables under the usual access keys and regions…</p>}
      {found && found.length > 0 && (
        <>
          <p>Tables found under another access key id and region:</p>
          <div className="row-actions">
            {found.map((pair) => (
              <button
                key={`${pair.accessKeyId}/${pair.region}`}
                type="button"
                className="button primary"
                title={`${pair.names.join(', ')}${pair.more ? ', …' : ''}`}
                onClick={() => use(pair)}
              >
                Use access key {pair.accessKeyId}, region {pair.region} ({pair.tableCount}
                {pair.more ? '+' : ''} {pair.tableCount === 1 ? 'table' : 'tables'})
              </button>
            ))}
          </div>
        </>
      )}
      {found && found.length === 0 && tried && (
        <p className="muted">
          No tables under access keys {tried.accessKeyIds.join(', ')} in regions {tried.regions.join(', ')} either.
        </p>
      )}
      <p>
        Otherwise: connect with the access key id and region your application uses (Connections), or restart DynamoDB
        Local with <code>java -jar DynamoDBLocal.jar -sharedDb</code> (Docker: add <code>-sharedDb</code> to the
        command).
      </p>
      {error && (
        <p className="field-problem error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
