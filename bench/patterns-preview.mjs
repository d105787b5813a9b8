// Pattern resolution, preview and capacity over a generated model of 200 entities, 1,000 patterns and
// 10,000 sample items, on a FRESH copy of the model each run (as after an edit in the UI: the per-model
// caches of index views start empty). Prints medians; it is not a test.
// Run: npm run build:node && node --expose-gc bench/patterns-preview.mjs [--runs N]
import { performance } from 'node:perf_hooks';
import { largeModel } from './large-model.mjs';

const dist = new URL('../dist/shared/', import.meta.url);
const { resolveAll } = await import(new URL('patterns/resolve.js', dist).href);
const { previewPattern, indexItems } = await import(new URL('preview/index.js', dist).href);
const { patternCapacity, monthlyCost } = await import(new URL('capacity/index.js', dist).href);
const { ModelSchema } = await import(new URL('model/schema.js', dist).href);

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 15;
const base = ModelSchema.parse(largeModel());
const firstItem = new Map(base.tables[0].entities.map((e) => [e.name, e.sampleItems[0]]));
const paramsFor = (pattern) =>
  Object.fromEntries(
    pattern.parameters.map((p) => [
      p.name,
      firstItem.get(pattern.entity)[p.name]?.S ?? firstItem.get(pattern.entity)[p.name]?.N ?? '',
    ]),
  );

function run() {
  const model = structuredClone(base);
  const table = model.tables[0];
  globalThis.gc?.(); // with --expose-gc: the copy's garbage is not collected inside the timed part
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const resolved = resolveAll(model);
  const t1 = performance.now();
  let items = 0;
  for (const pattern of table.accessPatterns) items += previewPattern(model, pattern.name, paramsFor(pattern)).count;
  const t2 = performance.now();
  const cpu = process.cpuUsage(c0);
  for (const view of [undefined, 'gsi1', 'by-score']) indexItems(model, table.name, view);
  const t3 = performance.now();
  for (const r of resolved) patternCapacity(model, r);
  const cost = monthlyCost(model);
  const t4 = performance.now();
  return {
    resolve: t1 - t0,
    preview: t2 - t1,
    indexViews: t3 - t2,
    capacity: t4 - t3,
    total: t2 - t0,
    cpu: (cpu.user + cpu.system) / 1000,
    items,
    cost: cost.total,
  };
}

const results = [];
for (let i = 0; i < runs + 3; i++) results.push(run());
const measured = results.slice(3);
const median = (key) => measured.map((r) => r[key]).sort((a, b) => a - b)[Math.floor(measured.length / 2)];
console.log(
  `model: ${base.tables[0].entities.length} entities, ${base.tables[0].accessPatterns.length} patterns, ${base.tables[0].entities.reduce((n, e) => n + e.sampleItems.length, 0)} sample items (fresh copy per run)`,
);
console.log(`items returned by all previews: ${measured[0].items}`);
console.log(`median of ${runs} runs (after 3 warm-up runs), ms:`);
for (const key of ['resolve', 'preview', 'indexViews', 'capacity'])
  console.log(`  ${key.padEnd(10)} ${median(key).toFixed(1)}`);
console.log(
  `  resolve + preview of every pattern: ${median('total').toFixed(1)} ms wall, ${median('cpu').toFixed(1)} ms CPU (CPU time is steadier on a shared machine)`,
);
