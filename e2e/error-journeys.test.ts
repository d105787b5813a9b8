import { mkdir, mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { serializeModel } from '../shared/model/serialize-model.js';
import { cruddurMessaging } from '../shared/templates/cruddur-messaging.js';
import { type BrowserHandle, describeInBrowser, launchBrowser } from './support/browser.js';
import { callFromPage } from './support/page-api.js';
import { type ServeHandle, startServe } from './support/serve.js';

describeInBrowser('error journeys in browser mode', () => {
  let folder: string;
  let root: string;
  let serve: ServeHandle;
  let browser: BrowserHandle;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    folder = await realpath(await mkdtemp(join(tmpdir(), 'monotable-e2e-')));
    root = join(folder, 'project');
    await mkdir(root);
    await writeFile(join(folder, 'outside.monotable.json'), serializeModel(cruddurMessaging));
    // A NoSQL Workbench export cut off mid-way: the kind of file a user tries to import.
    await writeFile(
      join(root, 'broken-workbench.json'),
      '{\n  "ModelName": "Shop",\n  "DataModel": [\n    {\n      "TableName": "shop",\n',
    );
    await writeFile(join(root, 'notes.json'), '{ "todo": ["design the keys"] }\n');
    serve = await startServe({ root });
    browser = await launchBrowser();
    browser.page.on('pageerror', (error) => pageErrors.push(error.message));
    browser.page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(message.text());
    });
  });
  afterAll(async () => {
    await browser?.close();
    await serve?.stop();
    await rm(folder, { recursive: true, force: true });
  });

  it('a request without the token gets 401 and a page saying to open the printed url', async () => {
    const response = await browser.page.goto(`${serve.origin}/`);
    expect(response?.status()).toBe(401);
    await expect(
      browser.page.getByRole('heading', { name: 'Open the url printed by monotable serve' }).isVisible(),
    ).resolves.toBe(true);
    // The api refuses the same browser without its cookie (the 401 page's own CSP blocks scripts from calling out).
    const api = await browser.context.request.post(`${serve.origin}/api/call`, {
      headers: { 'Content-Type': 'application/json' },
      data: { id: 'no-cookie', method: 'app.info', input: {} },
    });
    expect(api.status()).toBe(401);
    expect(await api.json()).toMatchObject({ ok: false, error: { code: 'ACCESS_DENIED' } });
    pageErrors.length = 0;
  });
  it('the printed url opens the UI, drops the token from the address bar and keeps the cookie out of scripts', async () => {
    const response = await browser.page.goto(serve.url);
    expect(response?.status()).toBe(200);
    expect(browser.page.url()).toBe(`${serve.origin}/`);
    await expect(browser.page.title()).resolves.toBe('Monotable');
    // The UI's script (a module with crossorigin, so the cookie must travel with it) ran under the CSP and rendered.
    await browser.page.waitForFunction("document.getElementById('root')?.childElementCount > 0", undefined, {
      timeout: 10_000,
    });
    const scriptCookies = await browser.page.evaluate(
      () => (globalThis as { document?: { cookie: string } }).document?.cookie,
    );
    expect(scriptCookies).toBe('');
    expect(await browser.context.cookies(serve.origin)).toMatchObject([
      { name: `monotable_${serve.port}`, httpOnly: true, sameSite: 'Strict', path: '/' },
    ]);
    const info = await callFromPage(browser.page, 'app.info', {});
    expect(info).toMatchObject({ ok: true, value: { mode: 'browser', root, confined: true } });
    // The event socket opens from the page: the browser sends the cookie and its Origin, the CSP allows ws://.
    const socket = await browser.page.evaluate(
      (origin) =>
        new Promise<string>((resolve) => {
          const ws = new WebSocket(`${origin.replace('http', 'ws')}/api/events`);
          ws.onopen = () => {
            ws.close();
            resolve('open');
          };
          ws.onerror = () => resolve('error');
        }),
      serve.origin,
    );
    expect(socket).toBe('open');
    expect(pageErrors.filter((e) => /Content Security Policy/i.test(e))).toEqual([]);
  });

  it('a file outside the root is refused through the api, naming the root', async () => {
    for (const path of ['../outside.monotable.json', join(folder, 'outside.monotable.json')]) {
      const opened = await callFromPage(browser.page, 'model.open', { path });
      expect(opened, path).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_PATH' } });
      if (!opened.ok) expect(opened.error.message).toContain(root);
    }
    const listed = await callFromPage(browser.page, 'file.list', { dir: '..' });
    expect(listed).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_PATH' } });
  });

  it('a broken import file gives a clear error: which file, line:column, what to do', async () => {
    const broken = await callFromPage(browser.page, 'model.open', { path: 'broken-workbench.json' });
    expect(broken).toMatchObject({
      ok: false,
      error: { code: 'PARSE_ERROR', details: { file: join(root, 'broken-workbench.json') } },
    });
    if (!broken.ok) expect(broken.error.details.path).toMatch(/^\d+:\d+$/);
    const notAModel = await callFromPage(browser.page, 'model.open', { path: 'notes.json' });
    expect(notAModel).toMatchObject({ ok: false, error: { code: 'UNSUPPORTED_FORMAT' } });
    if (!notAModel.ok) expect(notAModel.error.details.hint).toContain('Workbench');
  });
});
