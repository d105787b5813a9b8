import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, realpath, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestEngine, type TestEngine } from '../test/support/engine.js';
import { type BrowserHandle, describeInBrowser, launchBrowser } from './support/browser.js';
import { type ServeHandle, startServe } from './support/serve.js';

const AWS = '/usr/bin/aws';

function aws(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_PAGER: '',
  };
  delete env.AWS_PROFILE;
  delete env.AWS_SESSION_TOKEN;
  return new Promise((resolve) => {
    execFile(AWS, args, { env, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

/** Goes to a screen by its nav entry, as a person would. */
async function show(page: Page, screen: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: screen, exact: true }).click();
}

describeInBrowser('design views: Diagram, Items, Patterns, Export, Learn on the Cruddur model', () => {
  let root: string;
  let serve: ServeHandle;
  let browser: BrowserHandle;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    root = await realpath(await mkdtemp(join(tmpdir(), 'monotable-e2e-views-')));
    serve = await startServe({ root });
    browser = await launchBrowser();
    page = browser.page;
    page.setDefaultTimeout(10_000);
    await page.setViewportSize({ width: 1400, height: 900 });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(serve.url);
    await page.getByRole('button', { name: /Cruddur messaging/ }).click();
  });
  afterAll(async () => {
    await browser?.close();
    await serve?.stop();
    await rm(root, { recursive: true, force: true });
  });

  it('offers the Cruddur tour once, walks it to the access patterns, and remembers it was done', async () => {
    await show(page, 'Diagram');
    const offer = page.getByRole('complementary', { name: 'Tour offer' });
    await offer.getByRole('button', { name: 'Start the tour' }).click();
    const tour = page.getByRole('complementary', { name: 'Tour' });
    await expect.poll(() => tour.getByRole('heading', { name: 'One table, two keys' }).isVisible()).toBe(true);
    for (let step = 0; step < 4; step++) await tour.getByRole('button', { name: 'Next' }).click();
    await expect.poll(() => tour.getByRole('heading', { name: 'Access patterns' }).isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Patterns' }).isVisible()).toBe(true);
    await tour.getByRole('button', { name: 'Finish' }).click();
    await show(page, 'Diagram');
    await expect.poll(() => page.getByRole('complementary', { name: /Tour/ }).count()).toBe(0);
    expect(await page.evaluate<string | null>("localStorage.getItem('monotable.tour.cruddur.done')")).toBe('true');
  });

  it('draws the table, both entities and the GSI as named, focusable nodes; a click opens the form', async () => {
    await show(page, 'Diagram');
    for (const name of [
      'Table cruddur-messages',
      'Entity MessageGroup',
      'Entity Message',
      'GSI message-group-sk-index',
    ]) {
      await expect.poll(() => page.getByRole('button', { name, exact: true }).count()).toBe(1);
    }
    await expect.poll(() => page.getByText('MSG#{message_group_uuid}').first().isVisible()).toBe(true);
    // keyboard: a focused node opens its form with Enter
    await page.getByRole('button', { name: 'GSI message-group-sk-index', exact: true }).focus();
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getByRole('textbox', { name: 'Index name' }).inputValue())
      .toBe('message-group-sk-index');
    await show(page, 'Diagram');
    await page.getByRole('button', { name: 'Entity Message', exact: true }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Model' }).count()).toBeGreaterThan(0);
    await expect
      .poll(() => page.getByRole('textbox', { name: /^sk key template/ }).inputValue())
      .toBe('{created_at}#{message_uuid}');
  });

  it('Patterns: list-messages resolves to a Query, previews the messages newest first, and follows the parameter', async () => {
    await show(page, 'Patterns');
    await page.getByRole('option', { name: 'list-messages', exact: true }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'list-messages' }).isVisible()).toBe(true);
    const parameter = page.getByRole('textbox', { name: 'message_group_uuid' });
    await expect.poll(() => parameter.inputValue()).toBe('5ae290ed-55d1-47a0-bc6d-fe2bc2700399');
    const status = page.getByRole('status', { name: 'Preview result' });
    await expect.poll(() => status.textContent()).toMatch(/^3 items returned, 3 read/);
    const rows = page.getByRole('table', { name: 'Preview rows' }).getByRole('row');
    await expect.poll(() => rows.nth(1).textContent()).toContain('See you at the standup tomorrow!');
    await parameter.fill('no-such-group');
    await expect.poll(() => status.textContent()).toMatch(/^0 items returned/);
    await parameter.fill('5ae290ed-55d1-47a0-bc6d-fe2bc2700399');
    await expect.poll(() => status.textContent()).toMatch(/^3 items returned/);
    await page.getByRole('tab', { name: 'Request' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Copy request' }).isVisible()).toBe(true);
    const request = page.getByRole('region', { name: 'Query request' });
    await expect.poll(() => request.textContent()).toContain('"ScanIndexForward": false');
    await page.getByRole('tab', { name: 'TypeScript' }).click();
    await expect
      .poll(() => page.getByRole('region', { name: /TypeScript/ }).textContent())
      .toContain('export async function listMessages(');
    await page.getByRole('tab', { name: 'Python' }).click();
    await expect.poll(() => page.getByRole('region', { name: /Python/ }).textContent()).toContain('def list_messages(');
    await expect.poll(() => page.getByText('as of 2024-11-01').isVisible()).toBe(true);
  });

  it('changing the Message sort key template in Model changes the preview', async () => {
    await show(page, 'Model');
    await page.getByRole('treeitem', { name: 'Message', exact: true }).click();
    const template = page.getByRole('textbox', { name: /^sk key template/ });
    await template.fill('MSG#{created_at}');
    await show(page, 'Patterns');
    await page.getByRole('option', { name: 'list-messages', exact: true }).click();
    const firstRow = page.getByRole('table', { name: 'Preview rows' }).getByRole('row').nth(1);
    await expect.poll(() => firstRow.textContent()).toContain('MSG#2026-10-14T09:42:17.000Z');
    await expect.poll(() => page.getByRole('button', { name: 'Update stored sample keys' }).isVisible()).toBe(true);
    // back as it was (Undo in the title bar; it reveals the field it changed, on the Model screen)
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => template.inputValue()).toBe('{created_at}#{message_uuid}');
    await show(page, 'Patterns');
    await expect.poll(() => firstRow.textContent()).toContain('2026-10-14T09:42:17.000Z');
    await expect.poll(() => firstRow.textContent()).not.toContain('MSG#2026');
  });

  it('a pattern no index serves is a loud "needs a Scan" with the reason and the fix', async () => {
    await show(page, 'Patterns');
    await page.getByRole('option', { name: 'find-group-rows', exact: true }).click();
    await expect
      .poll(() => page.getByRole('heading', { name: /^Query on GSI message-group-sk-index/ }).count())
      .toBe(1);
    // let the resolver choose the index, then rename the GSI's partition key: nothing serves the lookup any more
    await show(page, 'Model');
    await page.getByRole('treeitem', { name: 'find-group-rows', exact: true }).click();
    await page.getByRole('combobox', { name: 'Index' }).selectOption({ label: 'Automatic' });
    await page.getByRole('treeitem', { name: 'message-group-sk-index', exact: true }).click();
    await page.getByRole('textbox', { name: 'Partition key name' }).fill('conversation_uuid');
    await show(page, 'Patterns');
    await page.getByRole('option', { name: 'find-group-rows', exact: true }).click();
    const scan = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: 'Needs a Scan' }) });
    await expect.poll(() => scan.textContent()).toContain('no index has partition key "message_group_uuid"');
    await expect.poll(() => scan.textContent()).toContain('Add a GSI with partition key "message_group_uuid"');
    await page.getByRole('button', { name: 'Undo' }).click();
    await page.getByRole('button', { name: 'Undo' }).click();
    // Undo reveals the fields it changed (the Model screen); the pattern is served by the GSI again.
    await show(page, 'Patterns');
    await page.getByRole('option', { name: 'find-group-rows', exact: true }).click();
    await expect
      .poll(() => page.getByRole('heading', { name: /^Query on GSI message-group-sk-index/ }).count())
      .toBe(1);
  });

  it('a GSI added in Model gets its own item view in Items, sparse where entities have no template', async () => {
    await show(page, 'Model');
    await page.getByRole('treeitem', { name: 'cruddur-messages', exact: true }).click();
    await page.getByRole('button', { name: 'Add GSI' }).click();
    await page.getByRole('treeitem', { name: 'Message', exact: true }).click();
    await page.getByRole('textbox', { name: /^gsi1pk key template/ }).fill('USER#{user_uuid}');
    await page.getByRole('textbox', { name: /^gsi1sk key template/ }).fill('{created_at}');
    await show(page, 'Items');
    await page.getByRole('combobox', { name: 'View' }).selectOption({ label: 'GSI gsi1' });
    await expect.poll(() => page.getByText('3 of 5 items in this index').isVisible()).toBe(true);
    const absent = page.getByRole('list', { name: 'Entities absent from this index' });
    await expect.poll(() => absent.textContent()).toContain('MessageGroup has no key template for "gsi1pk"');
    const table = page.getByRole('table', { name: 'Items of GSI gsi1' });
    await expect.poll(() => table.getByRole('rowheader').first().textContent()).toContain('USER#');
    await page.getByRole('combobox', { name: 'View' }).selectOption({ label: 'Table cruddur-messages' });
    await expect.poll(() => page.getByText('5 items').first().isVisible()).toBe(true);
  });

  it('editing a sample item keeps its types and refuses a silent type change', async () => {
    await show(page, 'Items');
    await page.getByRole('button', { name: /^Edit Message item MSG#5ae290ed.* 2026-10-14T09:30:02.000Z#/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit Message sample item' });
    const text = dialog.getByRole('textbox', { name: 'Item as DynamoDB JSON' });
    const item = JSON.parse(await text.inputValue()) as Record<string, unknown>;
    item['message'] = { S: 'Edited in the item editor' };
    item['created_at'] = { N: '12345678901234567890123456789012345678' };
    await text.fill(JSON.stringify(item, null, 2));
    await expect.poll(() => dialog.getByRole('alert').textContent()).toContain('created_at: S → N');
    await expect.poll(() => dialog.getByRole('button', { name: 'Save item' }).isDisabled()).toBe(true);
    item['created_at'] = { S: '2026-10-14T09:30:02.000Z' };
    await text.fill(JSON.stringify(item, null, 2));
    await dialog.getByRole('button', { name: 'Save item' }).click();
    await expect.poll(() => page.getByText('Edited in the item editor').isVisible()).toBe(true);
  });

  it('exports CreateTable JSON, saves it under the root, and awscli creates the table from it on the engine', async () => {
    await show(page, 'Export');
    const formats = page.getByRole('tablist', { name: 'Export formats' });
    await expect.poll(() => formats.getByRole('tab').first().textContent()).toBe('CreateTable JSON');
    await formats.getByRole('tab', { name: 'CreateTable JSON' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Copy CreateTable JSON' }).isVisible()).toBe(true);
    await page.getByRole('textbox', { name: 'File name' }).fill('cruddur.create-table.json');
    await page.getByRole('button', { name: 'Save CreateTable JSON' }).click();
    await expect.poll(() => page.getByText(/^Saved .*cruddur\.create-table\.json/).isVisible()).toBe(true);
    const saved = JSON.parse(await readFile(join(root, 'cruddur.create-table.json'), 'utf8')) as {
      TableName: string;
      GlobalSecondaryIndexes: { IndexName: string }[];
    };
    expect(saved.TableName).toBe('cruddur-messages');
    expect(saved.GlobalSecondaryIndexes.map((g) => g.IndexName).sort()).toEqual(['gsi1', 'message-group-sk-index']);
    // saving again does not overwrite without asking
    await page.getByRole('button', { name: 'Save CreateTable JSON' }).click();
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'already exists' }).isVisible()).toBe(true);

    if (!existsSync(AWS)) {
      console.warn(`${AWS} is missing (apt-get install awscli): the create-table check is skipped.`);
      return;
    }
    let engine: TestEngine | undefined;
    try {
      engine = await startTestEngine();
      const endpoint = ['--endpoint-url', engine.engine.endpoint, '--output', 'json'];
      const file = join(root, 'cruddur.create-table.json');
      const created = await aws(['dynamodb', 'create-table', '--cli-input-json', `file://${file}`, ...endpoint]);
      expect(created.stderr).toBe('');
      expect(created.code).toBe(0);
      const described = await aws(['dynamodb', 'describe-table', '--table-name', 'cruddur-messages', ...endpoint]);
      expect(described.code).toBe(0);
      const table = (
        JSON.parse(described.stdout) as {
          Table: { KeySchema: unknown[]; GlobalSecondaryIndexes: { IndexName: string }[] };
        }
      ).Table;
      expect(table.KeySchema).toEqual([
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ]);
      expect(table.GlobalSecondaryIndexes.map((g) => g.IndexName).sort()).toEqual(['gsi1', 'message-group-sk-index']);
    } finally {
      await engine?.stop();
    }
  });

  it('explains PK, SK and the other terms where they appear, and the Learn screen restarts the tour', async () => {
    await show(page, 'Learn');
    await page.getByRole('button', { name: 'What is Partition key (PK)?' }).first().click();
    await expect.poll(() => page.getByRole('dialog').textContent()).toContain('hashes');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Start the Cruddur tour' }).click();
    await expect.poll(() => page.getByRole('complementary', { name: 'Tour' }).isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Skip tour' }).click();
    expect(pageErrors).toEqual([]);
  });
});
