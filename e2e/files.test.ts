import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { parseModel } from '../shared/model/parse-model.js';
import { serializeModel } from '../shared/model/serialize-model.js';
import { cruddurMessaging } from '../shared/templates/cruddur-messaging.js';
import { describeInBrowser } from './support/browser.js';
import { browserWithServers } from './support/served-browser.js';
import { collectPageErrors } from './support/ui.js';

const WORKBENCH = join(
  import.meta.dirname,
  '..',
  'test',
  'fixtures',
  'nosql-workbench',
  'amazon-dynamodb-design-patterns',
  'DeviceStateLog_7.json',
);

describeInBrowser('files from the UI', () => {
  const suite = browserWithServers('files');

  it('imports a NoSQL Workbench file as an unsaved model and Save as writes it as a Monotable model', async () => {
    const root = join(suite.folder, 'import');
    await mkdir(root);
    await copyFile(WORKBENCH, join(root, 'DeviceStateLog_7.json'));
    const server = await suite.serve({ root });
    const { page } = suite.browser;
    const errors = collectPageErrors(page);
    await page.goto(server.url);
    await page
      .getByRole('region', { name: 'Open or import a file' })
      .getByRole('button', { name: 'DeviceStateLog_7.json', exact: true })
      .click();
    await page.getByRole('status').filter({ hasText: 'Imported a NoSQL Workbench model' }).waitFor();
    await page.getByRole('treeitem', { name: 'GSI1', exact: true }).waitFor();

    await page.keyboard.press('Control+s');
    const dialog = page.getByRole('dialog', { name: 'Save as' });
    expect(await dialog.getByLabel('File path').inputValue()).toBe(join(root, 'DeviceStateLog_7.monotable.json'));
    await dialog.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('status', { name: /Save state: Saved/ }).waitFor();
    const text = await readFile(join(root, 'DeviceStateLog_7.monotable.json'), 'utf8');
    const saved = parseModel(text);
    expect(saved.tables[0]!.name).toBe('DeviceStateLog');
    expect(text).toBe(serializeModel(saved));
    // The Workbench file itself is untouched.
    expect(await readFile(join(root, 'DeviceStateLog_7.json'), 'utf8')).toBe(await readFile(WORKBENCH, 'utf8'));

    // Save as onto an existing file asks before replacing it.
    await page.keyboard.press('Control+Shift+s');
    await dialog.getByLabel('File path').fill('DeviceStateLog_7.json');
    await dialog.getByRole('button', { name: 'Save', exact: true }).click();
    await dialog.getByRole('alert').filter({ hasText: 'A file already exists' }).waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(await readFile(join(root, 'DeviceStateLog_7.json'), 'utf8')).toBe(await readFile(WORKBENCH, 'utf8'));
    expect(errors).toEqual([]);
  });

  it('autosave never replaces a file changed on disk without asking', async () => {
    const root = join(suite.folder, 'conflict');
    await mkdir(root);
    const file = join(root, 'chat.monotable.json');
    await writeFile(file, serializeModel(cruddurMessaging));
    const server = await suite.serve({ root, file: 'chat.monotable.json' });
    const { page } = suite.browser;
    await page.goto(server.url);
    await page.getByRole('treeitem', { name: 'cruddur-messages', exact: true }).waitFor();

    // Another program changes the file; then an edit here is autosaved after a pause.
    const elsewhere = { ...structuredClone(cruddurMessaging), description: 'changed by another program' };
    await writeFile(file, serializeModel(elsewhere));
    await page.getByLabel('Table name').fill('cruddur-messages-2');
    const dialog = page.getByRole('dialog', { name: 'The file changed on disk' });
    await dialog.waitFor({ timeout: 10_000 });
    expect(parseModel(await readFile(file, 'utf8')).description).toBe('changed by another program');

    await dialog.getByRole('button', { name: 'Replace the file' }).click();
    await page.getByRole('status', { name: /Save state: Saved/ }).waitFor();
    const saved = parseModel(await readFile(file, 'utf8'));
    expect(saved.tables[0]!.name).toBe('cruddur-messages-2');
    expect(saved.description).toBe(cruddurMessaging.description);
  });

  it('a half-typed edit that is not a valid model yet is not written; the finished edit is', async () => {
    const root = join(suite.folder, 'incomplete');
    await mkdir(root);
    const file = join(root, 'chat.monotable.json');
    await writeFile(file, serializeModel(cruddurMessaging));
    const server = await suite.serve({ root, file: 'chat.monotable.json' });
    const { page } = suite.browser;
    await page.goto(server.url);
    const name = page.getByLabel('Table name');
    await name.fill('');
    await page
      .getByRole('status', { name: /Save state: Not saved while the model is incomplete \(\$\.tables\[0\]\.name: / })
      .waitFor({ timeout: 10_000 });
    expect(await readFile(file, 'utf8')).toBe(serializeModel(cruddurMessaging));
    await name.fill('chat');
    await page.getByRole('status', { name: /Save state: Saved/ }).waitFor({ timeout: 10_000 });
    expect(parseModel(await readFile(file, 'utf8')).tables[0]!.name).toBe('chat');
  });
});
