// Seeding throughput into the embedded engine (dynalite in its own process, in memory), measured in one run:
//   (a) a naive loop of single PutItem calls, awaited one by one (what tutorial seed scripts do),
//   (b) a raw SDK BatchWriteItem loop of 25-item batches at concurrency 2, 4 and 8 (the engine's ceiling),
//       with the items generated beforehand (so it pays nothing for generation),
//   (c) Monotable's seeder (planSeed + writeSeed): generation, size/duplicate checks, batching, progress.
// Every measurement writes the same Cruddur items into a fresh table, which is dropped afterwards.
// Each line also prints the CPU time per item of this process (the client) and of the engine, and how many cores the
// engine kept busy: both share 2 cores, so the client's CPU per item is what (c) gives up against (b).
// Targets (issue 3 §7): c >= 5x a, c >= 90% of the best b.
// Run: npm run build:node && node bench/seed-throughput.mjs [--items N] [--naive N] [--rounds R]
import {
  BatchWriteItemCommand,
  DeleteTableCommand,
  DescribeTableCommand,
  PutItemCommand,
} from '@aws-sdk/client-dynamodb';
import { readFileSync } from 'node:fs';
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
const ROUNDS = arg('--rounds', 3);

const engine = await startEngine({ createTableMs: 5, deleteTableMs: 5 });
const client = createEndpointClient(engine.endpoint);
const connection = await openConnection({ kind: 'endpoint', url: engine.endpoint });
let tableNo = 0;

function modelFor(name) {
  const model = structuredClone(cruddurMessaging);
  model.tables[0].name = name;
  return model;
}
// 2% group rows (two per conversation, after its messages), 98% messages; one user per 25 conversations.
const conversations = Math.max(1, Math.round(ITEMS / 100));
const counts = {
  User: Math.max(2, Math.round(conversations / 25)),
  Conversation: conversations,
  Message: ITEMS - 2 * conversations,
};

async function freshTable() {
  const name = `bench-seed-${++tableNo}`;
  await createTable(client, modelFor(name).tables[0]);
  return name;
}
/** Drops the table and waits until the engine has finished deleting it, so the next measurement runs on an idle engine. */
async function drop(name) {
  await client.send(new DeleteTableCommand({ TableName: name }));
  for (;;) {
    try {
      await client.send(new DescribeTableCommand({ TableName: name }));
    } catch {
      break;
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  await new Promise((r) => setTimeout(r, 300));
}

/** CPU time (µs) the engine process has used so far, all its threads; undefined where /proc is missing. */
function engineCpu() {
  try {
    const fields = readFileSync(`/proc/${engine.pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * (1e6 / 100); // utime + stime, in clock ticks of 10 ms
  } catch {
    return undefined;
  }
}

/**
 * Items per second (wall clock), this process's CPU time per item (µs): the client side's own cost, and the engine's
 * CPU time per item and its cores in use (above 1: its GC and compiler threads took part of the second core).
 */
async function measure(items, work) {
  const engine0 = engineCpu();
  const cpu = process.cpuUsage();
  const t0 = performance.now();
  await work();
  const seconds = (performance.now() - t0) / 1000;
  const used = process.cpuUsage(cpu);
  const engineUsed = engine0 === undefined ? undefined : engineCpu() - engine0;
  return {
    rate: items / seconds,
    cpu: (used.user + used.system) / items,
    engineCpu: engineUsed / items,
    engineCores: engineUsed / (seconds * 1e6),
  };
}

async function naive(n) {
  const table = await freshTable();
  const items = [...planSeed(modelFor(table), { counts }).items()].slice(0, n).map((p) => p.item);
  const run = await measure(items.length, async () => {
    for (const item of items) await client.send(new PutItemCommand({ TableName: table, Item: item }));
  });
  await drop(table);
  return run;
}

async function rawBatch(concurrency) {
  const table = await freshTable();
  const items = [...planSeed(modelFor(table), { counts }).items()].map((p) => p.item);
  const batches = [];
  for (let i = 0; i < items.length; i += 25) batches.push(items.slice(i, i + 25));
  let next = 0;
  const run = await measure(items.length, () =>
    Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < batches.length) {
          let requests = batches[next++].map((Item) => ({ PutRequest: { Item } }));
          while (requests.length > 0) {
            const out = await client.send(new BatchWriteItemCommand({ RequestItems: { [table]: requests } }));
            requests = out.UnprocessedItems?.[table] ?? [];
          }
        }
      }),
    ),
  );
  await drop(table);
  return run;
}

async function seeder(concurrency) {
  const table = await freshTable();
  const plan = planSeed(modelFor(table), { counts });
  const run = await measure(plan.planned, async () => {
    const summary = await writeSeed(connection, plan, { concurrency, onProgress: () => {} });
    if (summary.written !== plan.planned) throw new Error(`seeder wrote ${summary.written} of ${plan.planned}`);
  });
  await drop(table);
  return run;
}

const fmt = (n) => Math.round(n).toLocaleString('en-US').padStart(8);
const best = (xs) => Math.max(...xs);
const median = (xs) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
console.log(
  `seed throughput: ${ITEMS.toLocaleString('en-US')} Cruddur items per batch run, ${NAIVE.toLocaleString('en-US')} for the PutItem loop, ${ROUNDS} rounds (order rotated); engine pid ${engine.pid} (separate process)`,
);
await rawBatch(4); // warm-up: JIT, sockets, engine
const variants = {
  '(a) naive PutItem loop          ': () => naive(NAIVE),
  '(b) raw BatchWriteItem, conc. 2 ': () => rawBatch(2),
  '(b) raw BatchWriteItem, conc. 4 ': () => rawBatch(4),
  '(b) raw BatchWriteItem, conc. 8 ': () => rawBatch(8),
  '(c) monotable seeder, conc. 4   ': () => seeder(4),
  '(c) monotable seeder, conc. 8   ': () => seeder(8), // the default
};
const names = Object.keys(variants);
const results = Object.fromEntries(names.map((n) => [n, []]));
for (let r = 0; r < ROUNDS; r++) {
  for (let i = 0; i < names.length; i++) {
    const name = names[(i + r) % names.length];
    results[name].push(await variants[name]());
  }
}
const rates = (name) => results[name].map((r) => r.rate);
for (const name of names) {
  const engineCpuText = Number.isFinite(results[name][0].engineCpu)
    ? `   engine CPU ${median(results[name].map((r) => r.engineCpu))
        .toFixed(0)
        .padStart(4)} µs/item on ${median(results[name].map((r) => r.engineCores)).toFixed(2)} cores`
    : '';
  console.log(
    `${name} best ${fmt(best(rates(name)))} items/s   median ${fmt(median(rates(name)))}   client CPU ${median(
      results[name].map((r) => r.cpu),
    )
      .toFixed(0)
      .padStart(4)} µs/item${engineCpuText}`,
  );
}
const a = best(rates(names[0]));
const b = Math.max(...names.filter((n) => n.startsWith('(b)')).map((n) => best(rates(n))));
const c = Math.max(...names.filter((n) => n.startsWith('(c)')).map((n) => best(rates(n))));
const c8 = best(rates(names[5]));
console.log(
  `c / a = ${(c / a).toFixed(1)}x (target >= 5x)    c / best b = ${((c / b) * 100).toFixed(0)}% (target >= 90%)    default concurrency 8: c8 / best b = ${((c8 / b) * 100).toFixed(0)}%`,
);
console.log(
  `machine load average at the end: ${(await import('node:os'))
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')} (2 cores here; other processes skew the figures)`,
);

client.destroy();
await connection.close();
await engine.stop();
