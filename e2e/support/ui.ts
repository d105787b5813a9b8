import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** The text of the element a locator finds, polled until it equals `expected` (the UI updates asynchronously). */
export async function expectText(page: Page, selector: ReturnType<Page['locator']>, expected: string | RegExp) {
  await expect
    .poll(async () => (await selector.textContent({ timeout: 5000 }))?.trim() ?? '', { timeout: 5000 })
    .toMatch(typeof expected === 'string' ? new RegExp(`^${escapeRegExp(expected)}$`) : expected);
  void page;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The `data-path` of the element that has the keyboard focus. */
export function focusedPath(page: Page): Promise<string | undefined> {
  // A string expression: this file compiles without DOM types.
  return page.evaluate<string | undefined>('document.activeElement?.dataset?.path');
}

/** Collects console errors and uncaught exceptions of a page, for a spec to assert there were none. */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  return errors;
}

/**
 * From the served UI's start page: the Cruddur template, the Data screen, and its table on the embedded engine
 * (Create tables, unless a previous test of the same server made it: the button is enabled for a moment before the
 * list of live tables arrives, so it is clicked only while the table is still not listed). Returns the table's button.
 */
export async function cruddurTableOnData(page: Page, url: string): Promise<ReturnType<Page['locator']>> {
  await page.goto(url);
  await page.getByRole('button', { name: 'Cruddur messaging', exact: true }).click();
  await page.getByRole('button', { name: 'Data', exact: true }).click();
  const create = page.getByRole('button', { name: 'Create tables' });
  const table = page.getByRole('button', { name: 'Table cruddur-messages', exact: true });
  await expect
    .poll(
      async () => {
        if ((await table.count()) > 0) return true;
        if (await create.isEnabled()) await create.click({ timeout: 2_000 }).catch(() => undefined);
        return (await table.count()) > 0;
      },
      { timeout: 60_000 },
    )
    .toBe(true);
  return table;
}

/** The "items returned" figure of the results banner. */
export async function bannerCount(page: Page): Promise<number> {
  const text = await page.locator('[data-figure="returned"]').textContent();
  return Number((text ?? '').replaceAll(',', ''));
}
