// The model checks of a generated model of 200 entities, 1,000 patterns and 10,000 sample items, in Node.
// - open: the pass that runs when the file is opened: validate + resolve every pattern + the Items screen's views
//   (the table and every index) + the preview of the first pattern, on a model just parsed from the file's JSON text
//   (fresh objects, as model.open hands them over: no cache helps). Issue 9's target: under 50 ms.
//   Printed twice: with the JIT warm (median of N passes after 3 warm-up passes, each on a fresh parse), and the
//   very first pass of a fresh process (the code still cold: what the first file opened in a session pays).
// - every pattern previewed: open + the preview of all 1,000 patterns (no screen does that; an upper bound).
// - keystroke / template keystroke: validate + resolve + preview of every pattern after an immutable edit of one entity
//   (its description; or one letter typed into its sort key template, which breaks its 50 keys).
// Run: npm run build:node && node bench/model-pipeline.mjs [--runs N]
import { execFileSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { largeModel } from './large-model.mjs';

const dist = new URL('../dist/shared/', import.meta.url);
const { validate } = await import(new URL('rules/validate.js', dist).href);
const { resolveAll } = await import(new URL('patterns/resolve.js', dist).href);
const { previewPattern } = await import(new URL('preview/index.js', dist).href);
const { viewData } = await import(new URL('preview/table-data.js', dist).href);
const { indexViews } = await import(new URL('model/indexes.js', dist).href);
const { ModelSchema } = await import(new URL('model/schema.js', dist).href);
const { serializeModel } = await import(new URL('model/serialize-model.js', dist).href);

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 15;
const baseModel = ModelSchema.parse(largeModel());
const fileText = serializeModel(baseModel);
const table = baseModel.tables[0];
const firstItem = new Map(table.entities.map((e) => [e.name, e.sampleItems[0]]));

function paramsFor(pattern) {
  const item = firstItem.get(pattern.entity);
  const params = {};
  for (const p of pattern.parameters) {
    const v = item[p.name];
    params[p.name] = v?.S ?? v?.N ?? '';
  }
  return params;
}

/** The model as opening the file gives it: fresh objects parsed from the file's JSON text. */
const parse = () => JSON.parse(fileText);

const previewable = (pattern) => pattern.kind === 'query' || pattern.kind === 'get' || pattern.kind === 'scan';

/** The pass on opening; returns its parts in ms. */
function openPass(model) {
  const t0 = performance.now();
  const diagnostics = validate(model);
  const t1 = performance.now();
  const resolved = resolveAll(model);
  const t2 = performance.now();
  const t = model.tables[0];
  for (const view of indexViews(t)) viewData(model, t.name, view.name);
  const first = t.accessPatterns.find(previewable);
  previewPattern(model, first.name, paramsFor(first));
  const t3 = performance.now();
  return { validate: t1 - t0, resolve: t2 - t1, views: t3 - t2, total: t3 - t0, diagnostics, resolved };
}

function previewEvery(model) {
  let previewed = 0;
  for (const pattern of model.tables[0].accessPatterns) {
    if (!previewable(pattern)) continue;
    previewPattern(model, pattern.name, paramsFor(pattern));
    previewed++;
  }
  return previewed;
}

if (process.argv.includes('--first-pass')) {
  // a fresh process: the first pass ever of this code
  const pass = openPass(parse());
  console.log(JSON.stringify({ validate: pass.validate, resolve: pass.resolve, views: pass.views, total: pass.total }));
  process.exit(0);
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const fmt = (n) => n.toFixed(1).padStart(6);

console.log(
  `${new Date().toISOString()}, load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
const itemCount = table.entities.reduce((n, e) => n + e.sampleItems.length, 0);
console.log(
  `model: ${table.entities.length} entities, ${table.accessPatterns.length} patterns, ${itemCount} sample items (${(fileText.length / 1e6).toFixed(1)} MB of JSON)`,
);

// open, JIT warm
const passes = [];
let last;
for (let i = 0; i < runs + 3; i++) {
  last = openPass(parse());
  if (i >= 3) passes.push(last);
}
const errors = last.diagnostics.filter((d) => d.severity === 'error').length;
const warnings = last.diagnostics.filter((d) => d.severity === 'warning').length;
console.log(
  `\nopen (validate + resolve + views + first preview of a freshly parsed model), median of ${runs} passes, ms`,
);
console.log(`  ${errors} errors, ${warnings} warnings; ${last.resolved.length} patterns resolved`);
for (const key of ['validate', 'resolve', 'views', 'total'])
  console.log(`  ${key.padEnd(9)}${fmt(median(passes.map((p) => p[key])))}`);
console.log(`  target: total < 50 ms -> ${median(passes.map((p) => p.total)) < 50 ? 'met' : 'NOT met'}`);

// open, first pass of a fresh process (5 processes)
const self = fileURLToPath(import.meta.url);
const firsts = [];
for (let i = 0; i < 5; i++)
  firsts.push(JSON.parse(execFileSync(process.execPath, [self, '--first-pass'], { encoding: 'utf8' }).trim()));
console.log('\nopen, the first pass of a fresh process (JIT cold), median of 5 processes, ms');
for (const key of ['validate', 'resolve', 'views', 'total'])
  console.log(`  ${key.padEnd(9)}${fmt(median(firsts.map((p) => p[key])))}`);
console.log(`  totals: ${firsts.map((p) => p.total.toFixed(1)).join(', ')}`);

// every pattern previewed
const every = [];
for (let i = 0; i < Math.min(runs, 8) + 2; i++) {
  const model = parse();
  const t0 = performance.now();
  openPass(model);
  const previewed = previewEvery(model);
  if (i >= 2) every.push({ total: performance.now() - t0, previewed });
}
console.log(
  `\nopen + preview of every pattern (${every[0].previewed} previews; no screen does this): median ${fmt(median(every.map((e) => e.total)))} ms`,
);

/**
 * keystroke: what an edit in the UI produces: a new model, table and entity object for the entity edited, every
 * other entity and sample item shared with the previous model (immutable update with structural sharing).
 */
for (const mode of ['keystroke', 'template keystroke']) {
  let previous = parse();
  openPass(previous);
  previewEvery(previous);
  const results = [];
  for (let run = 0; run < runs + 3; run++) {
    const t = previous.tables[0];
    const k = mode === 'template keystroke' ? 7 : run % t.entities.length;
    const edit =
      mode === 'template keystroke'
        ? (e) => ({ ...e, keys: { ...e.keys, sk: `${e.keys.sk}${'abcdefghijklmnopqrstuvwxyz'[run % 26]}` } })
        : (e) => ({ ...e, description: `edited ${run}` });
    const entities = t.entities.map((e, i) => (i === k ? edit(e) : e));
    const model = { ...previous, tables: [{ ...t, entities }] };
    previous = model;
    const t0 = performance.now();
    validate(model);
    const t1 = performance.now();
    resolveAll(model);
    const t2 = performance.now();
    previewEvery(model);
    const t3 = performance.now();
    if (run >= 3) results.push({ validate: t1 - t0, resolve: t2 - t1, preview: t3 - t2, total: t3 - t0 });
  }
  console.log(`\n${mode} (validate + resolve + preview of every pattern), median of ${runs}, ms`);
  for (const key of ['validate', 'resolve', 'preview', 'total'])
    console.log(`  ${key.padEnd(9)}${fmt(median(results.map((r) => r[key])))}`);
}
