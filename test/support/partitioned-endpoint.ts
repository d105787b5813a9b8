import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { crc32 } from 'node:zlib';

/**
 * A loopback stand-in for DynamoDB Local without -sharedDb, for the "no tables" probe: ListTables answers the tables
 * kept under the request's access key id and Region (read from the SigV4 Authorization header's credential scope,
 * as DynamoDB Local does); every other operation gets DynamoDB Local's ValidationException. The embedded engine
 * (dynalite) keeps one set of tables whatever the key, so it cannot play this part.
 */
export interface PartitionedEndpoint {
  endpoint: string;
  /** `key/region` of each ListTables received, in order. */
  asked: string[];
  close(): Promise<void>;
}

const JSON_TYPE = 'application/x-amz-json-1.0';

function answer(res: ServerResponse, status: number, value: unknown): void {
  const body = Buffer.from(JSON.stringify(value));
  res.writeHead(status, {
    'content-type': JSON_TYPE,
    'content-length': body.length,
    'x-amzn-requestid': `partitioned-${Date.now()}`,
    'x-amz-crc32': crc32(body),
  });
  res.end(body);
}

/** `Credential=KEY/DATE/REGION/dynamodb/aws4_request` → KEY and REGION. */
export function credentialScope(
  authorization: string | undefined,
): { accessKeyId: string; region: string } | undefined {
  const match = /Credential=([^/,\s]+)\/\d{8}\/([^/,\s]+)\//.exec(authorization ?? '');
  return match ? { accessKeyId: match[1]!, region: match[2]! } : undefined;
}

/** Starts the endpoint; `tables` maps `accessKeyId/region` to the table names kept there. */
export async function startPartitionedEndpoint(tables: Record<string, string[]>): Promise<PartitionedEndpoint> {
  const asked: string[] = [];
  const sockets = new Set<Socket>();
  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as { TableName?: string };
      const operation = String(req.headers['x-amz-target'] ?? '')
        .split('.')
        .pop();
      const scope = credentialScope(req.headers.authorization);
      if (!scope) {
        answer(res, 400, {
          __type: 'com.amazonaws.dynamodb.v20120810#MissingAuthenticationToken',
          message: 'Request must contain either a valid (registered) AWS access key ID or X.509 certificate.',
        });
        return;
      }
      if (operation === 'ListTables') {
        const pair = `${scope.accessKeyId}/${scope.region}`;
        asked.push(pair);
        answer(res, 200, { TableNames: tables[pair] ?? [] });
        return;
      }
      if (operation === 'DescribeTable') {
        // Enough of a description for a table list.
        answer(res, 200, {
          Table: {
            TableName: body.TableName,
            TableStatus: 'ACTIVE',
            KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
            AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
            ItemCount: 0,
            TableSizeBytes: 0,
          },
        });
        return;
      }
      answer(res, 400, {
        __type: 'com.amazon.coral.validate#ValidationException',
        message: `${operation} is not served by this stand-in.`,
      });
    });
  };
  const server = createServer(handle);
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    asked,
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
