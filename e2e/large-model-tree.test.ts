import { mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Model } from '../shared/model/schema.js';
import { serializeModel } from '../shared/model/serialize-model.js';
import { type BrowserHandle, describeInBrowser, launchBrowser } from './support/browser.js';
import { type ServeHandle, startServe } from './support/serve.js';
import { collectPageErrors } from './support/ui.js';

/** 150 entities with 5 patterns each: a tree of ~1,000 rows, of which the virtualized tree renders a window. */
function manyEntities(): Model {
  const entities = Array.from({ length: 150 }, (_, e) => ({
    name: `Entity${e}`,
    keys: { pk: `E${e}#{id}`, sk: 'ITEM' },
    attributes: [{ name: 'id', type: 'S' as const }],
  }));
  const accessPatterns = entities.flatMap((entity) =>
    [0, 1, 2, 3, 4].map((p) => ({
      name: `${entity.name.toLowerCase()}-get-${p}`,
      entity: entity.name,
      kind: 'get' as const,
      parameters: [{ name: 'id' }],
    })),
  );
  return {
    format: 'monotable/1',
    name: 'many',
    tables: [
      {
        name: 'many-table',
        partitionKey: { name: 'pk', type: 'S' },
        sortKey: { name: 'sk', type: 'S' },
        billing: { mode: 'on-demand' },
        entities,
        accessPatterns,
      },
    ],
  };
}

/** The focused element's accessible name and tree position. Written as a string so this file needs no DOM types. */
function focused(page: Page): Promise<{ name: string; level: string; setSize: string; position: string } | null> {
  return page.evaluate(`(() => {
    const el = document.activeElement;
    if (!el || el.getAttribute('role') !== 'treeitem') return null;
    return {
      name: el.getAttribute('aria-label'),
      level: el.getAttribute('aria-level'),
      setSize: el.getAttribute('aria-setsize'),
      position: el.getAttribute('aria-posinset'),
    };
  })()`);
}

describeInBrowser('the virtualized model tree', () => {
  let folder: string;
  let server: ServeHandle;
  let browser: BrowserHandle;

  beforeAll(async () => {
    folder = await realpath(await mkdtemp(join(tmpdir(), 'monotable-e2e-tree-')));
    await writeFile(join(folder, 'many.monotable.json'), serializeModel(manyEntities()));
    server = await startServe({ root: folder, file: join(folder, 'many.monotable.json') });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await rm(folder, { recursive: true, force: true });
  });

  it('renders a window of the rows and still walks all of them with the keyboard, positions intact', async () => {
    const { page } = browser;
    const errors = collectPageErrors(page);
    await page.goto(server.url);
    const tree = page.getByRole('tree', { name: 'Model' });
    await page.getByRole('treeitem', { name: 'many-table', exact: true }).waitFor();
    const rendered = await tree.getByRole('treeitem').count();
    expect(rendered).toBeGreaterThan(20);
    expect(rendered).toBeLessThan(200);

    await page.getByRole('treeitem', { name: 'many-table', exact: true }).focus();
    await page.keyboard.press('End');
    // the last pattern was not in the DOM: End scrolled it in and focused it
    await expect
      .poll(() => focused(page))
      .toEqual({ name: 'entity149-get-4', level: '4', setSize: '750', position: '750' });
    expect(await page.getByLabel('Pattern name').inputValue()).toBe('entity149-get-4');
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => focused(page).then((f) => f?.position)).toBe('749');
    await page.keyboard.press('Home');
    await expect.poll(() => focused(page).then((f) => f?.name)).toBe('many');
    // type-ahead reaches a row far below the window
    await page.keyboard.type('entity77-get-3');
    await expect.poll(() => focused(page).then((f) => f?.name)).toBe('entity77-get-3');

    // Tab leaves the tree and Shift+Tab comes back to the selected row, even after it was scrolled out of the DOM
    await tree.evaluate((el) => {
      el.scrollTop = 0;
    });
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    await expect.poll(() => focused(page).then((f) => f?.name)).toBe('entity77-get-3');
    expect(errors).toEqual([]);
  });
});
