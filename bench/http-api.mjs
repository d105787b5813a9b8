// The cost of browser mode's transport: one api call as a round trip over HTTP on 127.0.0.1 (fetch with the session
// cookie, as the page makes it) against the in-process client, for a tiny call (templates.list) and for the autosave
// path (journal.write of the large model: 200 entities, 1,000 patterns, 10,000 sample items).
// Run: npm run build:node && node bench/http-api.mjs [--runs N]
import { mkdtempSync, rmSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { largeModel } from './large-model.mjs';

const dist = new URL('../dist/', import.meta.url);
const { startServer } = await import(new URL('electron/server/start-server.js', dist).href);
const { createInProcessClient } = await import(new URL('electron/backend/api/in-process-client.js', dist).href);
const { ModelSchema } = await import(new URL('shared/model/schema.js', dist).href);

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 15;
const folder = mkdtempSync(join(tmpdir(), 'monotable-bench-http-'));
const root = join(folder, 'root');
mkdirSync(root);
const dataDir = join(folder, 'data');
const server = await startServer({ root, dataDir });
const exchange = await fetch(server.url, { redirect: 'manual' });
const cookie = exchange.headers.get('set-cookie').split(';')[0];
const local = createInProcessClient(undefined, { mode: 'desktop', root, confined: true, dataDir });

let next = 0;
async function overHttp(method, input) {
  const response = await fetch(`${server.origin}/api/call`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Cookie: cookie },
    body: JSON.stringify({ id: `b${next++}`, method, input }),
  });
  const envelope = await response.json();
  if (!envelope.ok) throw new Error(envelope.error.message);
}
async function inProcess(method, input) {
  const envelope = await local.call(method, input);
  if (!envelope.ok) throw new Error(envelope.error.message);
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}
async function measure(call, method, input, times) {
  await call(method, input); // warm up
  const samples = [];
  for (let i = 0; i < times; i++) {
    const t0 = performance.now();
    await call(method, input);
    samples.push(performance.now() - t0);
  }
  return median(samples);
}

const model = ModelSchema.parse(largeModel());
const path = join(root, 'large.monotable.json');
const body = JSON.stringify({ path, model }).length;
try {
  const smallHttp = await measure(overHttp, 'templates.list', {}, runs * 20);
  const smallLocal = await measure(inProcess, 'templates.list', {}, runs * 20);
  console.log(
    `templates.list: http ${smallHttp.toFixed(2)} ms, in-process ${smallLocal.toFixed(2)} ms (median of ${runs * 20})`,
  );
  const bigHttp = await measure(overHttp, 'journal.write', { path, model }, runs);
  const bigLocal = await measure(inProcess, 'journal.write', { path, model }, runs);
  console.log(
    `journal.write of the large model (${(body / 1048576).toFixed(1)} MB of JSON): http ${bigHttp.toFixed(0)} ms, in-process ${bigLocal.toFixed(0)} ms (median of ${runs})`,
  );
} finally {
  await server.close();
  rmSync(folder, { recursive: true, force: true });
}
