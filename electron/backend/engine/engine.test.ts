import { CreateTableCommand, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { connect, createServer } from 'node:net';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { isMonotableError } from '../../../shared/errors/monotable-error.js';
import { rejection } from '../../../test/support/rejection.js';
import { createEndpointClient } from '../connections/local-client.js';
import { levelDbPath } from './data-dir.js';
import { readEngineState, stateFilePath } from './engine-state.js';
import { startEngineService } from './run-engine.js';
import { startEngine } from './start-engine.js';
import { tempFolder } from '../../../test/support/temp-folder.js';

function tryConnect(host: string, port: number): Promise<'connected' | string> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.setTimeout(2_000, () => {
      socket.destroy();
      resolve('timeout');
    });
    socket.once('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
  });
}

const nonLoopback = Object.values(networkInterfaces())
  .flat()
  .find((a) => a && a.family === 'IPv4' && !a.internal)?.address;
const createThings = {
  TableName: 'Things',
  AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' as const }],
  KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' as const }],
  BillingMode: 'PAY_PER_REQUEST' as const,
};

describe('embedded engine process', () => {
  test('listens on 127.0.0.1 only', async () => {
    const engine = await startEngine();
    try {
      expect(engine.endpoint).toBe(`http://127.0.0.1:${engine.port}`);
      expect(await tryConnect('127.0.0.1', engine.port)).toBe('connected');
    } finally {
      await engine.stop();
    }
  });

  test.skipIf(!nonLoopback)(
    `is unreachable on this machine's non-loopback address (${nonLoopback ?? 'none'})`,
    async () => {
      const engine = await startEngine();
      try {
        expect(await tryConnect(nonLoopback!, engine.port)).toBe('ECONNREFUSED');
      } finally {
        await engine.stop();
      }
    },
  );

  test('a taken port is PORT_IN_USE, not a crash', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const error = await rejection(startEngine({ port }));
      expect(isMonotableError(error) && error.code).toBe('PORT_IN_USE');
      expect((error as Error).message).toContain(String(port));
    } finally {
      blocker.close();
    }
  });

  test('SIGTERM stops it cleanly; a killed child resolves exited', async () => {
    const first = await startEngine();
    process.kill(first.pid, 'SIGTERM');
    expect(await first.exited).toEqual({ code: 0, signal: null });
    const second = await startEngine();
    process.kill(second.pid, 'SIGKILL');
    expect(await second.exited).toEqual({ code: null, signal: 'SIGKILL' });
  });

  test('a client that drops the connection mid-request does not take the engine down', async () => {
    const engine = await startEngine();
    try {
      const socket = connect({ host: '127.0.0.1', port: engine.port });
      await new Promise((resolve) => socket.once('connect', resolve));
      socket.write(
        'POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-amz-json-1.0\r\nX-Amz-Target: DynamoDB_20120810.ListTables\r\nContent-Length: 1000\r\n\r\n{"Limit":',
      );
      await new Promise((resolve) => setTimeout(resolve, 50));
      socket.destroy();
      const state = await Promise.race([
        engine.exited.then(() => 'exited'),
        new Promise((resolve) => setTimeout(() => resolve('running'), 300)),
      ]);
      expect(state).toBe('running');
      const client = createEndpointClient(engine.endpoint);
      expect((await client.send(new ListTablesCommand({}))).TableNames).toEqual([]);
      client.destroy();
    } finally {
      await engine.stop();
    }
  });

  test('a data folder locked by another engine is ENGINE_START_FAILED with the path', async () => {
    const dir = levelDbPath(await tempFolder('lock'));
    const owner = await startEngine({ dataDir: dir });
    try {
      const error = await rejection(startEngine({ dataDir: dir }));
      expect(isMonotableError(error) && error.code).toBe('ENGINE_START_FAILED');
      expect((error as Error).message).toContain(dir);
      expect((error as Error).message).toMatch(/lock/i);
    } finally {
      await owner.stop();
    }
  });

  test('a damaged LevelDB folder is ENGINE_DATA_DAMAGED with the path and a way out (test/faults/damaged-engine-folder.test.ts has every kind)', async () => {
    const dir = levelDbPath(await tempFolder('damaged'));
    await (await startEngine({ dataDir: dir })).stop();
    await writeFile(join(dir, 'CURRENT'), 'garbage');
    const error = await rejection(startEngine({ dataDir: dir }));
    expect(isMonotableError(error) && error.code).toBe('ENGINE_DATA_DAMAGED');
    expect((error as Error).message).toContain(dir);
    expect(isMonotableError(error) && error.details.hint).toContain(`mv "${dir}" "${dir}.damaged"`);
  });

  test('an unwritable data folder is ENGINE_START_FAILED with the path', async () => {
    const file = join(await tempFolder('file'), 'not-a-folder');
    await writeFile(file, 'x');
    const error = await rejection(startEngineService({ engineDir: join(file, 'engine') }));
    expect(isMonotableError(error) && error.code).toBe('ENGINE_START_FAILED');
    expect((error as Error).message).toContain(join(file, 'engine'));
  });
});

describe('engine service (state file, disk and memory)', () => {
  test('on disk: tables survive a restart (classic-level loads); state file written and removed', async () => {
    const dir = await tempFolder('disk');
    const first = await startEngineService({ engineDir: dir });
    expect(await readEngineState(dir)).toMatchObject({ port: first.port, pid: first.pid, inMemory: false });
    const client = createEndpointClient(first.endpoint);
    await client.send(new CreateTableCommand(createThings));
    client.destroy();
    await first.stop();
    expect(existsSync(stateFilePath(dir))).toBe(false);
    const second = await startEngineService({ engineDir: dir });
    const again = createEndpointClient(second.endpoint);
    try {
      expect((await again.send(new ListTablesCommand({}))).TableNames).toEqual(['Things']);
    } finally {
      again.destroy();
      await second.stop();
    }
  });

  test('in memory: nothing survives a restart; no LevelDB folder', async () => {
    const dir = await tempFolder('memory');
    const first = await startEngineService({ engineDir: dir, inMemory: true });
    const client = createEndpointClient(first.endpoint);
    await client.send(new CreateTableCommand(createThings));
    client.destroy();
    await first.stop();
    const second = await startEngineService({ engineDir: dir, inMemory: true });
    const again = createEndpointClient(second.endpoint);
    try {
      expect((await again.send(new ListTablesCommand({}))).TableNames).toEqual([]);
      expect(existsSync(levelDbPath(dir))).toBe(false);
    } finally {
      again.destroy();
      await second.stop();
    }
  });

  test('a second engine on a folder in use is refused; a killed engine leaves no live state', async () => {
    const dir = await tempFolder('twice');
    const engine = await startEngineService({ engineDir: dir, inMemory: true });
    const error = await rejection(startEngineService({ engineDir: dir, inMemory: true }));
    expect(isMonotableError(error) && error.code).toBe('ENGINE_START_FAILED');
    expect((error as Error).message).toContain(`pid ${engine.pid}`);
    process.kill(engine.pid, 'SIGKILL');
    await engine.exited;
    const restarted = await startEngineService({ engineDir: dir, inMemory: true });
    await restarted.stop();
  });
});
