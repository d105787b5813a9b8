import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeInBrowser } from './support/browser.js';
import { servedBrowser } from './support/served-browser.js';
import { collectPageErrors } from './support/ui.js';

const SHOTS = process.env.MONOTABLE_SCREENSHOTS;

async function shot(page: Page, name: string): Promise<void> {
  if (SHOTS) await page.screenshot({ path: join(SHOTS, `${name}.png`) });
}

/** The texts of one column of the results grid, top to bottom (only the rows in the DOM: the grid is virtualized). */
async function columnTexts(page: Page, column: string): Promise<string[]> {
  const grid = page.getByRole('grid', { name: 'Results' });
  const headers = await grid
    .getByRole('columnheader')
    .evaluateAll((cells) => cells.map((c) => c.getAttribute('aria-label') ?? ''));
  const at = headers.indexOf(column);
  if (at < 0) throw new Error(`No column ${column} in ${headers.join(', ')}`);
  return grid
    .locator('tbody tr')
    .evaluateAll((rows, i) => rows.map((r) => r.children[i]?.querySelector('.cell-text')?.textContent ?? ''), at);
}

describeInBrowser("the learner's journey on local data", () => {
  const served = servedBrowser('learner');

  it('Cruddur → Try it on local data → a conversation newest first → edit a message → see it changed', async () => {
    const { page } = served.browser;
    await page.setViewportSize({ width: 1400, height: 900 });
    const errors = collectPageErrors(page);
    await page.goto(served.server.url);

    // 1: the template; 2: Learn; 3: Try it on local data (engine, table, seed, values from the rows), which moves to Data.
    await page.getByRole('button', { name: 'Cruddur messaging', exact: true }).click();
    await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Learn', exact: true }).click();
    await page.getByRole('heading', { name: 'Learn', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Try it on local data', exact: true }).click();
    await page.getByRole('button', { name: 'Table cruddur-messages', exact: true }).waitFor({ timeout: 60_000 });
    const tryButton = page.getByRole('button', { name: 'Try it on local data', exact: true });
    await expect.poll(() => tryButton.isDisabled()).toBe(true);
    await expect.poll(() => tryButton.isEnabled(), { timeout: 60_000 }).toBe(true);
    expect(await page.getByRole('alert').count()).toBe(0);
    const patternSelect = page.getByLabel('Access pattern', { exact: true });
    await expect.poll(() => page.getByRole('button', { name: /^Connection: Embedded engine/ }).count()).toBe(1);
    await page.getByRole('button', { name: 'Table cruddur-messages', exact: true }).waitFor();

    // 4: the conversation pattern; its parameter is filled from a seeded Message row (no uuid typed by hand).
    await patternSelect.selectOption('list-messages');
    const group = page.getByLabel(/^message_group_uuid/);
    await expect.poll(() => group.inputValue(), { timeout: 15_000 }).toMatch(/^[0-9a-f-]{36}$/);
    const groupId = await group.inputValue();
    expect(groupId).not.toBe('5ae290ed-55d1-47a0-bc6d-fe2bc2700399'); // the model's example is not a seeded row
    // 5: Run.
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    const grid = page.getByRole('grid', { name: 'Results' });
    await grid.waitFor();
    for (const name of ['pk', 'sk', 'message_group_uuid', 'message', 'created_at']) {
      await grid.getByRole('columnheader', { name, exact: true }).waitFor();
    }
    const sks = await columnTexts(page, 'sk');
    expect(sks.length).toBeGreaterThan(1);
    expect(sks.length).toBeLessThanOrEqual(20);
    expect([...sks].sort().reverse()).toEqual(sks); // newest first
    expect(new Set(await columnTexts(page, 'pk'))).toEqual(new Set([`MSG#${groupId}`]));
    expect(new Set(await columnTexts(page, 'Entity'))).toEqual(new Set(['Message']));
    await shot(page, 'data-learner-results');

    // 6: open the newest message; 7: Edit; 8: its text; 9: Save.
    await grid.locator('tbody tr').first().click();
    const panel = page.getByRole('complementary', { name: 'Item' });
    await panel.waitFor();
    await panel.getByRole('button', { name: 'Edit', exact: true }).click();
    await panel.getByLabel('message', { exact: true }).fill('Edited in Monotable');
    await shot(page, 'data-learner-edit');
    await panel.getByRole('button', { name: 'Save item' }).click();
    await panel.getByRole('button', { name: 'Edit', exact: true }).waitFor();
    expect(await panel.locator('pre').textContent()).toContain('"message": "Edited in Monotable"');

    // Read again from the engine: the change is stored, not only on screen.
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await expect.poll(async () => (await columnTexts(page, 'message'))[0]).toBe('Edited in Monotable');
    await shot(page, 'data-learner-changed');
    expect(errors).toEqual([]);
  }, 120_000);
});
