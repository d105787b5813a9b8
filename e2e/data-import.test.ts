import { mkdtemp, readFile, readdir, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { serializeModel } from '../shared/model/serialize-model.js';
import { cruddurMessaging } from '../shared/templates/cruddur-messaging.js';
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

describeInBrowser('importing items from a JSON-lines file, and operations saved beside the model', () => {
  let folder: string;
  let browser: BrowserHandle;
  let server: ServeHandle;

  beforeAll(async () => {
    folder = await realpath(await mkdtemp(join(tmpdir(), 'monotable-e2e-import-')));
    await writeFile(join(folder, 'messages.jsonl'), `${LINES.join('\n')}\n`);
    await writeFile(join(folder, 'cruddur.monotable.json'), serializeModel(cruddurMessaging));
    browser = await launchBrowser();
    server = await startServe({ root: folder, file: 'cruddur.monotable.json' });
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
      /DynamoDB JSON lines.*3 items to import, 1 line with problems/,
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
      'Imported: 3 of 3 items written to cruddur-messages; 1 line with problems not imported.',
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

  it('a Scan saved as a file beside the model is listed, opened, run, deleted; the history is kept beside it too', async () => {
    const { page } = browser;
    const errors = collectPageErrors(page);
    await page.getByRole('tab', { name: 'Scan' }).click();
    await page.getByRole('button', { name: 'Add filter' }).click();
    await page.getByLabel('Filter 1 attribute').fill('message');
    await page.getByLabel('Filter 1 condition').selectOption('begins_with');
    await page.getByLabel('Filter 1 value').fill('second');
    await page.getByText('Save as a file beside the model').click();
    await page.getByLabel('Saved operation name').fill('second message');
    await page.getByRole('button', { name: 'Save operation', exact: true }).click();
    const file = join(folder, 'cruddur.operations', 'second message.json');
    await page.getByText(`Saved as ${file}.`).waitFor();
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({
      format: 'monotable-operation/1',
      kind: 'scan',
      table: 'cruddur-messages',
      filters: [{ attribute: 'message', operator: 'begins_with', value: 'second' }],
    });
    // The same name again is refused until Replace.
    await page.getByRole('button', { name: 'Save operation', exact: true }).click();
    await page.getByText('An operation named “second message” is already saved.').waitFor();
    await page.getByRole('button', { name: 'Replace', exact: true }).click();
    await page.getByText(`Saved as ${file}.`).waitFor();

    await page.getByRole('tab', { name: 'Saved' }).click();
    const list = page.getByRole('list', { name: 'Saved operations' });
    await list.waitFor();
    expect(await list.textContent()).toContain('second message');
    if (process.env.MONOTABLE_SCREENSHOTS) {
      await page.screenshot({ path: join(process.env.MONOTABLE_SCREENSHOTS, 'data-saved-operations.png') });
    }
    await list.getByRole('button', { name: 'Open second message', exact: true }).click();
    expect(await page.getByRole('tab', { name: 'Scan' }).getAttribute('aria-selected')).toBe('true');
    expect(await page.getByLabel('Filter 1 value').inputValue()).toBe('second');
    expect(await page.getByLabel('Saved operation name').inputValue()).toBe('second message');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await expect
      .poll(() => page.locator('.results-banner').textContent(), { timeout: 30_000 })
      .toContain('1 items returned');
    expect(await page.getByRole('grid', { name: 'Results' }).textContent()).toContain('second imported');

    await page.getByRole('tab', { name: 'Saved' }).click();
    await list.getByRole('button', { name: 'Delete second message', exact: true }).click();
    await page.getByText('No saved operations yet').waitFor();
    // Only the history is left: every run, one JSON line each, without the model (the file beside it).
    expect(await readdir(join(folder, 'cruddur.operations'))).toEqual(['history.jsonl']);
    const runs = (await readFile(join(folder, 'cruddur.operations', 'history.jsonl'), 'utf8'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(runs.map((r) => [r.title, r.method])).toEqual([
      ['Scan cruddur-messages', 'operation.scan'],
      ['Scan cruddur-messages', 'operation.scan'],
    ]);
    expect(runs[1].input).toEqual({
      table: 'cruddur-messages',
      filters: [{ attribute: 'message', operator: 'begins_with', value: 'second' }],
    });
    await page.getByRole('tab', { name: 'History' }).click();
    await page.getByText(`${join(folder, 'cruddur.operations', 'history.jsonl')}`).waitFor();
    await expect.poll(() => page.getByRole('list', { name: 'History' }).getByRole('listitem').count()).toBe(2);
    expect(errors).toEqual([]);
  }, 60_000);
});
