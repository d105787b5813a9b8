import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openIpcTransport } from '../api/ipc-transport.js';
import { runCruddurPattern } from './desktop-scenario.js';

/** The Electron smoke test's api scenario, here over the IPC transport (relay, sender check, backend host). */
describe('desktop scenario over the IPC transport', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'monotable-desktop-scenario-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('Cruddur template → embedded engine → table, seed → list-messages returns the conversation', async () => {
    const { client, close } = await openIpcTransport();
    try {
      const invoke = (method: string, input: unknown) =>
        (client.call as (m: string, i: unknown) => ReturnType<typeof client.call>)(method, input);
      const { engine, seeded, group, run } = await runCruddurPattern(invoke, dataDir);
      expect(engine.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(seeded.written).toBeGreaterThan(0);
      expect(run.request.operation).toBe('Query');
      expect(run.request.input.TableName).toBe('cruddur-messages');
      expect(run.result.items.length).toBeGreaterThan(0);
      for (const item of run.result.items as { pk: { S: string } }[]) expect(item.pk).toEqual({ S: `MSG#${group}` });
    } finally {
      await close();
    }
  });
});
