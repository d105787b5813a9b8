// Validation + pattern resolution + preview of a generated model of 200 entities, 1,000 patterns and
// 10,000 sample items: once cold (a file just opened) and again after each keystroke. Target: under 50 ms on a
// 2-core machine.
// Run: npm run build:node && node --expose-gc bench/model-pipeline.mjs [--runs N]
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { largeModel } from './large-model.mjs';

const dist = new URL('../dist/shared/', import.meta.url);
const { validate } = await import(new URL('rules/validate.js', dist).href);
const { resolveAll } = await import(new URL('patterns/resolve.js', dist).href);
const { previewPattern } = await import(new URL('preview/index.js', dist).href);
const { ModelSchema } = await import(new URL('model/schema.js', dist).href);

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 15;
const baseModel = ModelSchema.parse(largeModel());
const table = baseModel.tables[0];
const entityCount = table.entities.length;
const itemCount = table.entities.reduce((n, e) => n + e.sampleItems.length, 0);
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

/**
 * cold: a model just loaded (a deep copy: no object is shared with an earlier run, so no cache helps).
 * keystroke: what an edit in the UI produces: a new model, table and entity object for the entity edited, every
 * other entity and sample item shared with the previous model (immutable update with structural sharing).
 * template keystroke: the same, typing into one entity's sort key template (`ITEM#{created}#{seq}` + one letter per
 * key), which breaks the key of every sample item of that entity: what bench/ui-large-model.mjs types in the page.
 */
let previous = baseModel;
function nextModel(mode, run) {
  if (mode === 'cold') return structuredClone(baseModel);
  const t = previous.tables[0];
  const k = mode === 'template keystroke' ? 7 : run % t.entities.length;
  const edit =
    mode === 'template keystroke'
      ? (e) => ({ ...e, keys: { ...e.keys, sk: `${e.keys.sk}${'abcdefghijklmnopqrstuvwxyz'[run % 26]}` } })
      : (e) => ({ ...e, description: `edited ${run}` });
  const entities = t.entities.map((e, i) => (i === k ? edit(e) : e));
  previous = { ...previous, tables: [{ ...t, entities }] };
  return previous;
}

function pipeline(mode, run) {
  const model = nextModel(mode, run);
  globalThis.gc?.(); // the copy's garbage is not the pipeline's cost
  const t0 = performance.now();
  const diagnostics = validate(model);
  const t1 = performance.now();
  const resolved = resolveAll(model);
  const t2 = performance.now();
  let previewed = 0;
  for (const pattern of table.accessPatterns) {
    if (pattern.kind !== 'query' && pattern.kind !== 'get' && pattern.kind !== 'scan') continue;
    previewPattern(model, pattern.name, paramsFor(pattern));
    previewed++;
  }
  const t3 = performance.now();
  const bySeverity = (s) => diagnostics.filter((d) => d.severity === s).length;
  return {
    validate: t1 - t0,
    resolve: t2 - t1,
    preview: t3 - t2,
    total: t3 - t0,
    errors: bySeverity('error'),
    warnings: bySeverity('warning'),
    resolved: resolved.length,
    previewed,
  };
}

if (!globalThis.gc) console.log('(run with node --expose-gc so that collecting the copies is not timed)');
console.log(
  `${new Date().toISOString()}, load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
console.log(`model: ${entityCount} entities, ${table.accessPatterns.length} patterns, ${itemCount} sample items`);
for (const mode of ['cold', 'keystroke', 'template keystroke']) {
  previous = baseModel;
  const results = [];
  for (let i = 0; i < runs + 3; i++) results.push(pipeline(mode, i));
  const measured = results.slice(3); // the first runs warm the JIT
  const median = (key) => measured.map((r) => r[key]).sort((a, b) => a - b)[Math.floor(measured.length / 2)];
  const last = measured.at(-1);
  console.log(`\n${mode}: median of ${runs} runs (after 3 warm-up runs), ms`);
  console.log(
    `  diagnostics: ${last.errors} errors, ${last.warnings} warnings; resolved: ${last.resolved}; previewed: ${last.previewed}`,
  );
  for (const key of ['validate', 'resolve', 'preview', 'total'])
    console.log(`  ${key.padEnd(9)} ${median(key).toFixed(1)}`);
  console.log(`  target: total < 50 ms -> ${median('total') < 50 ? 'met' : 'NOT met'}`);
}
