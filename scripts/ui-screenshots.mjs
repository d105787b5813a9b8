// Screenshots of the design screens (Diagram, Items, Patterns, Export, Learn) in light and dark, for the README and
// docs: `npm run build:node && npm run build:ui && node scripts/ui-screenshots.mjs [OUT_DIR]` (default docs/screenshots).
// Drives the real UI: `monotable serve` on a temp folder, Debian's Chromium, the Cruddur template.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium, serve } from './served-ui.mjs';

const REPO = join(import.meta.dirname, '..');
const OUT = process.argv[2] ?? join(REPO, 'docs', 'screenshots');

async function nav(page, name) {
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name, exact: true }).click();
}

async function main() {
  await mkdir(OUT, { recursive: true });
  const browser = await launchChromium();
  try {
    for (const theme of ['light', 'dark']) {
      // a server (and data folder) per theme: the second page must not be offered the first one's unsaved edits
      const root = await mkdtemp(join(tmpdir(), 'monotable-shots-'));
      const server = await serve(root);
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, colorScheme: theme });
      page.setDefaultTimeout(10_000);
      await page.goto(server.url);
      await page.getByRole('button', { name: /Cruddur messaging/ }).click();
      await nav(page, 'Diagram');
      const notNow = page.getByRole('button', { name: 'Not now' });
      if (await notNow.count()) await notNow.click();
      const shots = [
        ['diagram', async () => nav(page, 'Diagram')],
        [
          'items',
          async () => {
            await nav(page, 'Items');
          },
        ],
        [
          'items-gsi',
          async () => {
            await nav(page, 'Items');
            await page.getByRole('combobox', { name: 'View' }).selectOption({ label: 'GSI message-group-sk-index' });
          },
        ],
        [
          'patterns',
          async () => {
            await nav(page, 'Patterns');
            await page.getByRole('option', { name: 'list-messages', exact: true }).click();
          },
        ],
        ['export', async () => nav(page, 'Export')],
        ['learn', async () => nav(page, 'Learn')],
      ];
      for (const [name, go] of shots) {
        await go();
        await page.waitForTimeout(600);
        const file = join(OUT, `${name}-${theme}.png`);
        await page.screenshot({ path: file });
        console.log(file);
      }
      await page.close();
      await server.stop();
      await rm(root, { recursive: true, force: true });
    }
  } finally {
    await browser.close();
  }
}

await main();
