// Validation + pattern resolution + preview of a generated model of 200 entities, 1,000 patterns and
// 10,000 sample items: what the UI re-runs on every keystroke. Target: under 50 ms on a 2-core machine.
// Run: npm run build:node && node bench/model-pipeline.mjs [--runs N]
import { performance } from 'node:perf_hooks';
import { largeModel } from './large-model.mjs';

const dist = new URL('../dist/shared/', import.meta.url);
const { validate } = await import(new URL('rules/validate.js', dist).href);
const { resolveAll } = await import(new URL('patterns/resolve.js', dist).href);
const { previewPattern } = await import(new URL('preview/index.js', dist).href);
const { ModelSchema } = await import(new URL('model/schema.js', dist).href);

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 15;
const model = ModelSchema.parse(largeModel());
const table = model.tables[0];
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

function pipeline() {
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
  return { validate: t1 - t0, resolve: t2 - t1, preview: t3 - t2, total: t3 - t0, diagnostics: diagnostics.length, resolved: resolved.length, previewed };
}

const results = [];
for (let i = 0; i < runs + 3; i++) results.push(pipeline());
const measured = results.slice(3); // first runs warm the JIT
const median = (key) => [...measured].map((r) => r[key]).sort((a, b) => a - b)[Math.floor(measured.length / 2)];
const last = measured.at(-1);
console.log(`model: ${entityCount} entities, ${table.accessPatterns.length} patterns, ${itemCount} sample items`);
console.log(`diagnostics: ${last.diagnostics}, resolved patterns: ${last.resolved}, previewed: ${last.previewed}`);
console.log(`median of ${runs} runs (after 3 warm-up runs), ms:`);
for (const key of ['validate', 'resolve', 'preview', 'total']) console.log(`  ${key.padEnd(9)} ${median(key).toFixed(1)}`);
console.log(`target: total < 50 ms -> ${median('total') < 50 ? 'met' : 'NOT met'}`);
