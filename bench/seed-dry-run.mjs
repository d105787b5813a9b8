// A seed plan of N items generated and checked without writing (what `monotable seed --dry-run` does before
// printing), to show that planning streams: memory stays bounded however large the plan. Cruddur template:
// users, conversations (skewed per user), messages, and each conversation's two group rows after its messages
// (they carry the newest message): the aggregates are held for one conversation at a time.
// Prints items/s and the peak RSS and heap seen while generating (sampled every 10,000 items) and the process's
// maximum resident set size.
// Run: npm run build:node && node --expose-gc bench/seed-dry-run.mjs [--items 1000000]
import { performance } from 'node:perf_hooks';

const dist = new URL('../dist/', import.meta.url);
const { planSeed } = await import(new URL('shared/seed/plan-seed.js', dist).href);
const { cruddurMessaging } = await import(new URL('shared/templates/cruddur-messaging.js', dist).href);

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const ITEMS = arg('--items', 1_000_000);
// ~2% group rows (two per conversation), the rest messages; one user per 25 conversations.
const conversations = Math.max(1, Math.round(ITEMS / 100));
const counts = {
  User: Math.max(2, Math.round(conversations / 25)),
  Conversation: conversations,
  Message: ITEMS - 2 * conversations,
};
const mb = (bytes) => (bytes / 1048576).toFixed(1);

const plan = planSeed(cruddurMessaging, { seed: 42, counts });
let peakRss = 0;
let peakHeap = 0;
let n = 0;
let problems = 0;
let bytes = 0;
const t0 = performance.now();
for (const planned of plan.items()) {
  n++;
  bytes += planned.size;
  if (planned.problem) problems++;
  if (n % 10_000 === 0) {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  }
}
const seconds = (performance.now() - t0) / 1000;
console.log(
  `seed dry run: ${n.toLocaleString('en-US')} of ${plan.planned.toLocaleString('en-US')} planned Cruddur items (${counts.User} users, ${conversations.toLocaleString('en-US')} conversations), ${problems} with a problem, ${mb(bytes)} MB of items`,
);
console.log(
  `  ${Math.round(n / seconds).toLocaleString('en-US')} items/s; peak RSS ${mb(peakRss)} MB, peak heap ${mb(peakHeap)} MB (sampled every 10,000 items); max RSS ${mb(process.resourceUsage().maxRSS * 1024)} MB`,
);
