import { mkdir, mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { serializeModel } from '../shared/model/serialize-model.js';
import { cruddurMessaging } from '../shared/templates/cruddur-messaging.js';
import { type BrowserHandle, describeInBrowser, launchBrowser } from './support/browser.js';
import { type ServeHandle, startServe } from './support/serve.js';
import { collectPageErrors } from './support/ui.js';

/**
 * Every design screen in both themes, rendered from the real server without a console error. The pictures go to a
 * temp folder, or to MONOTABLE_SCREENSHOTS (`npm run screenshots` writes docs/screenshots for the README).
 */
describeInBrowser('screenshots of the design screens', () => {
  let folder: string;
  let out: string;
  let server: ServeHandle;
  let browser: BrowserHandle;

  beforeAll(async () => {
    folder = await realpath(await mkdtemp(join(tmpdir(), 'monotable-e2e-shots-')));
    const root = join(folder, 'project');
    await mkdir(root);
    const model = structuredClone(cruddurMessaging);
    // One deliberate typo, so the Problems screen and the inline errors have something to show.
    model.tables[0]!.entities[1]!.keys.pk = 'MSG#{message_group_uid}';
    await writeFile(join(root, 'cruddur.monotable.json'), serializeModel(model));
    out = process.env.MONOTABLE_SCREENSHOTS ? resolve(process.env.MONOTABLE_SCREENSHOTS) : join(folder, 'shots');
    await mkdir(out, { recursive: true });
    server = await startServe({ root });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await rm(folder, { recursive: true, force: true });
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`Start, Model, Problems and the palette in the ${theme} theme`, async () => {
      const { page } = browser;
      const errors = collectPageErrors(page);
      await page.setViewportSize({ width: 1360, height: 820 });
      await page.emulateMedia({ colorScheme: theme });
      await page.goto(server.url);
      // String expressions: this file compiles without DOM types.
      await page.evaluate(`localStorage.setItem('monotable.theme', '${theme}')`);
      await page.reload();
      expect(await page.evaluate('document.documentElement.dataset.theme')).toBe(theme);
      const shot = (name: string) => page.screenshot({ path: join(out, `${name}-${theme}.png`) });

      await page.getByRole('button', { name: 'cruddur.monotable.json', exact: true }).waitFor();
      await shot('start');
      await page.getByRole('button', { name: 'cruddur.monotable.json', exact: true }).click();
      await page.getByRole('treeitem', { name: 'cruddur-messages', exact: true }).waitFor();
      await shot('model-table');
      await page.getByRole('treeitem', { name: 'Message', exact: true }).click();
      await page.getByLabel('pk key template').waitFor();
      await shot('model-entity');
      await page.getByRole('treeitem', { name: 'list-messages', exact: true }).click();
      await page.getByLabel('Pattern name').waitFor();
      await shot('model-pattern');
      await page.getByRole('button', { name: 'Problems', exact: true }).click();
      await page.getByRole('heading', { name: 'Problems' }).waitFor();
      await shot('problems');
      await page.keyboard.press('Control+k');
      await page.getByRole('combobox', { name: 'Command' }).fill('go');
      await shot('palette');
      await page.keyboard.press('Escape');
      expect(errors).toEqual([]);
    });
  }
});
