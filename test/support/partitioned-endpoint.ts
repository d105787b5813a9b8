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
  /**
   * The stand-in also plays IAM Identity Center for SSO profiles (point AWS_ENDPOINT_URL at it): the SSO portal's
   * GetRoleCredentials accepts the tokens of `ssoTokens` and answers `ssoAccessKeyId`; its OIDC service signs in
   * with a device code approved on the second poll, adding the new token. `expire()` revokes every token and makes
   * DynamoDB answer ExpiredTokenException, as AWS does when a session ends.
   */
  ssoTokens: Set<string>;
  expire(): void;
  close(): Promise<void>;
}

/** How many items a Scan of any table returns, page by page. */
export const SCAN_ITEMS = 150;

/** The access key id of the role credentials the stand-in's SSO portal hands out. */
export const SSO_ACCESS_KEY_ID = 'ASIATEAMSSOEXAMPLE01';

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
  const ssoTokens = new Set<string>();
  let expired = false;
  let polls = 0;
  let signIns = 0;
  const sso = (req: IncomingMessage, res: ServerResponse, path: string): boolean => {
    if (req.method === 'GET' && path === '/federation/credentials') {
      if (!ssoTokens.has(String(req.headers['x-amz-sso_bearer_token'] ?? ''))) {
        res.setHeader('x-amzn-errortype', 'UnauthorizedException');
        answer(res, 401, { message: 'Session token not found or invalid' });
        return true;
      }
      answer(res, 200, {
        roleCredentials: {
          accessKeyId: SSO_ACCESS_KEY_ID,
          secretAccessKey: 'stand-in-secret-access-key-0000000000000',
          sessionToken: 'stand-in-session-token',
          expiration: Date.now() + 3_600_000,
        },
      });
      return true;
    }
    if (req.method !== 'POST') return false;
    if (path === '/client/register') {
      answer(res, 200, {
        clientId: 'stand-in-client',
        clientSecret: 'stand-in-client-secret',
        clientSecretExpiresAt: 0,
      });
      return true;
    }
    if (path === '/device_authorization') {
      polls = 0;
      answer(res, 200, {
        deviceCode: 'stand-in-device-code',
        userCode: 'MONO-TABL',
        verificationUri: 'https://device.sso.eu-west-1.amazonaws.com/',
        verificationUriComplete: 'https://device.sso.eu-west-1.amazonaws.com/?user_code=MONO-TABL',
        expiresIn: 600,
        interval: 1,
      });
      return true;
    }
    if (path === '/token') {
      if (++polls < 2) {
        answer(res, 400, { error: 'authorization_pending', error_description: 'Waiting for the user' });
        return true;
      }
      const token = `stand-in-token-${++signIns}`;
      ssoTokens.add(token);
      expired = false;
      answer(res, 200, { accessToken: token, tokenType: 'Bearer', expiresIn: 28_800 });
      return true;
    }
    return false;
  };
  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      if (sso(req, res, new URL(req.url ?? '/', 'http://stand-in').pathname)) return;
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as {
        TableName?: string;
        ExclusiveStartKey?: unknown;
        Limit?: number;
      };
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
      if (expired) {
        answer(res, 400, {
          __type: 'com.amazonaws.dynamodb.v20120810#ExpiredTokenException',
          message: 'The security token included in the request is expired',
        });
        return;
      }
      if (operation === 'Scan') {
        // SCAN_ITEMS items in pages of Limit (at most 100), each page with its resume key.
        const after = (body.ExclusiveStartKey as { sk?: { S?: string } } | undefined)?.sk?.S;
        const start = after === undefined ? 0 : Number(after) + 1;
        const size = Math.min(100, body.Limit ?? 100);
        const ids = Array.from({ length: Math.max(0, Math.min(size, SCAN_ITEMS - start)) }, (_, i) => start + i);
        const last = ids.at(-1);
        answer(res, 200, {
          Items: ids.map((id) => ({ pk: { S: `ITEM#${id}` }, sk: { S: String(id).padStart(3, '0') } })),
          Count: ids.length,
          ScannedCount: ids.length,
          ...(last !== undefined && last < SCAN_ITEMS - 1
            ? { LastEvaluatedKey: { pk: { S: `ITEM#${last}` }, sk: { S: String(last).padStart(3, '0') } } }
            : {}),
        });
        return;
      }
      if (operation === 'ListTables') {
        const pair = `${scope.accessKeyId}/${scope.region}`;
        asked.push(pair);
        answer(res, 200, { TableNames: tables[pair] ?? [] });
        return;
      }
      if (operation === 'DescribeTimeToLive') {
        answer(res, 200, { TimeToLiveDescription: { TimeToLiveStatus: 'DISABLED' } });
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
    ssoTokens,
    expire() {
      ssoTokens.clear();
      expired = true;
    },
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
