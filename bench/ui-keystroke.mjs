// Keystroke latency of the Model screen in Chromium, on the real UI served by `monotable serve`:
// from the input event of a key template field to (a) the rendered key on screen and (b) the problems updated
// (the status bar's error count), for the Cruddur template and for the 200-entity large model.
// Needs the built CLI and UI (npm run build:node && npm run build:ui) and /usr/bin/chromium.
// Run: node bench/ui-keystroke.mjs [--keys 40]
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium } from '../scripts/served-ui.mjs';
import { serializeModel } from '../dist/shared/model/serialize-model.js';
import { largeModel } from './large-model.mjs';

const keys = Number(process.argv[process.argv.indexOf('--keys') + 1]) || 40;
const folder = await mkdtemp(join(tmpdir(), 'monotable-bench-ui-'));
await writeFile(join(folder, 'large.monotable.json'), serializeModel(largeModel()));
const server = spawn(
  process.execPath,
  [new URL('../bin/monotable.js', import.meta.url).pathname, 'serve', '--port', '0', '--root', folder],
  {
    env: { ...process.env, MONOTABLE_DATA_DIR: join(folder, 'data') },
    stdio: ['ignore', 'pipe', 'inherit'],
  },
);
const url = await new Promise((resolve, reject) => {
  let out = '';
  server.stdout.on('data', (chunk) => {
    out += chunk;
    const line = /^url: (\S+)$/m.exec(out);
    if (line) resolve(line[1]);
  });
  server.once('exit', (code) => reject(new Error(`serve exited with ${code}`)));
});
const browser = await launchChromium();

// In the page: for each input event, the time to the next paint after the rendered key changed, and after the
// status bar's problem summary changed.
const PROBE = `(() => {
  const out = document.querySelector('output[aria-label="Rendered sk"]');
  const status = document.querySelector('.statusbar button[aria-label*="errors"]');
  window.__lat = { key: [], problems: [] };
  let start = 0;
  document.addEventListener('input', () => { start = performance.now(); }, true);
  const after = (list) => () => { const t0 = start; requestAnimationFrame(() => list.push(performance.now() - t0)); };
  new MutationObserver(after(window.__lat.key)).observe(out, { childList: true, subtree: true, characterData: true });
  new MutationObserver(after(window.__lat.problems)).observe(status, { attributes: true, attributeFilter: ['aria-label'] });
})()`;

async function measure(label, open) {
  const page = await browser.newPage({ viewport: { width: 1360, height: 820 } });
  await page.goto(url);
  // Edits of the previous run are journaled; the recovery offer is declined here.
  const recovery = page.getByRole('button', { name: 'Discard' });
  await recovery.waitFor({ timeout: 1500 }).then(
    () => recovery.click(),
    () => undefined,
  );
  await open(page);
  const field = page.locator('input[data-path$=".keys.sk"]').first();
  await field.waitFor();
  await page.evaluate(PROBE);
  await field.click();
  await page.keyboard.press('End');
  for (let i = 0; i < keys; i++) {
    // Alternate a character that breaks the template and one that repairs it, so the problems change each time.
    await page.keyboard.type(i % 2 === 0 ? '{' : '}');
    await page.waitForTimeout(60);
    if (i % 2 === 1) {
      await page.keyboard.press('Backspace');
      await page.keyboard.press('Backspace');
      await page.waitForTimeout(60);
    }
  }
  await page.waitForTimeout(300);
  const lat = await page.evaluate('window.__lat');
  const stats = (xs) => {
    const s = [...xs].sort((a, b) => a - b);
    const q = (p) => s[Math.min(s.length - 1, Math.floor(p * s.length))]?.toFixed(1);
    return `median ${q(0.5)} ms, p90 ${q(0.9)} ms, p95 ${q(0.95)} ms (${s.length} samples)`;
  };
  console.log(`${label}: input → rendered key painted: ${stats(lat.key)}`);
  console.log(`${label}: input → problems updated and painted: ${stats(lat.problems)}`);
  await page.close();
}

try {
  await measure('Cruddur template (2 entities)', async (page) => {
    await page.getByRole('button', { name: 'Cruddur messaging', exact: true }).click();
    await page.getByRole('treeitem', { name: 'Message', exact: true }).click();
  });
  await measure('Large model (200 entities, 1,000 patterns, 10,000 sample items)', async (page) => {
    await page.getByRole('button', { name: 'large.monotable.json', exact: true }).click();
    await page.getByRole('treeitem', { name: 'Entity0', exact: true }).click();
  });
} finally {
  await browser.close();
  server.kill('SIGTERM');
  await rm(folder, { recursive: true, force: true });
}
