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
