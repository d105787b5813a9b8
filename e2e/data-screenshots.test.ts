import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeInBrowser } from './support/browser.js';
import { servedBrowser } from './support/served-browser.js';
import { collectPageErrors, cruddurTableOnData } from './support/ui.js';

/**
 * The data screens (Connections, Data with its tables, the Seed dialog, the operations, the results grid and the item
 * panel) in both themes, from the real server and engine, without a console error. The pictures go to a temp folder,
 * or to MONOTABLE_SCREENSHOTS (e.g. docs/screenshots for the README).
 */
describeInBrowser('screenshots of the data screens', () => {
  const served = servedBrowser('data-shots');
  let out: string;
  let temp: string | undefined;
  beforeAll(async () => {
    if (process.env.MONOTABLE_SCREENSHOTS) out = resolve(process.env.MONOTABLE_SCREENSHOTS);
    else out = temp = await mkdtemp(join(tmpdir(), 'monotable-e2e-data-shots-'));
    await mkdir(out, { recursive: true });
  });
  afterAll(async () => {
    if (temp) await rm(temp, { recursive: true, force: true });
  });

  for (const [index, theme] of (['light', 'dark'] as const).entries()) {
    it(`Connections, Data, Seed, operations, results and the item panel in the ${theme} theme`, async () => {
      const { page } = served.browser;
      const errors = collectPageErrors(page);
      await page.setViewportSize({ width: 1400, height: 900 });
      await page.emulateMedia({ colorScheme: theme });
      await page.goto(served.server.url);
      // String expressions: this file compiles without DOM types.
      await page.evaluate(`localStorage.setItem('monotable.theme', '${theme}')`);
      await page.reload();
      expect(await page.evaluate('document.documentElement.dataset.theme')).toBe(theme);
      const shot = (name: string) => page.screenshot({ path: join(out, `${name}-${theme}.png`) });

      const table = await cruddurTableOnData(page, served.server.url);
      await expect.poll(() => table.textContent()).toContain('ACTIVE');

      await page.getByRole('button', { name: 'Connections', exact: true }).click();
      await page.getByRole('listitem', { name: /^Embedded engine/ }).waitFor();
      await shot('data-connections');

      // Seed…: the plan, then the summary.
      await page.getByRole('button', { name: 'Data', exact: true }).click();
      await page.getByRole('button', { name: 'Seed…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Seed cruddur-messages' });
      await dialog.getByLabel('Conversation count').fill('10');
      await dialog.getByLabel('Message count', { exact: true }).fill('200');
      await dialog.getByLabel('Seed number').fill(String(100 + index));
      await expect.poll(() => dialog.textContent()).toContain('220 items planned');
      await shot('data-seed-dialog');
      await dialog.getByRole('button', { name: 'Seed', exact: true }).click();
      await dialog.getByText('Seed finished', { exact: true }).waitFor({ timeout: 60_000 });
      await shot('data-seed-summary');
      await dialog.getByRole('button', { name: 'Close' }).click();

      // An access pattern with values from the live rows, its results, and an item.
      await page.getByLabel('Access pattern', { exact: true }).selectOption('list-messages');
      await expect
        .poll(() => page.getByLabel(/^message_group_uuid/).inputValue(), { timeout: 15_000 })
        .toMatch(/^[0-9a-f-]{36}$/);
      await page.getByRole('button', { name: 'Run', exact: true }).click();
      const grid = page.getByRole('grid', { name: 'Results' });
      await grid.getByRole('columnheader', { name: 'message', exact: true }).waitFor();
      await expect.poll(() => page.locator('section.results').getAttribute('data-status')).not.toBe('running');
      await shot('data-results');
      await grid.locator('tbody tr').first().click();
      await page.getByRole('complementary', { name: 'Item' }).waitFor();
      await shot('data-item-panel');
      await page.getByRole('button', { name: 'Close item' }).click();

      // An ad hoc Query with a sort-key condition and a filter.
      await page.getByRole('tab', { name: 'Query' }).click();
      await page.getByRole('button', { name: 'Add filter' }).click();
      await page.getByLabel('Filter 1 attribute').fill('message');
      await page.getByLabel('Filter 1 condition').selectOption('contains');
      await page.getByLabel('Filter 1 value').fill('a');
      await shot('data-operations');
      await page.getByRole('button', { name: 'Remove filter 1' }).click();
      expect(errors).toEqual([]);
    }, 180_000);
  }
});
