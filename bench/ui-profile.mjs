// CPU profile of the Model screen on the large model (headless Chromium, CDP Profiler): where the time of
// "open the file → usable" and of keystrokes in a key template goes. Prints the top functions by self time.
// Needs `npm run build:node && npm run build:ui`. Run: node bench/ui-profile.mjs [--write DIR] (writes .cpuprofile)
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium, serve } from '../scripts/served-ui.mjs';
import { serializeModel } from '../dist/shared/model/serialize-model.js';
import { largeModel } from './large-model.mjs';

const WRITE = process.argv.includes('--write') ? process.argv[process.argv.indexOf('--write') + 1] : undefined;

function summarize(profile, title) {
  const self = new Map();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const dt = profile.timeDeltas;
  const counts = new Map();
  profile.samples.forEach((id, i) => counts.set(id, (counts.get(id) ?? 0) + (dt[i] ?? 0)));
  let total = 0;
  for (const [id, t] of counts) {
    const n = byId.get(id);
    const f = n.callFrame;
    const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + t);
    total += t;
  }
  // inclusive time per function name
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const incl = new Map();
  for (const [id, t] of counts) {
    const seen = new Set();
    for (let p = id; p !== undefined; p = parent.get(p)) {
      const f = byId.get(p).callFrame;
      const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}`;
      if (seen.has(key)) continue;
      seen.add(key);
      incl.set(key, (incl.get(key) ?? 0) + t);
    }
  }
  console.log(`\n== ${title}: ${(total / 1000).toFixed(0)} ms sampled`);
  console.log('  self:');
  for (const [k, t] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25))
    console.log(`    ${(t / 1000).toFixed(1).padStart(8)} ms  ${k}`);
  console.log('  inclusive:');
  for (const [k, t] of [...incl].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TOP_INCL ?? 45)))
    console.log(`    ${(t / 1000).toFixed(1).padStart(8)} ms  ${k}`);
}

const root = await mkdtemp(join(tmpdir(), 'monotable-bench-ui-'));
const model = largeModel({ entities: 200, patternsPerEntity: 5, itemsPerEntity: 50 });
const file = join(root, 'large.monotable.json');
await writeFile(file, serializeModel(model));
const server = await serve(root, file);
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.setDefaultTimeout(60_000);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await page.goto(server.url);
  await page.waitForFunction(
    () => document.querySelector('.doc-name')?.textContent?.includes('bench') && document.querySelector('[role=tree]'),
    undefined,
    { polling: 'raf' },
  );
  console.log('usable at', await page.evaluate(() => performance.now()));
  for (const e of await page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((r) => ({ name: r.name.split('/').pop(), start: r.startTime, end: r.responseEnd, size: r.transferSize })),
  ))
    console.log(
      `  ${e.name.padEnd(40)} ${e.start.toFixed(0).padStart(6)} → ${e.end.toFixed(0).padStart(6)} ms  ${e.size} B`,
    );
  console.log(
    '  domContentLoaded',
    await page.evaluate(() => performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd),
  );
  let { profile } = await cdp.send('Profiler.stop');
  summarize(profile, 'open → usable');
  if (WRITE) await writeFile(join(WRITE, 'open.cpuprofile'), JSON.stringify(profile));
  await page.waitForTimeout(1500);
  await page.getByRole('treeitem', { name: 'Entity7', exact: true }).click();
  const template = page.getByRole('textbox', { name: /^sk key template/ });
  await template.click();
  await page.keyboard.press('End');
  await page.waitForTimeout(1000);
  await cdp.send('Profiler.start');
  for (const ch of 'abcdefghij') {
    await page.keyboard.type(ch);
    await page.waitForTimeout(200);
  }
  await page.waitForTimeout(800);
  ({ profile } = await cdp.send('Profiler.stop'));
  summarize(profile, '10 keystrokes in a key template');
  if (WRITE) await writeFile(join(WRITE, 'keys.cpuprofile'), JSON.stringify(profile));
} finally {
  await browser.close();
  await server.stop();
  await rm(root, { recursive: true, force: true });
}
