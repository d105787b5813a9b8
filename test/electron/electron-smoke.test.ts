import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Envelope } from '../../shared/api/define.js';
import type { MonotableBridge } from '../../shared/api/ipc-bridge.js';
import { findElectronBinary } from '../../scripts/electron-binary.mjs';
import { runCruddurPattern } from './desktop-scenario.js';

/**
 * The desktop app for real: Playwright's Electron driver launches the built app, opens the Cruddur template, runs a
 * pattern on the embedded engine through the page's bridge, and reads the security flags from inside the page.
 * It needs the Electron binary; where there is none (these machines and CI: nothing can download it), the suite is
 * reported as skipped with the reason in its name.
 */
const ROOT = resolve(import.meta.dirname, '..', '..');
const binary = findElectronBinary();
const title = binary.found
  ? 'desktop app smoke test (Electron)'
  : `desktop app smoke test: skipped: Electron binary not installed (${binary.reason})`;
if (!binary.found) console.info(`[electron smoke test] ${title}`);

/** What the page has, seen from page.evaluate (the test's TypeScript has no DOM types). */
interface PageGlobals {
  monotable?: MonotableBridge;
  process?: unknown;
  require?: unknown;
  ipcRenderer?: unknown;
  location: { origin: string };
  open(url: string): unknown;
  fetch(url: string): Promise<unknown>;
  crypto: { randomUUID(): string };
  Function: new (body: string) => () => unknown;
}

describe.skipIf(!binary.found)(title, () => {
  let app: ElectronApplication;
  let page: Page;
  // Made in beforeAll: a skipped suite still runs this body to collect its tests, but never its hooks.
  let scratch = '';
  const invoke = (method: string, input: unknown): Promise<Envelope<unknown>> =>
    page.evaluate(
      ([m, i]) => {
        const g = globalThis as unknown as PageGlobals;
        return g.monotable!.invoke(m as string, i, g.crypto.randomUUID());
      },
      [method, input] as const,
    );

  beforeAll(async () => {
    scratch = mkdtempSync(join(tmpdir(), 'monotable-electron-smoke-'));
    const scripts = (
      JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
    ).scripts;
    for (const script of ['build:node', 'build:ui', 'build:desktop'].filter((s) => scripts[s])) {
      const built = spawnSync('npm', ['run', '--silent', script], { cwd: ROOT, stdio: 'inherit' });
      if (built.status !== 0) throw new Error(`npm run ${script} failed`);
    }
    app = await _electron.launch({
      executablePath: binary.found ? binary.path : '',
      args: [ROOT, ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
      cwd: ROOT,
      env: {
        ...process.env,
        MONOTABLE_DATA_DIR: join(scratch, 'engine'),
        XDG_CONFIG_HOME: join(scratch, 'config'),
        HOME: scratch,
      } as Record<string, string>,
    });
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  }, 240_000);

  afterAll(async () => {
    await app?.close();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  // The bridge exists only through contextBridge, which works only with contextIsolation on; no process/require
  // means no Node in the page; eval and remote fetches fail on the CSP; window.open is denied by the open handler.
  it('inside the page: the app origin, no Node, only the five bridge functions, no eval, no popups, no remote fetch', async () => {
    const flags = await page.evaluate(async () => {
      const g = globalThis as unknown as PageGlobals;
      let evalBlocked = false;
      try {
        new g.Function('return 1')();
      } catch {
        evalBlocked = true; // the CSP has no 'unsafe-eval'
      }
      let remoteFetchBlocked = false;
      try {
        await g.fetch('https://example.com/');
      } catch {
        remoteFetchBlocked = true;
      }
      return {
        origin: g.location.origin,
        process: typeof g.process,
        require: typeof g.require,
        ipcRenderer: typeof g.ipcRenderer,
        bridge: Object.keys(g.monotable ?? {}).sort(),
        evalBlocked,
        remoteFetchBlocked,
        popup: g.open('https://github.com/') === null ? 'denied' : 'opened',
      };
    });
    expect(flags).toEqual({
      origin: 'monotable://app',
      process: 'undefined',
      require: 'undefined',
      ipcRenderer: 'undefined',
      bridge: ['cancel', 'chooseSavePath', 'invoke', 'onHostEvent', 'reportDocument', 'subscribe'],
      evalBlocked: true,
      remoteFetchBlocked: true,
      popup: 'denied',
    });
  });

  it('opens the Cruddur template from the start page', async () => {
    await page.getByRole('button', { name: 'Cruddur messaging' }).click();
    await page.getByText('cruddur-messages').first().waitFor({ timeout: 15_000 });
  });

  it('the backend and its engine survive a reload of the window', async () => {
    const started = await invoke('engine.start', { dataDir: join(scratch, 'engine'), inMemory: true });
    expect(started).toMatchObject({ ok: true, value: { running: true } });
    await page.reload();
    await page.waitForLoadState('domcontentloaded');
    const status = await invoke('engine.status', {});
    expect(status).toMatchObject({
      ok: true,
      value: { running: true, pid: (started as { value: { pid: number } }).value.pid },
    });
  });

  it('runs a pattern of the Cruddur template on the embedded engine', async () => {
    const { seeded, group, run } = await runCruddurPattern(invoke, join(scratch, 'engine'));
    expect(seeded.written).toBeGreaterThan(0);
    expect(run.request.operation).toBe('Query');
    expect(run.result.items.length).toBeGreaterThan(0);
    for (const item of run.result.items as { pk: { S: string } }[]) expect(item.pk).toEqual({ S: `MSG#${group}` });
  });
});
