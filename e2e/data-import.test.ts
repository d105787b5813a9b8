import { mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type BrowserHandle, describeInBrowser, launchBrowser } from './support/browser.js';
import { type ServeHandle, startServe } from './support/serve.js';
import { collectPageErrors } from './support/ui.js';

const BIG = '12345678901234567890123456789012345678';
const LINES = [
  `{"pk":{"S":"MSG#imported-group"},"sk":{"S":"2026-01-01T00:00:01Z"},"message":{"S":"first imported"},"likes":{"N":"${BIG}"},"tags":{"SS":["a","b"]}}`,
  '{"pk":{"S":"MSG#imported-group"},"sk":{"S":"2026-01-01T00:00:02Z"},"message":{"S":"second imported"}}',
  '{"pk":{"S":"MSG#imported-group"},"message":{"S":"no sort key"}}',
  '{"pk":{"S":"MSG#imported-group"},"sk":{"S":"2026-01-01T00:00:03Z"},"message":{"S":"third imported"},"photo":{"B":"AAEC/w=="}}',
];

describeInBrowser('importing items from a JSON-lines file', () => {
  let folder: string;
  let browser: BrowserHandle;
  let server: ServeHandle;

  beforeAll(async () => {
    folder = await realpath(await mkdtemp(join(tmpdir(), 'monotable-e2e-import-')));
    await writeFile(join(folder, 'messages.jsonl'), `${LINES.join('\n')}\n`);
    browser = await launchBrowser();
    server = await startServe({ root: folder });
  });
  afterAll(async () => {
    await server?.stop();
    await browser?.close();
    await rm(folder, { recursive: true, force: true });
  });

  it('Import… previews the items and the bad line, writes them, and a Scan shows them with every digit', async () => {
    const { page } = browser;
    await page.setViewportSize({ width: 1400, height: 900 });
    const errors = collectPageErrors(page);
    await page.goto(server.url);
    await page.getByRole('button', { name: 'Cruddur messaging', exact: true }).click();
    await page.getByRole('button', { name: 'Data', exact: true }).click();
    const create = page.getByRole('button', { name: 'Create tables' });
    await expect.poll(() => create.isEnabled(), { timeout: 30_000 }).toBe(true);
    await create.click();
    await page.getByRole('button', { name: 'Table cruddur-messages', exact: true }).waitFor({ timeout: 30_000 });

    const importButton = page.getByRole('button', { name: 'Import…', exact: true });
    await expect.poll(() => importButton.isEnabled()).toBe(true);
    await importButton.click();
    const dialog = page.getByRole('dialog', { name: 'Import items into cruddur-messages' });
    await dialog.getByRole('button', { name: /messages\.jsonl/ }).click();
    const preview = dialog.getByRole('region', { name: 'Import preview' });
    await preview.waitFor();
    expect(await preview.getByRole('status').textContent()).toMatch(
      /DynamoDB JSON lines.*3 items to import, 1 lines with problems/,
    );
    expect(await dialog.getByRole('list', { name: 'Problems' }).textContent()).toContain(
      'line 3: the key attribute "sk" is missing',
    );
    expect(await dialog.getByRole('table', { name: 'First items' }).textContent()).toContain(`likes: ${BIG}`);
    if (process.env.MONOTABLE_SCREENSHOTS) {
      await page.screenshot({ path: join(process.env.MONOTABLE_SCREENSHOTS, 'data-import-dialog.png') });
    }

    await dialog.getByRole('button', { name: 'Import 3 items', exact: true }).click();
    const summary = dialog.getByRole('status', { name: 'Import summary' });
    await summary.waitFor({ timeout: 30_000 });
    expect(await summary.textContent()).toBe(
      'Imported: 3 of 3 items written to cruddur-messages; 1 lines with problems were not imported.',
    );
    await dialog.getByRole('button', { name: 'Close', exact: true }).click();

    // A Scan reads them back: the 38-digit number, the set and the binary as they were in the file.
    await page.getByRole('tab', { name: 'Scan' }).click();
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await expect
      .poll(() => page.locator('section.results').getAttribute('data-status'), { timeout: 30_000 })
      .not.toBe('running');
    const grid = page.getByRole('grid', { name: 'Results' });
    const text = await grid.textContent();
    for (const expected of ['first imported', 'second imported', 'third imported', BIG, 'AAEC/w==']) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain('no sort key');
    expect(await page.locator('.results-banner').textContent()).toContain('3 items returned');
    expect(errors).toEqual([]);
  }, 60_000);
});
