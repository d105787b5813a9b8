import { createServer, request, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { isMonotableError } from '../../shared/errors/monotable-error.js';
import { openConnection, type OpenConnection } from '../../electron/backend/connections/connection.js';
import { createTables } from '../../electron/backend/tables/create-tables.js';
import { deleteTable } from '../../electron/backend/tables/delete-table.js';
import { listTables } from '../../electron/backend/tables/describe-table.js';
import { startTestEngine } from '../support/engine.js';
import { ordersModel } from './table-model.js';

/**
 * dynalite drops DeletionProtectionEnabled (dynamodb-rules.md §2). This loopback proxy forwards every request to the
 * real engine unchanged and adds `DeletionProtectionEnabled: true` to DescribeTable answers for protected tables, as
 * AWS would: the guard then runs against real HTTP, the real SDK and the real engine.
 */
function protectingProxy(target: string, protectedTables: Set<string>): Promise<{ endpoint: string; server: Server }> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const upstream = request(`${target}${req.url ?? '/'}`, { method: req.method, headers: req.headers }, (answer) => {
        const parts: Buffer[] = [];
        answer.on('data', (c: Buffer) => parts.push(c));
        answer.on('end', () => {
          let text = Buffer.concat(parts).toString();
          const described =
            req.headers['x-amz-target'] === 'DynamoDB_20120810.DescribeTable' && answer.statusCode === 200;
          const json = described
            ? (JSON.parse(text) as { Table?: { TableName?: string; DeletionProtectionEnabled?: boolean } })
            : undefined;
          if (json?.Table?.TableName && protectedTables.has(json.Table.TableName)) {
            json.Table.DeletionProtectionEnabled = true;
            text = JSON.stringify(json);
          }
          // The body changed: new length, and no CRC32 of the old body.
          const headers: Record<string, string | string[] | undefined> = {
            ...answer.headers,
            'content-length': String(Buffer.byteLength(text)),
          };
          delete headers['x-amz-crc32'];
          res.writeHead(answer.statusCode ?? 500, headers);
          res.end(text);
        });
      });
      upstream.end(body);
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ endpoint: `http://127.0.0.1:${(server.address() as { port: number }).port}`, server }),
    ),
  );
}

let engine: Awaited<ReturnType<typeof startTestEngine>>;
let proxy: { endpoint: string; server: Server };
let connection: OpenConnection;
beforeAll(async () => {
  engine = await startTestEngine();
  proxy = await protectingProxy(engine.engine.endpoint, new Set(['Guarded']));
  connection = await openConnection({ kind: 'endpoint', url: proxy.endpoint });
});
afterAll(async () => {
  await connection.close();
  proxy.server.close();
  await engine.stop();
});

describe('deletion protection', () => {
  test('a table whose DescribeTable says DeletionProtectionEnabled is never deleted', async () => {
    await createTables(connection, ordersModel({ name: 'Guarded' }));
    await createTables(connection, ordersModel({ name: 'Free' }));
    let error: unknown;
    try {
      await deleteTable({ ...connection, production: true }, 'Guarded', { confirm: 'Guarded' });
    } catch (caught) {
      error = caught;
    }
    expect(isMonotableError(error) && error.code).toBe('DELETION_PROTECTED');
    expect((error as Error).message).toBe('Table "Guarded" has deletion protection enabled; it was not deleted.');
    await deleteTable(connection, 'Free');
    expect(await listTables(connection)).toEqual(['Guarded']);
  });
});
