// The cost of the api boundary on the large model (200 entities, 1,000 patterns, 10,000 sample items):
// `model.validate` through the in-process client (structure check + zod input parse + handler + output check)
// against calling validate() directly, plus a JSON round trip as IPC/HTTP would add it.
// Run: npm run build:node && node bench/api-dispatch.mjs [--runs N]
import { performance } from 'node:perf_hooks';
import { largeModel } from './large-model.mjs';

const dist = new URL('../dist/', import.meta.url);
const { validate } = await import(new URL('shared/rules/validate.js', dist).href);
const { ModelSchema } = await import(new URL('shared/model/schema.js', dist).href);
const { createInProcessClient } = await import(new URL('electron/backend/api/in-process-client.js', dist).href);

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 15;
const model = ModelSchema.parse(largeModel());
const client = createInProcessClient();

async function once() {
  const t0 = performance.now();
  validate(model);
  const t1 = performance.now();
  const result = await client.call('model.validate', { model });
  if (!result.ok) throw new Error(result.error.message);
  const t2 = performance.now();
  const wire = JSON.parse(JSON.stringify({ model }));
  const t3 = performance.now();
  await client.call('model.validate', wire);
  const t4 = performance.now();
  return { direct: t1 - t0, api: t2 - t1, json: t3 - t2, 'api+json': t4 - t2 };
}

const results = [];
for (let i = 0; i < runs + 3; i++) results.push(await once());
const measured = results.slice(3);
const median = (key) => measured.map((r) => r[key]).sort((a, b) => a - b)[Math.floor(measured.length / 2)];
console.log(
  `model.validate on ${model.tables[0].entities.length} entities, ${model.tables[0].accessPatterns.length} patterns; median of ${runs} runs, ms:`,
);
for (const key of ['direct', 'api', 'json', 'api+json']) console.log(`  ${key.padEnd(9)} ${median(key).toFixed(1)}`);
console.log(`api overhead (api - direct): ${(median('api') - median('direct')).toFixed(1)} ms`);
