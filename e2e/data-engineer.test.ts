import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { cruddurMessaging } from '../shared/templates/cruddur-messaging.js';
import { describeInBrowser } from './support/browser.js';
import { servedBrowser } from './support/served-browser.js';
import { bannerCount, collectPageErrors } from './support/ui.js';

const SHOTS = process.env.MONOTABLE_SCREENSHOTS;

async function shot(page: Page, name: string): Promise<void> {
  if (SHOTS) await page.screenshot({ path: join(SHOTS, `${name}.png`) });
}

describeInBrowser("the engineer's journey on the embedded engine", () => {
  const served = servedBrowser('engineer');

  it('create tables, seed 10,000 items, run every pattern, scan with a filter, export CSV, drop on production', async () => {
    const { page } = served.browser;
    await page.setViewportSize({ width: 1400, height: 900 });
    const errors = collectPageErrors(page);
    await page.goto(served.server.url);
    await page.getByRole('button', { name: 'Cruddur messaging', exact: true }).click();
    await page.getByRole('button', { name: 'Data', exact: true }).click();

    // Create tables: the embedded engine starts on first use; the table comes up ACTIVE and matches the model.
    const create = page.getByRole('button', { name: 'Create tables' });
    await expect.poll(() => create.isEnabled(), { timeout: 30_000 }).toBe(true);
    await create.click();
    const tableButton = page.getByRole('button', { name: 'Table cruddur-messages', exact: true });
    await tableButton.waitFor({ timeout: 30_000 });
    await expect.poll(() => tableButton.textContent()).toContain('ACTIVE');
    await page.getByText('matches the model').waitFor();

    // Seed 10,000 items: the plan is shown up front; the progress bar moves to the end; the summary adds up.
    await page.getByRole('button', { name: 'Seed…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Seed cruddur-messages' });
    await dialog.getByLabel('Conversation count').fill('100'); // two MessageGroup rows per conversation
    await dialog.getByLabel('Message count', { exact: true }).fill('9800');
    await expect.poll(() => dialog.textContent()).toContain('10,000 items planned');
    await shot(page, 'data-seed-dialog');
    await dialog.getByRole('button', { name: 'Seed', exact: true }).click();
    const bar = dialog.getByRole('progressbar');
    await bar.waitFor();
    expect(await bar.getAttribute('aria-valuemax')).toBe('10000');
    const seen = new Set<number>();
    await expect
      .poll(
        async () => {
          const now = Number(await bar.getAttribute('aria-valuenow'));
          if (now > 0 && now < 10_000 && !seen.has(-1)) {
            seen.add(-1);
            await shot(page, 'data-seed-progress');
          }
          seen.add(now);
          return now;
        },
        { timeout: 60_000, interval: 100 },
      )
      .toBe(10_000);
    expect([...seen].some((n) => n > 0 && n < 10_000)).toBe(true); // the bar moved through the middle
    await dialog.getByText('Seed finished').waitFor();
    const summary = await dialog.getByRole('status').textContent();
    expect(summary).toContain('Written10,000');
    expect(summary).toContain('Failed0');
    await shot(page, 'data-seed-summary');
    await dialog.getByRole('button', { name: 'Close' }).click();
    // The embedded engine never updates DescribeTable's ItemCount: Count scans (Select COUNT).
    const count = page.getByRole('button', { name: 'Count the items of cruddur-messages' });
    await expect
      .poll(
        async () => {
          await count.click();
          return tableButton.locator('..').textContent();
        },
        { interval: 1000, timeout: 30_000 },
      )
      .toContain('10,000 items');

    // Every pattern of the Cruddur model runs with values from the live rows.
    const select = page.getByLabel('Access pattern', { exact: true });
    for (const pattern of cruddurMessaging.tables[0]!.accessPatterns) {
      await select.selectOption(pattern.name);
      await page
        .getByText(/· \d+ live values/)
        .first()
        .waitFor(); // parameters come from the seeded rows
      await page.getByRole('button', { name: 'Run', exact: true }).click();
      await expect.poll(() => page.locator('.results-banner strong').textContent()).toBe(pattern.name);
      await expect.poll(() => page.locator('section.results').getAttribute('data-status')).not.toBe('running');
      expect(await page.getByRole('alert').allTextContents(), pattern.name).toEqual([]);
      if (pattern.kind === 'query') expect(await bannerCount(page), pattern.name).toBeGreaterThan(0);
    }

    // A Scan with a filter: only the group rows, out of every item scanned.
    await page.getByRole('tab', { name: 'Scan' }).click();
    await page.getByRole('button', { name: 'Add filter' }).click();
    await page.getByLabel('Filter 1 attribute').fill('pk');
    await page.getByLabel('Filter 1 condition').selectOption('begins_with');
    await page.getByLabel('Filter 1 value').fill('GRP#');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await expect
      .poll(() => page.locator('section.results').getAttribute('data-status'), { timeout: 30_000 })
      .not.toBe('running');
    await expect.poll(() => bannerCount(page), { timeout: 30_000 }).toBe(200);
    // 10,000 seeded items plus the one create-message wrote.
    expect(await page.locator('.results-banner').textContent()).toContain('10,001 items scanned');
    const entities = await page
      .getByRole('grid', { name: 'Results' })
      .locator('tbody tr td:nth-child(2)')
      .evaluateAll((cells) => [...new Set(cells.map((c) => c.textContent))]);
    expect(entities).toEqual(['MessageGroup']);
    await shot(page, 'data-scan-filter');

    // Export… every page as CSV; the file has the header and one line per row.
    await page.getByRole('button', { name: 'Export…' }).click();
    const exportDialog = page.getByRole('dialog', { name: 'Export all pages' });
    await exportDialog.getByLabel('CSV').check();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      exportDialog.getByRole('button', { name: 'Export', exact: true }).click(),
    ]);
    const csv = await readFile((await download.path())!, 'utf8');
    const lines = csv.trimEnd().split('\r\n');
    expect(lines).toHaveLength(201);
    expect(lines[0]!.split(',').slice(0, 3)).toEqual(['pk', 'sk', 'message_group_uuid']);
    expect(lines.slice(1).every((l) => l.startsWith('GRP#'))).toBe(true);
    await exportDialog.getByText('Saved 200 rows').waitFor();
    await exportDialog.getByRole('button', { name: 'Close' }).click();

    // Update the 200 selected group rows: a preview of before → after first, then the batches.
    const grid = page.getByRole('grid', { name: 'Results' });
    await grid.getByLabel('Select all rows').check();
    await page.getByRole('button', { name: 'Update selected…' }).click();
    const update = page.getByRole('dialog', { name: 'Update 200 selected items' });
    await update.getByLabel('Attribute', { exact: true }).fill('message');
    await update.getByLabel('New value').fill('Updated in bulk');
    expect(await update.getByRole('table', { name: 'Preview' }).textContent()).toContain('Updated in bulk');
    await shot(page, 'data-bulk-update');
    await update.getByRole('button', { name: 'Update 200 items' }).click();
    await update.getByText('200 of 200 done').waitFor({ timeout: 30_000 });
    await update.getByRole('button', { name: 'Close' }).click();
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await expect
      .poll(() => page.locator('section.results').getAttribute('data-status'), { timeout: 30_000 })
      .toBe('done');
    const messages = await grid.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.textContent ?? ''));
    expect(messages.every((m) => m.includes('Updated in bulk'))).toBe(true);

    // Delete all 10,000 rows: load them (10,000 rows per load), select all, delete in batches of 25.
    await page.getByRole('button', { name: 'Remove filter 1' }).click();
    await page.getByLabel('Rows per load').selectOption('10000');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await expect.poll(() => bannerCount(page), { timeout: 60_000 }).toBe(10_000);
    await page.getByRole('button', { name: 'Load all' }).click();
    await expect.poll(() => bannerCount(page), { timeout: 60_000 }).toBe(10_001);
    await grid.getByLabel('Select all rows').check();
    await page.getByRole('button', { name: 'Delete selected…' }).click();
    const bulkDelete = page.getByRole('dialog', { name: 'Delete 10,001 selected items' });
    await bulkDelete.getByRole('button', { name: 'Delete 10,001 items' }).click();
    await bulkDelete.getByText('10,001 of 10,001 done').waitFor({ timeout: 300_000 });
    await shot(page, 'data-bulk-delete');
    await bulkDelete.getByRole('button', { name: 'Close' }).click();
    expect(await bannerCount(page)).toBe(0);
    await expect
      .poll(
        async () => {
          await count.click();
          return tableButton.locator('..').textContent();
        },
        { interval: 1000, timeout: 30_000 },
      )
      .toMatch(/(^|\D)0 items/);

    // Mark the connection production: the status bar says so, and dropping the table asks for its name.
    await page.getByRole('button', { name: 'Connections', exact: true }).click();
    await page.getByLabel(/^Production \(destructive/).click();
    await page.getByRole('button', { name: /^Connection: Embedded engine .*production/ }).waitFor();
    await shot(page, 'connections');
    await page.getByRole('button', { name: 'Data', exact: true }).click();
    await page.getByRole('button', { name: 'Delete table cruddur-messages…' }).click();
    const guard = page.getByRole('dialog', { name: 'Delete table cruddur-messages?' });
    const confirm = guard.getByRole('button', { name: 'Delete table' });
    expect(await confirm.isDisabled()).toBe(true);
    await guard.getByLabel('Table name').fill('cruddur-message');
    expect(await confirm.isDisabled()).toBe(true);
    await guard.getByLabel('Table name').fill('cruddur-messages');
    await shot(page, 'data-drop-guard');
    await confirm.click();
    await expect.poll(() => tableButton.count(), { timeout: 30_000 }).toBe(0);
    expect(errors).toEqual([]);
  }, 600_000);
});
