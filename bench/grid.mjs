// The results grid in headless Chromium, beside dynamodb-admin (the tool people use today to look at local tables),
// on the same embedded engine and the same 50,000-item Cruddur table, in one run:
//   (a) click → 10,000 rows on screen: Monotable (Scan, 10,000 rows per load) vs dynamodb-admin (page size 10,000,
//       its largest page);
//   (b) "Load all" of a 100,000-item table: click → every row on screen;
//   (c) grid first paint after the rows arrived (performance marks rows-arrived → grid-painted);
//   (d) frame times while scrolling the 100,000 rows at 100 and at 600 px a frame (requestAnimationFrame deltas,
//       p50/p95/max; frames that showed rows not fetched yet);
//   (e) the page's JS heap with 100,000 rows loaded (CDP Performance.getMetrics, and after a forced GC);
//   (f) "Load all" of a 1,000,000-item table: click → every row on screen, and the JS heap during (sampled every
//       second) and after (the rows live in the backend's result set; the page holds windows of them).
//
// Needs: npm run build:node && npm run build:ui; Debian's chromium at /usr/bin/chromium. dynamodb-admin is never a
// dependency of Monotable: the script uses DDB_ADMIN_DIR (default /tmp/ddb-admin) and, when it is not installed
// there, runs `npm install --prefix /tmp/ddb-admin dynamodb-admin@5.3.3` first (the npm registry is the only download).
// Run: node bench/grid.mjs [--items 50000] [--all-items 100000] [--million-items 1000000 (0: skip)] [--skip-peer]
//      [--steps 100,600] [--profile FILE]
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { launchChromium } from '../scripts/served-ui.mjs';
import { createInProcessClient } from '../dist/electron/backend/api/in-process-client.js';
import { cruddurMessaging } from '../dist/shared/templates/cruddur-messaging.js';

const { values: args } = parseArgs({
  options: {
    items: { type: 'string', default: '50000' },
    'all-items': { type: 'string', default: '100000' },
    'million-items': { type: 'string', default: '1000000' },
    'skip-peer': { type: 'boolean', default: false },
    /** Scroll steps to measure, px a frame. */
    steps: { type: 'string', default: '100,600' },
    /** Write a Chromium CPU profile of the scrolling to this file and print the functions with the most self time. */
    profile: { type: 'string' },
  },
});
const ITEMS = Number(args.items);
const ALL_ITEMS = Number(args['all-items']);
const MILLION = Number(args['million-items']);
const REPO = new URL('..', import.meta.url).pathname;
const ADMIN_DIR = process.env.DDB_ADMIN_DIR ?? '/tmp/ddb-admin';
const ADMIN_VERSION = '5.3.3';

function adminBin() {
  const bin = join(ADMIN_DIR, 'node_modules', 'dynamodb-admin', 'dist', 'dynamodb-admin.js');
  if (existsSync(bin)) return bin;
  console.log(
    `dynamodb-admin not found in ${ADMIN_DIR}: npm install --prefix ${ADMIN_DIR} dynamodb-admin@${ADMIN_VERSION}`,
  );
  const install = spawnSync(
    'npm',
    ['install', '--prefix', ADMIN_DIR, '--no-audit', '--no-fund', `dynamodb-admin@${ADMIN_VERSION}`],
    {
      stdio: 'inherit',
    },
  );
  if (install.status !== 0 || !existsSync(bin)) throw new Error('Could not install dynamodb-admin for the comparison.');
  return bin;
}

async function call(api, method, input, options) {
  const out = await api.call(method, input, options);
  if (!out.ok) throw new Error(`${method}: ${out.error.message}`);
  return out.value;
}

/** Starts a child and resolves with the first stdout match of `pattern`. */
function startChild(command, argv, env, pattern) {
  const child = spawn(command, argv, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`${argv[0]} did not start: ${out}`)), 30_000);
    const onData = (chunk) => {
      out += chunk.toString();
      const m = pattern.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, match: m });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`${argv[0]} exited with ${code}: ${out}`)));
  });
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

const fmt = (ms) => `${Math.round(ms).toLocaleString('en-US')} ms`;

/** The functions with the most self time in a CPU profile (where the main thread's time went while scrolling). */
function printHotFunctions(profile) {
  const self = new Map();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const deltas = profile.timeDeltas ?? [];
  profile.samples.forEach((id, i) => {
    const node = byId.get(id);
    const f = node.callFrame;
    const name = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}`;
    self.set(name, (self.get(name) ?? 0) + (deltas[i] ?? 0) / 1000);
  });
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  console.log(`CPU profile of the scrolling: ${total.toFixed(0)} ms sampled; most self time:`);
  for (const [name, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25))
    console.log(`  ${ms.toFixed(1).padStart(8)} ms  ${name}`);
}

async function main() {
  const dataDir = await mkdtemp(join(tmpdir(), 'monotable-bench-grid-'));
  const root = join(dataDir, 'root');
  const children = [];
  const browser = await launchChromium();
  const api = createInProcessClient();
  try {
    // One engine for both tools: started here; the server's embedded connection finds it by its state file.
    const engine = await call(api, 'engine.start', { dataDir });
    const model = structuredClone(cruddurMessaging);
    const big = structuredClone(model.tables[0]);
    big.name = 'cruddur-100k';
    model.tables.push(big);
    const huge = structuredClone(model.tables[0]);
    huge.name = 'cruddur-1m';
    if (MILLION > 0) model.tables.push(huge);
    const { connectionId } = await call(api, 'connection.open', { kind: 'embedded', dataDir });
    await call(api, 'table.create', { connectionId, model, ifNotExists: true });
    const seedStart = Date.now();
    // A conversation has two MessageGroup rows (one per participant); the rest of the n items are messages.
    const messages = (n) => ({ Conversation: Math.round(n / 100), Message: n - 2 * Math.round(n / 100) });
    const s1 = await call(api, 'seed.run', { connectionId, model, table: 'cruddur-messages', counts: messages(ITEMS) });
    const s2 = await call(api, 'seed.run', { connectionId, model, table: 'cruddur-100k', counts: messages(ALL_ITEMS) });
    const s3 =
      MILLION > 0
        ? await call(api, 'seed.run', { connectionId, model, table: 'cruddur-1m', counts: messages(MILLION) })
        : { written: 0 };
    console.log(
      `setup: engine ${engine.endpoint}; seeded ${s1.written.toLocaleString('en-US')} + ${s2.written.toLocaleString('en-US')} + ${s3.written.toLocaleString('en-US')} items in ${fmt(Date.now() - seedStart)}`,
    );
    await call(api, 'connection.close', { connectionId });

    // dynamodb-admin on the same engine (dynalite ignores the access key; region as the embedded connection uses).
    const admin = await startChild(
      process.execPath,
      [adminBin(), '--port', '0', '--host', '127.0.0.1', '--dynamo-endpoint', engine.endpoint],
      { AWS_REGION: 'us-east-1', AWS_ACCESS_KEY_ID: 'local', AWS_SECRET_ACCESS_KEY: 'local' },
      /listening on\s+(http:\/\/\S+)/i,
    );
    children.push(admin.child);
    const adminUrl = admin.match[1].replace(/\/$/, '');

    // Monotable serve with a model holding both tables.
    const { mkdir } = await import('node:fs/promises');
    await mkdir(root, { recursive: true });
    const file = join(root, 'cruddur-bench.monotable.json');
    await writeFile(file, `${JSON.stringify(model, null, 2)}\n`);
    const serve = await startChild(
      process.execPath,
      [join(REPO, 'bin', 'monotable.js'), 'serve', '--port', '0', '--root', root, file],
      { MONOTABLE_DATA_DIR: dataDir },
      /^url: (\S+)$/m,
    );
    children.push(serve.child);

    // (a) dynamodb-admin: its largest page (10,000 rows), from the navigation to the rows in the DOM and painted.
    const adminTimes = [];
    for (let run = 0; run < (args['skip-peer'] ? 0 : 3); run++) {
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      const t0 = Date.now();
      await page.goto(`${adminUrl}/tables/cruddur-messages?pageSize=10000`, { timeout: 120_000 });
      await page.waitForFunction(() => document.querySelectorAll('#items-container tr').length >= 10_000, null, {
        timeout: 120_000,
        polling: 50,
      });
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
      adminTimes.push(Date.now() - t0);
      await page.close();
    }

    console.log(`dynamodb-admin, page size 10,000: ${adminTimes.map(fmt).join(', ')}`);

    // Monotable: the same table, Scan with 10,000 rows per load, from the click on Run to the rows painted.
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    await page.goto(serve.match[1]);
    // The model file opens after the first paint and shows the Model screen: go to Data once it is open.
    await page.getByText('cruddur-bench.monotable.json').first().waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Data', exact: true }).click();
    await page
      .getByRole('button', { name: 'Table cruddur-messages', exact: true })
      .click({ timeout: 60_000 })
      .catch(async (error) => {
        await page.screenshot({ path: join(tmpdir(), 'monotable-bench-grid-failure.png') });
        const text = await page.evaluate(() => (document.body.textContent ?? '').slice(0, 2000));
        throw new Error(`No table list (screenshot in ${tmpdir()}): ${text}\n${error.message}`);
      });
    await page.getByRole('tab', { name: 'Scan' }).click();
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await page.getByLabel('Rows per load').selectOption('10000');
    // Run is disabled while a read runs: start timing only once the first read is over.
    await page.waitForFunction(() => document.querySelector('section.results')?.dataset.status !== 'running');
    const clickToRows = async (buttonName, expected) => {
      const t0 = await page.evaluate((name) => {
        const button = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === name);
        const t = performance.now();
        button.click();
        return t;
      }, buttonName);
      await page
        .waitForFunction(
          (n) =>
            document.querySelector('section.results')?.dataset.status !== 'running' &&
            document.querySelector('[data-figure="returned"]')?.textContent?.replaceAll(',', '') === String(n),
          expected,
          { timeout: 300_000, polling: 20 },
        )
        .catch(async (error) => {
          await page.screenshot({ path: join(tmpdir(), 'monotable-bench-grid-failure.png') });
          const said = await page.evaluate(() => ({
            status: document.querySelector('section.results')?.dataset.status,
            returned: document.querySelector('[data-figure="returned"]')?.textContent,
            alerts: [...document.querySelectorAll('[role="alert"]')].map((a) => a.textContent),
          }));
          throw new Error(`${buttonName}: ${JSON.stringify(said)} (screenshot in ${tmpdir()}): ${error.message}`);
        });
      return page.evaluate(
        (since) =>
          new Promise((resolve) => {
            const check = () => {
              const arrived = performance
                .getEntriesByName('rows-arrived')
                .filter((m) => m.startTime > since)
                .at(-1);
              const painted = performance
                .getEntriesByName('grid-painted')
                .filter((m) => m.startTime > (arrived?.startTime ?? since))
                .at(-1);
              if (arrived && painted)
                resolve({ total: painted.startTime - since, firstPaint: painted.startTime - arrived.startTime });
              else setTimeout(check, 10);
            };
            check();
          }),
        t0,
      );
    };
    const monoTimes = [];
    for (let run = 0; run < 3; run++) monoTimes.push(await clickToRows('Run', 10_000));

    console.log(`Monotable, 10,000 rows per load: ${monoTimes.map((t) => fmt(t.total)).join(', ')}`);

    // (b) Load all of the 100,000-item table; (c) first paint after the last rows arrived.
    await page.getByRole('button', { name: 'Table cruddur-100k', exact: true }).click();
    await page.getByLabel('Rows per load').selectOption('1000');
    await page.getByRole('tab', { name: 'Scan' }).click();
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await page.waitForFunction(() => document.querySelector('section.results')?.dataset.status === 'more');
    const loadAll = await clickToRows('Load all', ALL_ITEMS);

    // (d) frame times while scrolling the 100,000 rows; (e) the heap.
    const profiler = args.profile ? await context.newCDPSession(page) : undefined;
    const traceEvents = [];
    if (profiler) {
      await profiler.send('Profiler.enable');
      await profiler.send('Profiler.setSamplingInterval', { interval: 200 });
      await profiler.send('Profiler.start');
      profiler.on('Tracing.dataCollected', ({ value }) => traceEvents.push(...value));
      await profiler.send('Tracing.start', {
        categories: 'devtools.timeline,disabled-by-default-devtools.timeline',
        transferMode: 'ReportEvents',
      });
    }
    // Scrolling as a user does it: `step` px a frame from the top for 4 s. 100 px a frame is a wheel turned briskly
    // (6,000 px/s, ~210 rows/s); 600 px a frame is a fling (36,000 px/s: more than the viewport every frame). Rows whose
    // window is not fetched yet show as placeholders: the fetch is not waited for, so a frame counts what the main
    // thread did (the answers arriving and their rows rendered included); `blank` counts the frames that showed a
    // placeholder row in view, so a grid that drops rows to keep up shows up there rather than in the frame times.
    const scrollRun = (step) =>
      page.evaluate(
        (step) =>
          new Promise((resolve) => {
            const grid = document.querySelector('.results-grid');
            grid.scrollTop = 0;
            const height = grid.clientHeight;
            const max = grid.scrollHeight - height;
            const rowHeight = 28;
            // Let the top's windows arrive and a few frames pass before measuring.
            setTimeout(() => {
              const deltas = [];
              let blank = 0;
              let pos = 0;
              let last = performance.now();
              const end = last + 4000;
              const tick = (now) => {
                deltas.push(now - last);
                last = now;
                // What the previous frame committed for `pos` (no layout forced: attributes only).
                const top = Math.floor(pos / rowHeight) + 2;
                const bottom = Math.ceil((pos + height) / rowHeight) + 1;
                for (const row of grid.querySelectorAll('tr[aria-busy="true"]')) {
                  const index = Number(row.getAttribute('aria-rowindex'));
                  if (index >= top && index <= bottom) {
                    blank++;
                    break;
                  }
                }
                pos = pos + step > max ? 0 : pos + step;
                grid.scrollTop = pos;
                if (now < end) requestAnimationFrame(tick);
                else resolve({ deltas: deltas.slice(1), blank });
              };
              requestAnimationFrame(tick);
            }, 500);
          }),
        step,
      );
    const scrolls = [];
    for (const step of args.steps.split(',').map(Number)) {
      const run = await scrollRun(step);
      scrolls.push({ step, ...run, sorted: [...run.deltas].sort((a, b) => a - b) });
    }
    if (profiler) {
      const { profile } = await profiler.send('Profiler.stop');
      const tracingDone = new Promise((resolve) => profiler.once('Tracing.tracingComplete', resolve));
      await profiler.send('Tracing.end');
      await tracingDone;
      await writeFile(args.profile, JSON.stringify(profile));
      printHotFunctions(profile);
      // Main-thread time by kind of work (complete events of the renderer's main thread), from the timeline trace.
      const byName = new Map();
      for (const e of traceEvents) {
        if (e.ph !== 'X' || !e.dur) continue;
        byName.set(e.name, (byName.get(e.name) ?? 0) + e.dur / 1000);
      }
      console.log('Timeline, total ms by event (nested events counted in their parents too):');
      for (const [name, ms] of [...byName].sort((a, b) => b[1] - a[1]).slice(0, 20))
        console.log(`  ${ms.toFixed(1).padStart(8)} ms  ${name}`);
    }
    // Main-thread CPU per frame: another run of each step under a timeline trace, the thread time (`tdur`) of the
    // renderer main thread's tasks between its first and last animation frame, divided by the frames. The frame times
    // above are wall-clock and move with the machine's load (other jobs take the cores); thread time moves much less.
    const cpuPerFrame = async (step) => {
      const session = await context.newCDPSession(page);
      const events = [];
      session.on('Tracing.dataCollected', ({ value }) => events.push(...value));
      await session.send('Tracing.start', {
        categories: 'toplevel,devtools.timeline,disabled-by-default-devtools.timeline',
        transferMode: 'ReportEvents',
      });
      await scrollRun(step);
      const done = new Promise((resolve) => session.once('Tracing.tracingComplete', resolve));
      await session.send('Tracing.end');
      await done;
      await session.detach();
      const animationFrames = new Map();
      for (const e of events) {
        if (e.name !== 'FireAnimationFrame') continue;
        const thread = `${e.pid}:${e.tid}`;
        const seen = animationFrames.get(thread) ?? { count: 0, from: e.ts, to: e.ts };
        animationFrames.set(thread, {
          count: seen.count + 1,
          from: Math.min(seen.from, e.ts),
          to: Math.max(seen.to, e.ts),
        });
      }
      const [main, span] = [...animationFrames].sort((a, b) => b[1].count - a[1].count)[0];
      let cpu = 0;
      let threadTimed = true;
      for (const e of events) {
        if (e.ph !== 'X' || e.name !== 'RunTask' || `${e.pid}:${e.tid}` !== main || e.ts < span.from || e.ts >= span.to)
          continue;
        if (e.tdur === undefined) threadTimed = false;
        cpu += (e.tdur ?? e.dur) / 1000;
      }
      return { step, perFrame: cpu / Math.max(1, span.count - 1), frames: span.count - 1, threadTimed };
    };
    const cpuRuns = [];
    for (const { step } of scrolls) cpuRuns.push(await cpuPerFrame(step));
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const metric = (all, name) => all.metrics.find((m) => m.name === name)?.value ?? 0;
    const before = await cdp.send('Performance.getMetrics');
    await cdp.send('HeapProfiler.collectGarbage');
    const after = await cdp.send('Performance.getMetrics');
    const rowsInDom = await page.evaluate(() => document.querySelectorAll('.results-grid tbody tr').length);

    // (f) Load all of the 1,000,000-item table, the JS heap sampled every second while it runs.
    let million;
    if (MILLION > 0) {
      await page.getByRole('button', { name: 'Table cruddur-1m', exact: true }).click();
      await page.getByRole('tab', { name: 'Scan' }).click();
      await page.getByRole('button', { name: 'Run', exact: true }).click();
      await page.waitForFunction(() => document.querySelector('section.results')?.dataset.status === 'more');
      const heapNow = async () => metric(await cdp.send('Performance.getMetrics'), 'JSHeapUsedSize') / 2 ** 20;
      const during = [];
      const sampler = setInterval(() => {
        heapNow().then(
          (mib) => during.push(mib),
          () => undefined,
        );
      }, 1000);
      const t = await clickToRows('Load all', MILLION).finally(() => clearInterval(sampler));
      await cdp.send('HeapProfiler.collectGarbage');
      million = { ...t, during, after: await heapNow() };
    }

    const adminBest = Math.min(...adminTimes);
    const monoBest = Math.min(...monoTimes.map((t) => t.total));
    console.log(
      `\nGrid benchmark, ${new Date().toISOString()}, load average ${(await import('node:os'))
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    );
    console.log(`(a) click → 10,000 rows on screen, table of ${ITEMS.toLocaleString('en-US')} items (3 runs each):`);
    console.log(`    dynamodb-admin ${ADMIN_VERSION} (page size 10,000): ${adminTimes.map(fmt).join(', ')}`);
    console.log(`    Monotable (Scan, 10,000 rows per load):   ${monoTimes.map((t) => fmt(t.total)).join(', ')}`);
    console.log(`    speed-up (best vs best): ${(adminBest / monoBest).toFixed(1)}x (target ≥ 10x)`);
    console.log(
      `(b) Load all, ${ALL_ITEMS.toLocaleString('en-US')}-item table, click → every row on screen: ${fmt(loadAll.total)} (target < 4 s)`,
    );
    console.log(
      `(c) grid first paint after the rows arrived: 10,000 rows ${monoTimes.map((t) => fmt(t.firstPaint)).join(', ')}; ${ALL_ITEMS.toLocaleString('en-US')} rows ${fmt(loadAll.firstPaint)} (target < 100 ms)`,
    );
    for (const { step, sorted, blank } of scrolls) {
      const slow = sorted.filter((d) => d > 17.5).length;
      console.log(
        `(d) frame times scrolling ${ALL_ITEMS.toLocaleString('en-US')} rows ${step} px a frame (${sorted.length} frames): p50 ${percentile(sorted, 50).toFixed(1)} ms, p95 ${percentile(sorted, 95).toFixed(1)} ms, max ${sorted.at(-1).toFixed(1)} ms (target p95 < 16.7 ms); frames over 17.5 ms ${slow}; frames with a placeholder row in view ${blank}; rows in the DOM: ${rowsInDom}`,
      );
    }
    for (const { step, perFrame, frames, threadTimed } of cpuRuns) {
      console.log(
        `    main-thread ${threadTimed ? 'CPU' : 'busy'} time per frame at ${step} px a frame: ${perFrame.toFixed(1)} ms (${frames} frames, a traced run)`,
      );
    }
    console.log(
      `(e) JS heap with ${ALL_ITEMS.toLocaleString('en-US')} rows: used ${(metric(before, 'JSHeapUsedSize') / 2 ** 20).toFixed(1)} MiB (total ${(metric(before, 'JSHeapTotalSize') / 2 ** 20).toFixed(1)} MiB); after GC ${(metric(after, 'JSHeapUsedSize') / 2 ** 20).toFixed(1)} MiB; DOM nodes ${metric(after, 'Nodes')}`,
    );
    if (million) {
      console.log(
        `(f) Load all, ${MILLION.toLocaleString('en-US')}-item table, click → every row on screen: ${fmt(million.total)}; JS heap while loading max ${Math.max(...million.during).toFixed(1)} MiB (${million.during.length} samples), after GC ${million.after.toFixed(1)} MiB`,
      );
    }
    await context.close();
  } finally {
    await browser.close();
    for (const child of children) child.kill('SIGTERM');
    await api.call('engine.stop', {});
    await rm(dataDir, { recursive: true, force: true });
  }
}

await main();
