import { mkdir, mkdtemp, realpath, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type BrowserHandle, describeInBrowser, launchBrowser } from './support/browser.js';
import { type ServeHandle, startServe } from './support/serve.js';
import { collectPageErrors } from './support/ui.js';

/** The accessible name of the focused element as a screen reader would start from it (aria-label, then text). */
function focusedName(page: Page): Promise<string | undefined> {
  return page.evaluate<string | undefined>(
    "document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent?.trim()",
  );
}

/**
 * Form controls and buttons of the visible screen without an accessible name: no aria-label/labelledby, no <label>,
 * no text. Written as a string so this file compiles without DOM types.
 */
const UNNAMED_CONTROLS = `(() => {
  const named = (el) => {
    if (el.getAttribute('aria-label')?.trim()) return true;
    const by = el.getAttribute('aria-labelledby');
    if (by && by.split(' ').some((id) => document.getElementById(id)?.textContent?.trim())) return true;
    if (el.labels && [...el.labels].some((l) => l.textContent.trim())) return true;
    if ((el.tagName === 'BUTTON' || el.getAttribute('role') === 'treeitem') && el.textContent.trim()) return true;
    if (el.title?.trim()) return true;
    return false;
  };
  return [...document.querySelectorAll('main input, main select, main textarea, main button, [role=treeitem]')]
    .filter((el) => !named(el))
    .map((el) => el.outerHTML.slice(0, 160));
})()`;

describeInBrowser('keyboard and names', () => {
  let folder: string;
  let server: ServeHandle;
  let browser: BrowserHandle;

  beforeAll(async () => {
    folder = await realpath(await mkdtemp(join(tmpdir(), 'monotable-e2e-keys-')));
    await mkdir(join(folder, 'root'));
    server = await startServe({ root: join(folder, 'root') });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await rm(folder, { recursive: true, force: true });
  });

  it('the model tree is walked with the arrow keys, Home/End and type-ahead; every form control has a name', async () => {
    const { page } = browser;
    const errors = collectPageErrors(page);
    await page.goto(server.url);
    await page.getByRole('button', { name: 'Cruddur messaging', exact: true }).click();

    const table = page.getByRole('treeitem', { name: 'cruddur-messages', exact: true });
    await table.focus();
    expect(await table.getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('ArrowDown');
    expect(await focusedName(page)).toBe('Indexes');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    expect(await focusedName(page)).toBe('cruddur-messaging');
    await page.keyboard.press('End');
    expect(await focusedName(page)).toBe('update-message-group');
    await page.keyboard.press('Home');
    await page.keyboard.type('lis');
    expect(await focusedName(page)).toBe('list-message-groups');
    // The selection follows the focus: the pattern's form is shown.
    expect(await page.getByLabel('Pattern name').inputValue()).toBe('list-message-groups');

    // Entities open with ArrowRight onto their attributes; ArrowLeft goes back to the parent.
    await page.getByRole('treeitem', { name: 'Message', exact: true }).focus();
    await page.keyboard.press('ArrowRight');
    expect(await page.getByRole('treeitem', { name: 'Message', exact: true }).getAttribute('aria-expanded')).toBe(
      'true',
    );
    await page.keyboard.press('ArrowRight');
    expect(await focusedName(page)).toBe('message_group_uuid');
    expect(await page.getByLabel('Attribute name').inputValue()).toBe('message_group_uuid');
    await page.keyboard.press('ArrowLeft');
    expect(await focusedName(page)).toBe('Message');

    for (const name of [
      'cruddur-messaging',
      'cruddur-messages',
      'message-group-sk-index',
      'Message',
      'Conversation',
      'list-messages',
      'update-message-group',
      'create-message',
    ]) {
      await page.getByRole('treeitem', { name, exact: true }).click();
      expect(await page.evaluate<string[]>(UNNAMED_CONTROLS), `controls without a name on ${name}`).toEqual([]);
    }
    await page.getByRole('treeitem', { name: 'Message', exact: true }).click();
    await page.getByRole('treeitem', { name: 'created_at', exact: true }).click();
    expect(await page.evaluate<string[]>(UNNAMED_CONTROLS), 'controls without a name on created_at').toEqual([]);
    // A seed-only entity's attribute with a relationship generator.
    await page.getByRole('treeitem', { name: 'Conversation', exact: true }).click();
    await page.keyboard.press('ArrowRight');
    await page.getByRole('treeitem', { name: 'participants', exact: true }).click();
    expect(await page.getByLabel('Generator', { exact: true }).inputValue()).toBe('members');
    expect(await page.evaluate<string[]>(UNNAMED_CONTROLS), 'controls without a name on participants').toEqual([]);
    expect(errors).toEqual([]);
  });

  it('Alt+digit shortcuts switch screens, the palette runs commands, and the theme choice is kept', async () => {
    const { page } = browser;
    await page.goto(server.url);
    await page.getByRole('button', { name: 'Cruddur messaging', exact: true }).click();
    await page.keyboard.press('Alt+6');
    await page.getByRole('main', { name: 'Problems' }).waitFor();
    await page.keyboard.press('Alt+2');
    await page.getByRole('main', { name: 'Model' }).waitFor();
    expect(await page.evaluate<string[]>(UNNAMED_CONTROLS)).toEqual([]);

    await page.keyboard.press('Control+Shift+p');
    await page.getByRole('combobox', { name: 'Command' }).fill('Add entity');
    await page.keyboard.press('Enter');
    await page.getByRole('treeitem', { name: 'NewEntity', exact: true }).waitFor();
    expect(await page.getByLabel('Entity name').inputValue()).toBe('NewEntity');
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.getByRole('treeitem', { name: 'NewEntity', exact: true }).count()).toBe(0);

    // Undo from another screen brings the undone field back into view.
    await page.getByRole('treeitem', { name: 'cruddur-messages', exact: true }).click();
    await page.getByLabel('Table name').fill('renamed');
    await page.keyboard.press('Alt+6');
    await page.getByRole('main', { name: 'Problems' }).waitFor();
    await page.keyboard.press('Control+z');
    await page.getByRole('main', { name: 'Model' }).waitFor();
    await expect
      .poll(() => page.evaluate<string | undefined>('document.activeElement?.dataset?.path'))
      .toBe('$.tables[0].name');
    expect(await page.getByLabel('Table name').inputValue()).toBe('cruddur-messages');

    const before = await page.evaluate<string>('document.documentElement.dataset.theme');
    const other = before === 'dark' ? 'light' : 'dark';
    await page.getByRole('button', { name: `Switch to ${other} theme` }).click();
    expect(await page.evaluate<string>('document.documentElement.dataset.theme')).toBe(other);
    await page.reload();
    expect(await page.evaluate<string>('document.documentElement.dataset.theme')).toBe(other);
  });
});
