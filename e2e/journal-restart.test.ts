import { mkdir, mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Envelope } from '../shared/api/define.js';
import { serializeModel } from '../shared/model/serialize-model.js';
import { cruddurMessaging } from '../shared/templates/cruddur-messaging.js';
import { type BrowserHandle, describeInBrowser, launchBrowser } from './support/browser.js';
import { type ServeHandle, startServe } from './support/serve.js';

function callFromPage(page: Page, method: string, input: unknown): Promise<Envelope<unknown>> {
  return page.evaluate(
    async ([m, i]) => {
      const response = await fetch('/api/call', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ id: crypto.randomUUID(), method: m, input: i }),
      });
      return (await response.json()) as Envelope<unknown>;
    },
    [method, input] as const,
  );
}

describeInBrowser('a killed server loses no edits', () => {
  let folder: string;
  let root: string;
  let dataDir: string;
  const servers: ServeHandle[] = [];
  let browser: BrowserHandle;

  beforeAll(async () => {
    folder = await realpath(await mkdtemp(join(tmpdir(), 'monotable-e2e-journal-')));
    root = join(folder, 'project');
    dataDir = join(folder, 'data');
    await mkdir(root);
    await writeFile(join(root, 'chat.monotable.json'), serializeModel(cruddurMessaging));
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    for (const server of servers) await server.stop();
    await rm(folder, { recursive: true, force: true });
  });

  it('journals an edit, survives SIGKILL, and offers the edit back after a restart', async () => {
    const first = await startServe({ root, file: 'chat.monotable.json', dataDir });
    servers.push(first);
    await browser.page.goto(first.url);
    const info = await callFromPage(browser.page, 'app.info', {});
    expect(info).toMatchObject({ ok: true, value: { initialFile: join(root, 'chat.monotable.json') } });
    const opened = await callFromPage(browser.page, 'model.open', { path: 'chat.monotable.json' });
    if (!opened.ok) throw new Error(opened.error.message);
    const edited = { ...(opened.value as { model: object }).model, description: 'edited, not saved' };
    expect(
      await callFromPage(browser.page, 'journal.write', { path: 'chat.monotable.json', model: edited }),
    ).toMatchObject({ ok: true });

    await first.kill();
    const offline = await browser.page.evaluate(() =>
      fetch('/api/call').then(
        () => 'answered',
        () => 'unreachable',
      ),
    );
    expect(offline).toBe('unreachable');

    const second = await startServe({ root, file: 'chat.monotable.json', dataDir });
    servers.push(second);
    await browser.page.goto(second.url);
    const back = await callFromPage(browser.page, 'journal.read', { path: 'chat.monotable.json' });
    expect(back).toMatchObject({ ok: true, value: { journal: { model: { description: 'edited, not saved' } } } });
    expect(await callFromPage(browser.page, 'journal.clear', { path: 'chat.monotable.json' })).toMatchObject({
      ok: true,
      value: { cleared: true },
    });
  });
});
