import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, readFile, realpath, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createInProcessClient } from '../electron/backend/api/in-process-client.js';
import type { Item } from '../shared/model/attribute-value.js';
import { cruddurMessaging } from '../shared/templates/cruddur-messaging.js';
import { type BrowserHandle, describeInBrowser, launchBrowser } from './support/browser.js';
import { type ServeHandle, startServe } from './support/serve.js';
import { bannerCount, collectPageErrors } from './support/ui.js';

/** Rows of the large table, each with a 1,000-character text: ~40 MB of values, ~100 MB as items in a page. */
const ROWS = 40_000;
const TEXT = 'x'.repeat(1000);
/**
 * The page's JS heap after a forced GC with every row loaded must stay under this. The grid that held every row in
 * the page measured 88 MiB here (2026-12-07); windows of rows around the viewport, 6.6 MiB whatever the number of rows.
 */
const HEAP_BOUND_MIB = 32;

const api = createInProcessClient();

async function call<M extends Parameters<typeof api.call>[0]>(method: M, input: Parameters<typeof api.call<M>>[1]) {
  const out = await api.call(method, input);
  if (!out.ok) throw new Error(`${method}: ${out.error.message}`);
  return out.value;
}

function row(i: number): Item {
  return {
    pk: { S: `BIG#${i % 50}` },
    sk: { S: `ROW#${String(i).padStart(6, '0')}` },
    n: { N: String(i) },
    text: { S: `${TEXT}${i}` },
  };
}

async function status(page: Page): Promise<string | null> {
  return page.locator('section.results').getAttribute('data-status');
}

/** The page's JS heap after a forced garbage collection, MiB (Chromium's DevTools protocol). */
async function heapAfterGc(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  await cdp.detach();
  const used = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value;
  if (!used) throw new Error('Chromium reported no JSHeapUsedSize.');
  return used / 2 ** 20;
}

/** The server's spool files of result sets (electron/backend/results: `<tmp>/monotable-results-<pid>-*`). */
function spoolFiles(pid: number): string[] {
  return readdirSync(tmpdir())
    .filter((name) => name.startsWith(`monotable-results-${pid}-`))
    .flatMap((folder) => readdirSync(join(tmpdir(), folder)));
}

/** The texts of one column of the rows in the DOM, top to bottom. */
async function columnTexts(page: Page, column: string): Promise<string[]> {
  const grid = page.getByRole('grid', { name: 'Results' });
  const headers = await grid
    .getByRole('columnheader')
    .evaluateAll((cells) => cells.map((c) => c.getAttribute('aria-label') ?? ''));
  const colIndex = headers.indexOf(column) + 1; // aria-colindex counts from 1, the select column first
  return grid
    .locator(`tbody tr td[aria-colindex="${colIndex}"] .cell-text`)
    .evaluateAll((cells) => cells.map((c) => c.textContent ?? ''));
}

describeInBrowser('results of a large Scan live in the backend', () => {
  let folder: string;
  let dataDir: string;
  let browser: BrowserHandle;
  let server: ServeHandle;

  beforeAll(async () => {
    folder = await realpath(await mkdtemp(join(tmpdir(), 'monotable-e2e-scale-')));
    dataDir = join(folder, 'data');
    // The table is filled through the api in this process, on the embedded engine the server then finds running.
    await call('engine.start', { dataDir });
    const { connectionId } = await call('connection.open', { kind: 'embedded', dataDir });
    await call('table.create', { connectionId, model: cruddurMessaging, ifNotExists: true });
    for (let from = 0; from < ROWS; from += 5000) {
      const puts = Array.from({ length: Math.min(5000, ROWS - from) }, (_, i) => row(from + i));
      const written = await call('item.writeBatch', { connectionId, table: 'cruddur-messages', puts });
      expect(written.failed).toBe(0);
    }
    await call('connection.close', { connectionId });
    server = await startServe({ root: folder, dataDir });
    browser = await launchBrowser();
  }, 180_000);

  afterAll(async () => {
    const pid = server?.process.pid;
    await server?.stop();
    // The server removed its spool folder when it stopped.
    if (pid) expect(spoolFiles(pid)).toEqual([]);
    await browser?.close();
    await api.call('engine.stop', {});
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  it('Load all of 40,000 large rows keeps the page heap bounded; Cancel stops a Load all and Load all resumes', async () => {
    const { page } = browser;
    await page.setViewportSize({ width: 1400, height: 900 });
    const errors = collectPageErrors(page);
    await page.goto(server.url);
    await page.getByRole('button', { name: 'Cruddur messaging', exact: true }).click();
    await page.getByRole('button', { name: 'Data', exact: true }).click();
    await page.getByRole('button', { name: 'Table cruddur-messages', exact: true }).click({ timeout: 30_000 });
    await page.getByRole('tab', { name: 'Scan' }).click();
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await expect.poll(() => status(page), { timeout: 30_000 }).toBe('more');
    expect(await bannerCount(page)).toBe(1000);

    await page.getByRole('button', { name: 'Load all' }).click();
    await expect.poll(() => status(page), { timeout: 120_000 }).toBe('done');
    expect(await bannerCount(page)).toBe(ROWS);
    const heap = await heapAfterGc(page);
    expect(heap, `JS heap after GC with ${ROWS} rows: ${heap.toFixed(1)} MiB`).toBeLessThan(HEAP_BOUND_MIB);
    // The last row is there: scroll to the bottom and its window is fetched.
    await page.locator('.results-grid').evaluate((grid) => grid.scrollTo({ top: grid.scrollHeight }));
    await expect
      .poll(() => columnTexts(page, 'sk'), { timeout: 10_000 })
      .toEqual(expect.arrayContaining([expect.stringMatching(/^ROW#/)]));

    // Cancel a Load all midway: what was read stays, and Load all continues from there to the end.
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await expect.poll(() => status(page), { timeout: 30_000 }).toBe('more');
    await expect.poll(() => spoolFiles(server.process.pid!), { timeout: 15_000 }).toHaveLength(1); // the first result set is gone
    await page.getByRole('button', { name: 'Load all' }).click();
    await expect.poll(() => bannerCount(page), { timeout: 60_000 }).toBeGreaterThan(1000);
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => status(page), { timeout: 30_000 }).toBe('cancelled');
    const kept = await bannerCount(page);
    expect(kept).toBeGreaterThan(1000);
    expect(kept).toBeLessThan(ROWS);
    await page.getByRole('button', { name: 'Load all' }).click();
    await expect.poll(() => status(page), { timeout: 120_000 }).toBe('done');
    expect(await bannerCount(page)).toBe(ROWS);
    // Each Run replaced the result set before it: one spool file is left, the current one.
    await expect.poll(() => spoolFiles(server.process.pid!), { timeout: 15_000 }).toHaveLength(1);
    expect(errors).toEqual([]);
  }, 300_000);

  it('sorts the spooled rows in the backend: numbers by value, both ways', async () => {
    const { page } = browser;
    const n = page.getByRole('grid', { name: 'Results' }).getByRole('button', { name: 'n', exact: true });
    await n.click();
    await expect
      .poll(() => columnTexts(page, 'n'), { timeout: 60_000 })
      .toEqual(expect.arrayContaining(['0', '1', '2']));
    const ascending = (await columnTexts(page, 'n')).map(Number);
    expect(ascending.slice(0, 5)).toEqual([0, 1, 2, 3, 4]);
    expect(await page.getByRole('columnheader', { name: 'n', exact: true }).getAttribute('aria-sort')).toBe(
      'ascending',
    );
    await n.click();
    await expect.poll(async () => (await columnTexts(page, 'n'))[0], { timeout: 60_000 }).toBe(String(ROWS - 1));
    const descending = (await columnTexts(page, 'n')).map(Number);
    expect(descending.slice(0, 3)).toEqual([ROWS - 1, ROWS - 2, ROWS - 3]); // 39999 before 9999: by value
    await n.click(); // back to read order
    await expect
      .poll(() => page.getByRole('columnheader', { name: 'n', exact: true }).getAttribute('aria-sort'))
      .toBe('none');
  }, 120_000);

  it('Export… streams every row from the backend as a download; its result set is removed after', async () => {
    const { page } = browser;
    const pid = server.process.pid!;
    await page.getByRole('button', { name: 'Export…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export all pages' });
    await dialog.getByLabel('DynamoDB JSON lines').check();
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 120_000 }),
      dialog.getByRole('button', { name: 'Export', exact: true }).click(),
    ]);
    const path = await download.path();
    expect(path && existsSync(path)).toBe(true);
    const lines = (await readFile(path!, 'utf8')).trimEnd().split('\n');
    expect(lines).toHaveLength(ROWS);
    const items = lines.map((line) => (JSON.parse(line) as { Item: Item }).Item);
    expect(new Set(items.map((item) => (item.sk as { S: string }).S)).size).toBe(ROWS);
    expect(items.find((item) => (item.n as { N: string }).N === '12345')).toEqual(row(12345));
    await dialog.getByText(`Saved ${ROWS.toLocaleString('en-US')} rows`).waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();
    // The export's own result set went with the download; the grid's stays.
    await expect.poll(() => spoolFiles(pid), { timeout: 15_000 }).toHaveLength(1);
  }, 180_000);
});
