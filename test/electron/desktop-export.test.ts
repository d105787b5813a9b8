import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInProcessClient } from '../../electron/backend/api/in-process-client.js';
import type { MonotableBridge } from '../../shared/api/ipc-bridge.js';
import { openIpcTransport } from '../api/ipc-transport.js';
import { BIG, SHOP_MODEL, createShopTable, order, putItems } from '../operations/shop-model.js';
import { startApiTestEngine, type ApiTestEngine } from '../support/api-engine.js';
import { tempFolder } from '../support/temp-folder.js';

/**
 * Export… in the desktop app: the page's export store over the real IPC transport (bridge, relay, backend host):
 * the native save dialog (stood in for by the path it would return) asks first, then `results.export` writes the
 * whole read there; a cancelled dialog writes nothing.
 */
const page = globalThis as { monotable?: MonotableBridge };

// The page's stores, loaded by path: they import React, whose types (@types/react's global.d.ts declares empty DOM
// interfaces) must not enter the node typecheck, where they would hide the real DOM types Playwright's e2e use.
interface ExportStore {
  exportAll(format: 'csv' | 'ddb-jsonl'): Promise<void>;
  getExportState(): { running: boolean; rows: number; done?: { rows: number; fileName: string } };
}
interface ResultsStore {
  runRead(title: string, table: string, connectionId: string, spec: unknown, rows?: number): Promise<void>;
  getResults(): { total: number; resultId?: string };
}
const { exportAll, getExportState }: ExportStore = await import(
  '../../renderer/src/features/results/export-store.js' as string
);
const { getResults, runRead }: ResultsStore = await import(
  '../../renderer/src/features/results/results-store.js' as string
);
let engine: ApiTestEngine;
let transport: Awaited<ReturnType<typeof openIpcTransport>>;
let answer: string | null = null;
const asked: string[] = [];

beforeAll(async () => {
  engine = await startApiTestEngine(createInProcessClient());
  await createShopTable(engine.client);
  await putItems(
    engine.client,
    Array.from({ length: 260 }, (_, i) => order('c1', i)),
  );
  transport = await openIpcTransport({
    chooseSavePath: async () => {
      asked.push('dialog');
      return answer;
    },
  });
  page.monotable = transport.bridge;
});
afterAll(async () => {
  delete page.monotable;
  await transport?.close();
  await engine?.stop();
});

describe('Export… in the desktop app', () => {
  it('asks for a path with the save dialog and writes every row there, not only the loaded ones', async () => {
    const folder = await tempFolder('desktop-export');
    await runRead(
      'Scan Shop',
      'Shop',
      engine.connectionId,
      {
        method: 'operation.scan',
        input: { model: SHOP_MODEL, limit: 50 },
      },
      100,
    );
    expect(getResults().total).toBe(100);

    answer = null;
    await exportAll('csv');
    expect(asked).toHaveLength(1);
    expect(getExportState()).toMatchObject({ running: false, rows: 0 });
    expect(await readdir(folder)).toEqual([]); // cancelled dialog: nothing written

    answer = join(folder, 'orders.ddb.jsonl');
    await exportAll('ddb-jsonl');
    expect(getExportState()).toMatchObject({ running: false, done: { rows: 260, fileName: answer } });
    const lines = (await readFile(answer, 'utf8')).trimEnd().split('\n');
    expect(lines).toHaveLength(260);
    expect(lines.some((line) => line.includes(`"N":"${BIG}"`))).toBe(true);
    expect(await readdir(folder)).toEqual(['orders.ddb.jsonl']);
    await transport.client.call('results.close', { resultId: getResults().resultId! }); // as the page does on unload
  });
});
