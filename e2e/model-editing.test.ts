import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import type { Model } from '../shared/model/schema.js';
import { serializeModel } from '../shared/model/serialize-model.js';
import { cruddurMessaging } from '../shared/templates/cruddur-messaging.js';
import { describeInBrowser } from './support/browser.js';
import { browserWithServers } from './support/served-browser.js';
import { collectPageErrors, expectText, focusedPath } from './support/ui.js';

const MESSAGE = '$.tables[0].entities[1]';

describeInBrowser('editing a model in the browser', () => {
  const suite = browserWithServers('editing');

  it('a key template edit shows in the rendered key and the problems; a typo leads to its field; undo clears it', async () => {
    const root = join(suite.folder, 'template');
    await mkdir(root, { recursive: true });
    const server = await suite.serve({ root });
    const { page } = suite.browser;
    const errors = collectPageErrors(page);
    await page.goto(server.url);

    await page.getByRole('button', { name: 'Cruddur messaging', exact: true }).click();
    await page.getByRole('treeitem', { name: 'Message', exact: true }).click();
    const sk = page.getByLabel('sk key template');
    expect(await sk.inputValue()).toBe('{created_at}#{message_uuid}');
    await expectText(
      page,
      page.getByRole('status', { name: 'Rendered sk' }),
      '2026-10-14T09:30:02.000Z#0d6b1a3e-8f3c-4e4a-9a57-3b1f2c9d8e01',
    );

    // A new sort key layout: the rendered key follows at once, and the stored sample keys no longer fit it.
    await sk.fill('MSG#{created_at}#{message_uuid}');
    await expectText(
      page,
      page.getByRole('status', { name: 'Rendered sk' }),
      'MSG#2026-10-14T09:30:02.000Z#0d6b1a3e-8f3c-4e4a-9a57-3b1f2c9d8e01',
    );
    await page.getByRole('button', { name: '3 errors, 2 warnings' }).waitFor();
    await expectText(page, page.getByTestId('problems-count'), '3');
    await page.getByRole('button', { name: 'Problems', exact: true }).click();
    expect(await page.getByRole('button', { name: /sample-key-mismatch/ }).count()).toBe(3);

    // The offered fix rewrites the three stored keys from the template, in one undoable step.
    await page.getByRole('button', { name: 'Model', exact: true }).click();
    await page.getByRole('button', { name: 'Rewrite their sk from the template' }).click();
    await page.getByRole('button', { name: '0 errors, 2 warnings' }).waitFor();

    // A typo in a parameter: the problem names the template; activating it focuses the template field.
    const pk = page.getByLabel('pk key template');
    await pk.fill('MSG#{message_group_uid}');
    await expectText(page, page.getByRole('status', { name: 'Rendered pk' }), 'MSG#‹message_group_uid›');
    await page.getByRole('button', { name: 'Problems', exact: true }).click();
    const problem = page.getByRole('button', { name: /template-param-unknown/ });
    expect(await problem.textContent()).toContain('Did you mean "message_group_uuid"?');
    await problem.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedPath(page)).toBe(`${MESSAGE}.keys.pk`);
    expect(await page.getByLabel('pk key template').inputValue()).toBe('MSG#{message_group_uid}');

    // Undo (Ctrl+Z, with the focus still in the field) puts the template back and the problem goes away.
    await page.keyboard.press('Control+z');
    expect(await page.getByLabel('pk key template').inputValue()).toBe('MSG#{message_group_uuid}');
    await page.getByRole('button', { name: '0 errors, 2 warnings' }).waitFor();
    await page.keyboard.press('Control+Shift+z');
    expect(await page.getByLabel('pk key template').inputValue()).toBe('MSG#{message_group_uid}');
    await page.getByRole('button', { name: 'Undo' }).click();
    expect(await page.getByLabel('pk key template').inputValue()).toBe('MSG#{message_group_uuid}');
    expect(errors).toEqual([]);
  });

  it('edits survive a killed server: after the restart they are offered back, restored and saved as canonical bytes', async () => {
    const root = join(suite.folder, 'restart');
    const dataDir = join(suite.folder, 'restart-data');
    await mkdir(root, { recursive: true });
    await mkdir(dataDir, { recursive: true });
    const file = join(root, 'chat.monotable.json');
    await writeFile(file, serializeModel(cruddurMessaging));
    const first = await suite.serve({ root, file: 'chat.monotable.json', dataDir });
    const { page } = suite.browser;
    await page.goto(first.url);

    // The file given to `serve` opens; autosave to the file is switched off from the command palette.
    await page.getByRole('treeitem', { name: 'Message', exact: true }).click();
    await page.keyboard.press('Control+k');
    await page.getByRole('combobox', { name: 'Command' }).fill('autosave');
    await page.keyboard.press('Enter');
    const description = page.getByLabel('Description');
    await description.fill('Edited in the browser, then the server was killed.');
    await page.getByRole('status', { name: /Save state: Unsaved edits kept/ }).waitFor();

    await first.kill();
    expect(await readFile(file, 'utf8')).toBe(serializeModel(cruddurMessaging));

    const second = await suite.serve({ root, file: 'chat.monotable.json', dataDir });
    await page.goto(second.url);
    const dialog = page.getByRole('dialog', { name: 'Unsaved edits found' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Restore unsaved edits' }).click();
    await page.getByRole('treeitem', { name: 'Message', exact: true }).click();
    expect(await page.getByLabel('Description').inputValue()).toBe(
      'Edited in the browser, then the server was killed.',
    );

    await page.keyboard.press('Control+s');
    await page.getByRole('status', { name: /Save state: Saved/ }).waitFor();
    const expected: Model = structuredClone(cruddurMessaging);
    expected.tables[0]!.entities[1]!.description = 'Edited in the browser, then the server was killed.';
    expect(await readFile(file, 'utf8')).toBe(serializeModel(expected));

    // Saved edits leave no journal behind: a reload offers nothing.
    await page.reload();
    await page.getByRole('treeitem', { name: 'Message', exact: true }).waitFor();
    expect(await page.getByRole('dialog').count()).toBe(0);
  });
});
