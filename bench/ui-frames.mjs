// Where the Model screen's time per key-template keystroke goes, from the page's Long Animation Frame entries
// (frames over 50 ms... and, with a 0 threshold below, every frame that ran script): script, style + layout, paint.
// Needs `npm run build:node && npm run build:ui`. Run: node bench/ui-frames.mjs [--keys N]
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium, serve } from '../scripts/served-ui.mjs';
import { serializeModel } from '../dist/shared/model/serialize-model.js';
import { largeModel } from './large-model.mjs';

const KEYS = Number(process.argv[process.argv.indexOf('--keys') + 1]) || 15;
const root = await mkdtemp(join(tmpdir(), 'monotable-bench-ui-'));
const file = join(root, 'large.monotable.json');
await writeFile(file, serializeModel(largeModel()));
const server = await serve(root, file);
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.setDefaultTimeout(60_000);
  await page.goto(server.url);
  await page.waitForFunction(() => document.querySelector('[role=tree]'), undefined, { polling: 'raf' });
  await page.waitForTimeout(1500);
  await page.getByRole('treeitem', { name: 'Entity7', exact: true }).click();
  const template = page.getByRole('textbox', { name: /^sk key template/ });
  await template.click();
  await page.keyboard.press('End');
  await page.waitForTimeout(1500);
  await page.evaluate(() => {
    window.__frames = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__frames.push(e.toJSON());
    }).observe({ type: 'long-animation-frame', buffered: false });
  });
  const t0 = await page.evaluate(() => performance.now());
  for (let i = 0; i < KEYS; i++) {
    await page.keyboard.type('abcdefghijklmnopqrstuvwxyz'[i % 26]);
    await page.waitForTimeout(250);
  }
  await page.waitForTimeout(2500);
  const frames = await page.evaluate(() => window.__frames);
  // a timeline trace of KEYS more keys at the same pace (no pause, so no journal): main-thread time by event
  await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
  for (let i = 0; i < KEYS; i++) {
    await page.keyboard.type('ABCDEFGHIJKLMNOPQRSTUVWXYZ'[i % 26]);
    await page.waitForTimeout(250);
  }
  const trace = JSON.parse((await browser.stopTracing()).toString());
  const main = trace.traceEvents.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const byName = new Map();
  for (const e of trace.traceEvents)
    if (e.ph === 'X' && main && e.pid === main.pid && e.tid === main.tid)
      byName.set(e.name, (byName.get(e.name) ?? 0) + e.dur / 1000);
  console.log(`main thread per key (top-level and nested events, ms):`);
  for (const [name, ms] of [...byName].sort((a, b) => b[1] - a[1]).slice(0, 18))
    console.log(`  ${(ms / KEYS).toFixed(2).padStart(7)}  ${name}`);
  const sum = { frames: frames.length, total: 0, script: 0, styleLayout: 0, render: 0 };
  const byInvoker = new Map();
  for (const f of frames) {
    const end = f.startTime + f.duration;
    sum.total += f.duration;
    sum.styleLayout += f.styleAndLayoutStart ? end - f.styleAndLayoutStart : 0;
    sum.render += f.renderStart ? end - f.renderStart : 0;
    for (const s of f.scripts) {
      sum.script += s.duration;
      const k = `${s.invokerType} ${s.invoker}`.slice(0, 90);
      byInvoker.set(k, (byInvoker.get(k) ?? 0) + s.duration);
    }
  }
  console.log(
    `${new Date().toISOString()}, load ${loadavg()[0].toFixed(2)}; ${KEYS} keys 250 ms apart, then 2.5 s idle`,
  );
  console.log(
    `long frames (>50 ms): ${sum.frames}, ${sum.total.toFixed(0)} ms; script ${sum.script.toFixed(0)} ms, render (rAF + style + layout + paint) ${sum.render.toFixed(0)} ms, of which style + layout ${sum.styleLayout.toFixed(0)} ms`,
  );
  for (const f of frames)
    console.log(
      `  frame ${f.duration.toFixed(0).padStart(4)} ms: script ${f.scripts.reduce((s, x) => s + x.duration, 0).toFixed(0)}, style+layout ${(f.styleAndLayoutStart ? f.startTime + f.duration - f.styleAndLayoutStart : 0).toFixed(0)}; at ${(f.startTime - t0).toFixed(0)} ms; ${f.scripts.map((s) => `${s.invoker} ${s.sourceFunctionName}@${s.sourceCharPosition} ${s.duration.toFixed(0)} (forced style+layout ${s.forcedStyleAndLayoutDuration.toFixed(0)})`).join(', ')}`,
    );
} finally {
  await browser.close();
  await server.stop();
  await rm(root, { recursive: true, force: true });
}
