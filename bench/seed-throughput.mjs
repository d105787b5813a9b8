// Seeding throughput into the embedded engine (dynalite in its own process, in memory), measured in one run:
//   (a) a naive loop of single PutItem calls, awaited one by one (what tutorial seed scripts do),
//   (b) a raw SDK BatchWriteItem loop of 25-item batches at concurrency 2, 4 and 8 (the engine's ceiling),
//       with the items generated beforehand (so it pays nothing for generation),
//   (c) Monotable's seeder (planSeed + writeSeed): generation, size/duplicate checks, batching, progress.
// Every measurement writes the same Cruddur items into a fresh table, which is dropped afterwards.
// Targets (issue 3 §7): c >= 5x a, c >= 90% of the best b.
// Run: npm run build:node && node bench/seed-throughput.mjs [--items N] [--naive N] [--rounds R]
import { BatchWriteItemCommand, DeleteTableCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { performance } from 'node:perf_hooks';

const dist = new URL('../dist/', import.meta.url);
const { startEngine } = await import(new URL('electron/backend/engine/start-engine.js', dist).href);
const { openConnection } = await import(new URL('electron/backend/connections/connection.js', dist).href);
const { createEndpointClient } = await import(new URL('electron/backend/connections/local-client.js', dist).href);
const { planSeed } = await import(new URL('shared/seed/plan-seed.js', dist).href);
const { writeSeed } = await import(new URL('electron/backend/seed/write-seed.js', dist).href);
const { cruddurMessaging } = await import(new URL('shared/templates/cruddur-messaging.js', dist).href);
const { createTable } = await import('./seed-bench-table.mjs');

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const ITEMS = arg('--items', 20_000);
const NAIVE = arg('--naive', 3_000);
const ROUNDS = arg('--rounds', 2);

const engine = await startEngine({ createTableMs: 5, deleteTableMs: 5 });
const client = createEndpointClient(engine.endpoint);
const connection = await openConnection({ kind: 'endpoint', url: engine.endpoint });
let tableNo = 0;

function modelFor(name) {
  const model = structuredClone(cruddurMessaging);
  model.tables[0].name = name;
  return model;
}
const groups = Math.max(1, Math.round(ITEMS / 50));
const counts = { MessageGroup: groups, Message: ITEMS - groups };

async function freshTable() {
  const name = `bench-seed-${++tableNo}`;
  await createTable(client, modelFor(name).tables[0]);
  return name;
}
const drop = (name) => client.send(new DeleteTableCommand({ TableName: name }));

async function naive(n) {
  const table = await freshTable();
  const items = [...planSeed(modelFor(table), { counts }).items()].slice(0, n).map((p) => p.item);
  const t0 = performance.now();
  for (const item of items) await client.send(new PutItemCommand({ TableName: table, Item: item }));
  const seconds = (performance.now() - t0) / 1000;
  await drop(table);
  return items.length / seconds;
}

async function rawBatch(concurrency) {
  const table = await freshTable();
  const items = [...planSeed(modelFor(table), { counts }).items()].map((p) => p.item);
  const batches = [];
  for (let i = 0; i < items.length; i += 25) batches.push(items.slice(i, i + 25));
  let next = 0;
  const t0 = performance.now();
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < batches.length) {
      let requests = batches[next++].map((Item) => ({ PutRequest: { Item } }));
      while (requests.length > 0) {
        const out = await client.send(new BatchWriteItemCommand({ RequestItems: { [table]: requests } }));
        requests = out.UnprocessedItems?.[table] ?? [];
      }
    }
  }));
  const seconds = (performance.now() - t0) / 1000;
  await drop(table);
  return items.length / seconds;
}

async function seeder(concurrency) {
  const table = await freshTable();
  const plan = planSeed(modelFor(table), { counts });
  const t0 = performance.now();
  const summary = await writeSeed(connection, plan, { concurrency, onProgress: () => {} });
  const seconds = (performance.now() - t0) / 1000;
  if (summary.written !== plan.planned) throw new Error(`seeder wrote ${summary.written} of ${plan.planned}`);
  await drop(table);
  return plan.planned / seconds;
}

const fmt = (n) => Math.round(n).toLocaleString('en-US').padStart(8);
const best = (xs) => Math.max(...xs);
console.log(`seed throughput: ${ITEMS.toLocaleString('en-US')} Cruddur items per batch run, ${NAIVE.toLocaleString('en-US')} for the PutItem loop, best of ${ROUNDS} rounds; engine pid ${engine.pid} (separate process)`);
await rawBatch(4); // warm-up: JIT, sockets, engine
const results = { naive: [], b2: [], b4: [], b8: [], c4: [], c8: [] };
for (let r = 0; r < ROUNDS; r++) {
  results.naive.push(await naive(NAIVE));
  for (const c of [2, 4, 8]) results[`b${c}`].push(await rawBatch(c));
  for (const c of [4, 8]) results[`c${c}`].push(await seeder(c));
}
const a = best(results.naive);
const b = Math.max(best(results.b2), best(results.b4), best(results.b8));
const c = Math.max(best(results.c4), best(results.c8));
console.log(`(a) naive PutItem loop           ${fmt(a)} items/s`);
for (const k of [2, 4, 8]) console.log(`(b) raw BatchWriteItem, conc. ${k}  ${fmt(best(results[`b${k}`]))} items/s`);
console.log(`(c) monotable seeder, conc. 4    ${fmt(best(results.c4))} items/s   (default concurrency)`);
console.log(`(c) monotable seeder, conc. 8    ${fmt(best(results.c8))} items/s`);
console.log(`c / a = ${(c / a).toFixed(1)}x (target >= 5x)    c / best b = ${((c / b) * 100).toFixed(0)}% (target >= 90%)`);
console.log(`default concurrency: c4 / best b = ${((best(results.c4) / b) * 100).toFixed(0)}%`);

client.destroy();
await connection.close();
await engine.stop();
