import { CreateTableCommand, DeleteTableCommand, DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startConnectedTestEngine, type ConnectedTestEngine } from '../../../test/support/connected-engine.js';
import { monotableRejection } from '../../../test/support/rejection.js';
import { ordersModel } from '../../../test/backend/table-model.js';
import dynalite from 'dynalite';
import type { AddressInfo } from 'node:net';
import { createEndpointClient } from '../connections/local-client.js';
import {
  DYNALITE_CAPABILITIES,
  EMBEDDED_CAPABILITIES,
  FULL_CAPABILITIES,
  type OpenConnection,
} from '../connections/connection.js';
import { toMonotableError } from '../connections/aws-errors.js';
import { addMissingIndexes } from './add-missing-indexes.js';
import { createTables, TTL_NOT_SUPPORTED } from './create-tables.js';
import { deleteTable } from './delete-table.js';
import { describeTable, listTables } from './describe-table.js';
import { driftReport } from './drift.js';
import type { TableProgress } from './table-progress.js';
import { waitForActive } from './wait-for-active.js';

let engine: ConnectedTestEngine;
let endpoint: OpenConnection;
/** The same engine seen as the embedded engine (dynalite's capabilities). */
let embedded: OpenConnection;
beforeAll(async () => {
  engine = await startConnectedTestEngine({ engine: { createTableMs: 150, updateTableMs: 100, deleteTableMs: 100 } });
  endpoint = engine.connection;
  embedded = { ...endpoint, capabilities: EMBEDDED_CAPABILITIES };
});
afterAll(async () => engine.stop());

describe('create tables', () => {
  test('creates table, GSIs and LSI, waits until ACTIVE with progress, enables TTL', async () => {
    const progress: TableProgress[] = [];
    const [result] = await createTables(embedded, ordersModel(), { onProgress: (p) => progress.push(p) });
    expect(result).toMatchObject({
      table: 'Orders',
      outcome: 'created',
      ttl: 'applied',
    });
    expect(progress.map((p) => p.phase)).toEqual(expect.arrayContaining(['creating', 'waiting', 'ttl', 'done']));
    expect(progress.find((p) => p.phase === 'waiting')?.status).toBe('CREATING');
    const live = await describeTable(embedded, 'Orders');
    expect(live.TableStatus).toBe('ACTIVE');
    expect(live.GlobalSecondaryIndexes?.map((g) => g.IndexName).sort()).toEqual(['by-customer', 'by-status']);
    expect(live.LocalSecondaryIndexes?.map((l) => l.IndexName)).toEqual(['by-created']);
    expect(await driftReport(embedded, ordersModel(), 'Orders')).toEqual([]);
    expect(await listTables(embedded)).toContain('Orders');
  });

  test('every table setting the model has is accepted (stream, encryption, class, tags, protection, provisioned GSIs)', async () => {
    const model = ordersModel({
      name: 'OrdersFull',
      billing: { mode: 'provisioned', read: 4, write: 2 },
      stream: 'NEW_AND_OLD_IMAGES',
      encryption: { type: 'aws-managed' },
      tableClass: 'STANDARD_INFREQUENT_ACCESS',
      tags: { team: 'orders' },
      deletionProtection: true,
    });
    const [result] = await createTables(embedded, model);
    expect(result?.outcome).toBe('created');
    // Streams and deletion protection are not compared on dynalite (capabilities), the rest matches.
    expect(await driftReport(embedded, model, 'OrdersFull')).toEqual([]);
  });

  test('plain dynalite (no TTL): TTL noted as not supported, and an endpoint that claims TTL but answers UnknownOperation too', async () => {
    const [plain] = await createTables(
      { ...endpoint, capabilities: DYNALITE_CAPABILITIES },
      ordersModel({ name: 'OrdersNoTtl' }),
    );
    expect(plain?.ttl).toBe('not-supported');
    expect(plain?.notes).toEqual([TTL_NOT_SUPPORTED]);
    // dynalite on its own, without Monotable's engine in front: UpdateTimeToLive is an unknown operation there.
    const server = dynalite({ createTableMs: 5 });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const client = createEndpointClient(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    try {
      const claimsTtl = { ...endpoint, client, capabilities: FULL_CAPABILITIES };
      const [result] = await createTables(claimsTtl, ordersModel({ name: 'OrdersTtl' }));
      expect(result?.ttl).toBe('not-supported');
      expect(result?.notes).toEqual([`${TTL_NOT_SUPPORTED} (the endpoint answered UnknownOperation)`]);
    } finally {
      client.destroy();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  test('an existing table is TABLE_EXISTS with a hint, or with ifNotExists a skip with its drift', async () => {
    const error = await monotableRejection(createTables(embedded, ordersModel()));
    expect(error.code).toBe('TABLE_EXISTS');
    expect(error.message).toContain('"Orders"');
    expect(error.details.hint).toMatch(/--if-not-exists/);
    const [skipped] = await createTables(
      embedded,
      ordersModel({ billing: { mode: 'provisioned', read: 3, write: 3 } }),
      { ifNotExists: true },
    );
    expect(skipped).toMatchObject({
      outcome: 'exists',
      drift: [
        expect.objectContaining({ path: 'table.billing', expected: 'provisioned 3 RCU / 3 WCU', actual: 'on-demand' }),
      ],
    });
  });

  test('read-only connections refuse; an unknown --table is NOT_FOUND', async () => {
    expect(
      (await monotableRejection(createTables({ ...embedded, readOnly: true }, ordersModel({ name: 'Never' })))).code,
    ).toBe('READ_ONLY');
    expect(await listTables(embedded)).not.toContain('Never');
    expect((await monotableRejection(createTables(embedded, ordersModel(), { table: 'Nope' }))).code).toBe('NOT_FOUND');
  });
});

describe('wait for ACTIVE', () => {
  test('times out as TABLE_NOT_ACTIVE and can be cancelled', async () => {
    const slow = await startConnectedTestEngine({ engine: { createTableMs: 5_000 } });
    const connection = slow.connection;
    try {
      await slow.client.send(
        new CreateTableCommand({
          TableName: 'Orders',
          AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
          KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
          BillingMode: 'PAY_PER_REQUEST',
        }),
      );
      const timeout = await monotableRejection(waitForActive(connection, 'Orders', { timeoutMs: 100, pollMs: 20 }));
      expect(timeout.code).toBe('TABLE_NOT_ACTIVE');
      expect(timeout.message).toContain('table CREATING');
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 100);
      expect((await monotableRejection(waitForActive(connection, 'Orders', { signal: controller.signal }))).code).toBe(
        'CANCELLED',
      );
    } finally {
      await slow.stop();
    }
  });
});

describe('add missing GSIs', () => {
  test('dynalite cannot add a GSI to an existing table: ENGINE_UNSUPPORTED after the first, never a false success', async () => {
    const bare = ordersModel({ name: 'Bare', globalSecondaryIndexes: [] });
    await createTables(embedded, bare);
    const full = ordersModel({ name: 'Bare' });
    expect((await driftReport(embedded, full, 'Bare')).filter((d) => d.fixable).map((d) => d.path)).toEqual([
      'gsi[by-customer]',
      'gsi[by-status]',
    ]);
    const progress: TableProgress[] = [];
    const error = await monotableRejection(
      addMissingIndexes(embedded, full, 'Bare', { onProgress: (p) => progress.push(p) }),
    );
    expect(error.code).toBe('ENGINE_UNSUPPORTED');
    expect(error.message).toContain(
      'Adding index by-customer to the existing table "Bare" is not supported by the embedded engine (dynalite)',
    );
    expect(error.details.hint).toContain('monotable drop FILE --embedded --table Bare');
    expect(progress.filter((p) => p.phase === 'indexing').map((p) => p.index)).toEqual(['by-customer']);
    // Provisioned tables pass dynalite's validation; the update is then ignored, which is caught too.
    const provisioned = ordersModel({
      name: 'BareProvisioned',
      billing: { mode: 'provisioned', read: 2, write: 2 },
      globalSecondaryIndexes: [],
    });
    await createTables(embedded, provisioned);
    const fullProvisioned = ordersModel({
      name: 'BareProvisioned',
      billing: { mode: 'provisioned', read: 2, write: 2 },
    });
    expect((await monotableRejection(addMissingIndexes(embedded, fullProvisioned, 'BareProvisioned'))).code).toBe(
      'ENGINE_UNSUPPORTED',
    );
  });

  test('nothing missing: no UpdateTable, empty list; read-only refuses', async () => {
    await createTables(embedded, ordersModel({ name: 'Complete' }));
    expect(await addMissingIndexes(embedded, ordersModel({ name: 'Complete' }), 'Complete')).toEqual([]);
    expect(
      (
        await monotableRejection(
          addMissingIndexes({ ...embedded, readOnly: true }, ordersModel({ name: 'Complete' }), 'Complete'),
        )
      ).code,
    ).toBe('READ_ONLY');
  });
});

describe('delete a table (guarded)', () => {
  test('production needs the exact name; read-only refuses; then it is gone', async () => {
    await createTables(embedded, ordersModel({ name: 'Doomed' }));
    const production = { ...embedded, production: true };
    expect((await monotableRejection(deleteTable(production, 'Doomed'))).code).toBe('CONFIRMATION_REQUIRED');
    expect((await monotableRejection(deleteTable(production, 'Doomed', { confirm: 'doomed' }))).code).toBe(
      'CONFIRMATION_REQUIRED',
    );
    expect(
      (await monotableRejection(deleteTable({ ...embedded, readOnly: true }, 'Doomed', { confirm: 'Doomed' }))).code,
    ).toBe('READ_ONLY');
    expect(await listTables(embedded)).toContain('Doomed');
    const progress: TableProgress[] = [];
    await deleteTable(production, 'Doomed', { confirm: 'Doomed', onProgress: (p) => progress.push(p) });
    expect(await listTables(embedded)).not.toContain('Doomed');
    expect(progress.at(-1)?.phase).toBe('done');
    expect((await monotableRejection(deleteTable(embedded, 'Doomed'))).code).toBe('TABLE_NOT_FOUND');
  });

  test('a table still CREATING is awaited, then deleted', async () => {
    await engine.client.send(
      new CreateTableCommand({
        TableName: 'Young',
        AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
        BillingMode: 'PAY_PER_REQUEST',
      }),
    );
    expect((await describeTable(embedded, 'Young')).TableStatus).toBe('CREATING');
    const raw = await engine.client.send(new DeleteTableCommand({ TableName: 'Young' })).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(toMonotableError(raw, { table: 'Young', operation: 'DeleteTable' }).code).toBe('TABLE_NOT_ACTIVE');
    await deleteTable(embedded, 'Young');
    expect(await listTables(embedded)).not.toContain('Young');
  });

  test("on AWS the model's deletionProtection flag is honoured (dynalite drops the live flag)", async () => {
    await createTables(embedded, ordersModel({ name: 'Kept' }));
    // The AWS code path, pointed at the local engine: no network, the real DescribeTable.
    const awsLike: OpenConnection = { ...endpoint, spec: { kind: 'aws', profile: 'test', region: 'us-east-1' } };
    const error = await monotableRejection(
      deleteTable(awsLike, 'Kept', { model: ordersModel({ name: 'Kept', deletionProtection: true }) }),
    );
    expect(error.code).toBe('DELETION_PROTECTED');
    expect(error.details.hint).toMatch(/deletion protection off/);
    const still = await engine.client.send(new DescribeTableCommand({ TableName: 'Kept' }));
    expect(still.Table?.TableStatus).toBe('ACTIVE');
  });
});
