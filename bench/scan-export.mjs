// Streams a full Scan of N items to a JSON-lines file the way `monotable scan --all > file` does: through the api
// contract (operation.scan with stream: true, each page an event awaited by the use case) and the CLI's writer
// (exportPages: the next page only after the file stream drained) and samples this process's memory every 0.5 s, to show
// that memory stays flat however many items pass through.
// Run: npm run build:node && node bench/scan-export.mjs [--items N] [--data DIR] [--segments N]
//   --items N    items to seed and export (default 1,000,000)
//   --data DIR   keep the engine on disk in DIR (default: in memory; 1 M items need ~1 GB of RAM in the engine)
//   --segments N also export with a parallel Scan of N segments, after the single-segment export
// Measured 2026-11-26 on the 2-core build machine while other work ran (load average 6-11), in-memory engine:
//   1,000,000 items: export 18,108 items/s (140 pages, 253 MB); exporter RSS 111-174 MB, heap 15-67 MB
//   (heap at 10% / 50% / 100%: 46.5 / 42.3 / 61.1 MB). 200,000 items: 14,900-29,100 items/s, RSS 119-179 MB.
//   Memory is bounded by one ~1 MB page in flight, not by N.
//   Since issue 6 (2026-12-07, load 11.7-13.6, 100,000 items): the same speed as the direct export it replaced
//   (14,400-19,300 vs 14,800-17,600 items/s), heap flat in N but 33-180 MB against 10-61 MB: the dispatcher parses
//   each ~1 MB page event with zod (bench/README.md).
//   --segments 4 at 200,000 items: 15,225 items/s vs 15,684 with 1 (no gain: the one engine process is the
//   limit on 2 cores), RSS up to 212 MB (a page per segment in flight). Segments pay off on AWS, not here.
import { BatchWriteItemCommand, CreateTableCommand, DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';

const dist = new URL('../dist/electron/', import.meta.url);
const { startEngine } = await import(new URL('backend/engine/start-engine.js', dist).href);
const { openConnection } = await import(new URL('backend/connections/connection.js', dist).href);
const { createInProcessClient } = await import(new URL('backend/api/in-process-client.js', dist).href);
const { exportPages } = await import(new URL('cli/json-lines.js', dist).href);

const arg = (name) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
const total = Number(arg('--items') ?? 1_000_000);
const dataDir = arg('--data');
const segmentCount = Number(arg('--segments') ?? 1);
const TABLE = 'ScanBench';
const MODEL = {
  format: 'monotable/1',
  name: 'scan-bench',
  tables: [
    {
      name: TABLE,
      partitionKey: { name: 'pk', type: 'S' },
      sortKey: { name: 'sk', type: 'S' },
      billing: { mode: 'on-demand' },
      entities: [],
      accessPatterns: [],
    },
  ],
};
const api = createInProcessClient();
const mb = (bytes) => (bytes / 1048576).toFixed(1);

function item(i) {
  return {
    pk: { S: `USER#${String(i).padStart(8, '0')}` },
    sk: { S: 'PROFILE' },
    name: { S: `User number ${i}` },
    email: { S: `user${i}@example.com` },
    score: { N: String((i * 7919) % 100_000) },
    big: { N: '12345678901234567890123456789012345678' },
    tags: { SS: ['a', `t${i % 10}`] },
    created: { S: new Date(1_700_000_000_000 + i * 1000).toISOString() },
  };
}

async function seed(client) {
  const started = performance.now();
  let next = 0;
  async function worker() {
    for (;;) {
      const from = next;
      if (from >= total) return;
      next = Math.min(total, from + 25);
      let requests = [];
      for (let i = from; i < next; i++) requests.push({ PutRequest: { Item: item(i) } });
      while (requests.length > 0) {
        const out = await client.send(new BatchWriteItemCommand({ RequestItems: { [TABLE]: requests } }));
        requests = out.UnprocessedItems?.[TABLE] ?? [];
      }
    }
  }
  await Promise.all([worker(), worker(), worker(), worker()]);
  return (performance.now() - started) / 1000;
}

async function exportOnce(connectionId, segments, file) {
  global.gc?.();
  const samples = [];
  const sample = () => {
    const m = process.memoryUsage();
    samples.push({ rss: m.rss, heap: m.heapUsed });
  };
  sample();
  const timer = setInterval(sample, 500);
  const marks = new Map([
    [0.1, undefined],
    [0.5, undefined],
    [1, undefined],
  ]);
  const out = createWriteStream(file);
  const started = performance.now();
  const exported = await exportPages(
    out,
    'typed',
    async (onEvent) => {
      const input = { connectionId, model: MODEL, all: true, stream: true, ...(segments > 1 && { segments }) };
      const result = await api.call('operation.scan', input, { onEvent });
      if (!result.ok) throw new Error(result.error.message);
      return result.value.result;
    },
    ({ items }) => {
      for (const [share, seen] of marks)
        if (seen === undefined && items >= share * total)
          marks.set(share, { items, heap: process.memoryUsage().heapUsed, rss: process.memoryUsage().rss });
    },
  );
  const summary = { ...exported.result, items: exported.items };
  out.end();
  await finished(out);
  const seconds = (performance.now() - started) / 1000;
  clearInterval(timer);
  sample();
  const size = (await stat(file)).size;
  await rm(file);
  const rss = samples.map((s) => s.rss);
  const heap = samples.map((s) => s.heap);
  console.log(
    `exported ${summary.items.toLocaleString('en')} items with ${segments} segment(s) (${summary.pages} pages, ${mb(size)} MB of JSON lines) in ${seconds.toFixed(1)} s: ${Math.round(summary.items / seconds).toLocaleString('en')} items/s`,
  );
  console.log(
    `  exporter RSS over ${samples.length} samples (every 0.5 s): min ${mb(Math.min(...rss))} MB, max ${mb(Math.max(...rss))} MB; heap min ${mb(Math.min(...heap))} MB, max ${mb(Math.max(...heap))} MB`,
  );
  for (const [share, m] of marks)
    if (m)
      console.log(
        `  at ${share * 100}% (${m.items.toLocaleString('en')} items): heap ${mb(m.heap)} MB, RSS ${mb(m.rss)} MB`,
      );
  if (summary.items !== total) console.log(`  MISMATCH: exported ${summary.items}, seeded ${total}`);
}

const engine = await startEngine({ port: 0, createTableMs: 5, ...(dataDir && { dataDir }) });
const connection = await openConnection({ kind: 'endpoint', url: engine.endpoint });
const dir = await mkdtemp(join(tmpdir(), 'monotable-scan-export-'));
try {
  await connection.client.send(
    new CreateTableCommand({
      TableName: TABLE,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [
        { AttributeName: 'pk', AttributeType: 'S' },
        { AttributeName: 'sk', AttributeType: 'S' },
      ],
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
    }),
  );
  while ((await connection.client.send(new DescribeTableCommand({ TableName: TABLE }))).Table?.TableStatus !== 'ACTIVE')
    await new Promise((r) => setTimeout(r, 20));
  const seedSeconds = await seed(connection.client);
  console.log(
    `seeded ${total.toLocaleString('en')} items in ${seedSeconds.toFixed(1)} s (${Math.round(total / seedSeconds).toLocaleString('en')} items/s, raw BatchWriteItem x4, engine ${dataDir ? 'on disk' : 'in memory'})`,
  );

  const opened = await api.call('connection.open', { kind: 'endpoint', url: engine.endpoint });
  if (!opened.ok) throw new Error(opened.error.message);
  try {
    for (const segments of [...new Set([1, segmentCount])])
      await exportOnce(opened.value.connectionId, segments, join(dir, `export-${segments}.jsonl`));
  } finally {
    await api.call('connection.close', { connectionId: opened.value.connectionId });
  }
} finally {
  await connection.close();
  await engine.stop();
  await rm(dir, { recursive: true, force: true });
}
