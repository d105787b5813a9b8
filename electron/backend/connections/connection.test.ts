import {
  CreateTableCommand,
  DescribeTableCommand,
  ListTablesCommand,
  ExecuteStatementCommand,
  type CreateTableCommandInput,
} from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startConnectedTestEngine, type ConnectedTestEngine } from '../../../test/support/connected-engine.js';
import { startConnectionCounter } from '../../../test/support/connection-counter.js';
import { rejection } from '../../../test/support/rejection.js';
import { startEngineService } from '../engine/run-engine.js';
import { toMonotableError } from './aws-errors.js';
import { EMBEDDED_CAPABILITIES, FULL_CAPABILITIES, openConnection, type OpenConnection } from './connection.js';
import { assertConfirmed, assertSupported, assertWritable } from './guards.js';
import { isMonotableError } from '../../../shared/errors/monotable-error.js';
import { tempFolder } from '../../../test/support/temp-folder.js';

const TABLE: CreateTableCommandInput = {
  TableName: 'Things',
  AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
  KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
  BillingMode: 'PAY_PER_REQUEST',
};

let engine: ConnectedTestEngine;
let connection: OpenConnection;
beforeAll(async () => {
  engine = await startConnectedTestEngine({ connection: { region: 'eu-west-1', accessKeyId: 'alice' } });
  connection = engine.connection;
});
afterAll(async () => engine.stop());

describe('endpoint connections', () => {
  test('show the access key id and region they use', async () => {
    expect(connection.label).toBe(
      `endpoint ${engine.engine.endpoint} (access key id alice, region eu-west-1, Monotable engine)`,
    );
    expect(connection.capabilities).toEqual(EMBEDDED_CAPABILITIES);
    expect(connection.accessKeyId).toBe('alice');
    expect(await connection.client.config.region()).toBe('eu-west-1');
    expect((await connection.client.send(new ListTablesCommand({}))).TableNames).toEqual([]);
  });

  test('SDK errors from the real engine map to codes with table, region and a hint', async () => {
    await connection.client.send(new CreateTableCommand(TABLE));
    const exists = toMonotableError(await rejection(connection.client.send(new CreateTableCommand(TABLE))), {
      table: 'Things',
      connection,
    });
    expect(exists.code).toBe('TABLE_EXISTS');
    expect(exists.message).toContain('"Things"');
    expect(exists.details.hint).toMatch(/if-not-exists/);
    const missing = toMonotableError(
      await rejection(connection.client.send(new DescribeTableCommand({ TableName: 'Nope' }))),
      { table: 'Nope', connection },
    );
    expect(missing.code).toBe('TABLE_NOT_FOUND');
    expect(missing.message).toContain('Table "Nope" not found in region eu-west-1');
    expect(missing.message).toContain('access key id alice');
    const partiql = new ExecuteStatementCommand({ Statement: 'SELECT * FROM "Things"' });
    const unsupported = toMonotableError(await rejection(connection.client.send(partiql)), {
      operation: 'ExecuteStatement',
      connection,
    });
    expect(unsupported.code).toBe('ENGINE_UNSUPPORTED');
    expect(unsupported.message).toContain('ExecuteStatement');
    expect(unsupported.details.hint).toMatch(/DynamoDB Local or AWS/);
    const invalid = toMonotableError(
      await rejection(connection.client.send(new CreateTableCommand({ ...TABLE, TableName: 'x' }))),
      { connection },
    );
    expect(invalid.code).toBe('VALIDATION');
    expect(invalid.message).toMatch(/TableName/);
  });

  test('opening an endpoint connection probes the engine once and never retries the probe', async () => {
    const counter = await startConnectionCounter();
    try {
      const connection = await openConnection({ kind: 'endpoint', url: counter.url });
      await connection.close();
      expect(counter.connections()).toBe(1);
    } finally {
      await counter.close();
    }
  });

  test('nothing listening is CONNECTION_FAILED telling to start the engine', async () => {
    const dead = await openConnection({ kind: 'endpoint', url: 'http://127.0.0.1:1' });
    expect(dead.capabilities.transactions).toBe(true);
    try {
      const error = toMonotableError(await rejection(dead.client.send(new ListTablesCommand({}))), {
        connection: dead,
      });
      expect(error.code).toBe('CONNECTION_FAILED');
      expect(error.message).toContain('nothing listens at http://127.0.0.1:1');
      expect(error.details.hint).toContain('monotable engine');
    } finally {
      await dead.close();
    }
  });

  test('aborts map to CANCELLED, throttling to THROTTLED, MonotableErrors pass through', () => {
    expect(toMonotableError(Object.assign(new Error('x'), { name: 'AbortError' })).code).toBe('CANCELLED');
    expect(
      toMonotableError(Object.assign(new Error('x'), { name: 'ProvisionedThroughputExceededException' })).code,
    ).toBe('THROTTLED');
    expect(toMonotableError(Object.assign(new Error('slow'), { name: 'TimeoutError' })).code).toBe('TIMEOUT');
    const cancelled = toMonotableError(
      Object.assign(new Error('x'), {
        name: 'TransactionCanceledException',
        CancellationReasons: [
          { Code: 'None' },
          { Code: 'ConditionalCheckFailed', Message: 'The conditional request failed' },
        ],
      }),
    );
    expect(cancelled.code).toBe('CONDITION_FAILED');
    expect(cancelled.message).toContain('#2 ConditionalCheckFailed (The conditional request failed)');
    expect(
      toMonotableError(Object.assign(new Error(''), { name: 'ItemCollectionSizeLimitExceededException' }), {
        table: 'T',
      }).message,
    ).toContain('table "T" exceeds 10 GB');
    expect(
      toMonotableError(
        Object.assign(new Error('x'), { name: 'InternalServerError', $metadata: { httpStatusCode: 500 } }),
      ).code,
    ).toBe('NETWORK');
    expect(toMonotableError(Object.assign(new Error('x'), { name: 'SomethingNew' })).code).toBe('INTERNAL');
    const own = toMonotableError(new Error('boom'));
    expect(toMonotableError(own)).toBe(own);
  });
});

describe('guards', () => {
  test('the embedded engine has transactions and TTL; it refuses PartiQL and streams with a way out', async () => {
    const dir = await tempFolder('guard');
    const embedded = await openConnection({ kind: 'embedded', dataDir: dir });
    try {
      expect(() => assertSupported(embedded, 'transactions')).not.toThrow();
      expect(() => assertSupported(embedded, 'ttl')).not.toThrow();
      for (const feature of ['partiql', 'streams'] as const) {
        const error = await rejection(Promise.resolve().then(() => assertSupported(embedded, feature)));
        expect(isMonotableError(error) && error.code).toBe('ENGINE_UNSUPPORTED');
        expect((error as Error).message).toContain(
          'is not supported by the embedded engine (dynalite); it works on DynamoDB Local or AWS: connect with --endpoint or --profile',
        );
      }
      expect(() => assertSupported({ ...connection, capabilities: FULL_CAPABILITIES }, 'transactions')).not.toThrow();
    } finally {
      await embedded.close();
    }
  });

  test('read-only refuses writes; production needs the exact table name', () => {
    const readOnly = { ...connection, readOnly: true };
    expect(() => assertWritable(readOnly, 'CreateTable')).toThrow(/read-only/);
    const production = { ...connection, production: true };
    const unconfirmed = (() => {
      try {
        assertConfirmed(production, 'Orders', undefined, 'Delete table');
      } catch (error) {
        return error;
      }
    })();
    expect(isMonotableError(unconfirmed) && unconfirmed.code).toBe('CONFIRMATION_REQUIRED');
    expect(isMonotableError(unconfirmed) && unconfirmed.details.hint).toBe(
      'Type the table name to confirm: --confirm Orders',
    );
    expect(() => assertConfirmed(production, 'Orders', 'orders', 'Delete table')).toThrow(/"orders" is not "Orders"/);
    expect(() => assertConfirmed(production, 'Orders', 'Orders', 'Delete table')).not.toThrow();
    expect(() => assertConfirmed(connection, 'Orders', undefined, 'Delete table')).not.toThrow();
  });
});

describe('embedded connections', () => {
  test('connect to the engine running on the data folder', async () => {
    const dir = await tempFolder('embedded');
    const service = await startEngineService({ engineDir: dir, inMemory: true });
    try {
      const first = await openConnection({ kind: 'embedded', dataDir: dir });
      await first.client.send(new CreateTableCommand(TABLE));
      await first.close();
      expect(service.exited).toBeInstanceOf(Promise);
      const second = await openConnection({ kind: 'embedded', dataDir: dir });
      expect(second.label).toBe(`embedded engine ${service.endpoint} (in memory)`);
      expect((await second.client.send(new ListTablesCommand({}))).TableNames).toEqual(['Things']);
      await second.close();
    } finally {
      await service.stop();
    }
  });

  test("a folder held by another command's engine: ENGINE_START_FAILED naming it, with what to do", async () => {
    const dir = await tempFolder('busy');
    const holder = await openConnection({ kind: 'embedded', dataDir: dir });
    try {
      const error = await rejection(openConnection({ kind: 'embedded', dataDir: dir }));
      expect(isMonotableError(error) && error.code).toBe('ENGINE_START_FAILED');
      expect((error as Error).message).toContain(dir);
      expect(isMonotableError(error) && error.details.hint).toMatch(
        /Another Monotable process uses this folder.*run `monotable engine` once/,
      );
    } finally {
      await holder.close();
    }
  });

  test('without a running engine, start one on the folder for the connection; data stays on disk', async () => {
    const dir = await tempFolder('transient');
    const first = await openConnection({ kind: 'embedded', dataDir: dir });
    expect(first.label).toContain('started for this command');
    await first.client.send(new CreateTableCommand(TABLE));
    await first.close();
    const second = await openConnection({ kind: 'embedded', dataDir: dir });
    try {
      expect((await second.client.send(new ListTablesCommand({}))).TableNames).toEqual(['Things']);
    } finally {
      await second.close();
    }
  });
});
