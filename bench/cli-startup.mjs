// Wall time of the built `monotable` command as CI runs it: process start + module loading (--version),
// validate of a template, and validate/patterns of the large model (200 entities, 1,000 patterns, 10,000 items).
// Run: npm run build:node && node bench/cli-startup.mjs [--runs N]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { largeModel } from './large-model.mjs';

const { serializeModel } = await import(new URL('../dist/shared/model/serialize-model.js', import.meta.url).href);
const bin = new URL('../bin/monotable.js', import.meta.url).pathname;
const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 5;
const dir = mkdtempSync(join(tmpdir(), 'monotable-bench-'));
writeFileSync(join(dir, 'big.monotable.json'), serializeModel(largeModel()));
execFileSync(process.execPath, [bin, 'new', '--template', 'cruddur-messaging', '-o', 'cruddur.monotable.json'], {
  cwd: dir,
  stdio: 'ignore',
});

function time(args) {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    try {
      execFileSync(process.execPath, [bin, ...args], { cwd: dir, stdio: 'ignore' });
    } catch (error) {
      if (error.status !== 1) throw error; // exit 1 = findings, still a measurement
    }
    samples.push(performance.now() - t0);
  }
  return samples.sort((a, b) => a - b)[Math.floor(samples.length / 2)];
}

console.log(`median wall time of ${runs} runs, ms:`);
for (const args of [
  ['--version'],
  ['validate', 'cruddur.monotable.json'],
  ['validate', 'big.monotable.json'],
  ['patterns', 'big.monotable.json', '--json'],
]) {
  console.log(`  monotable ${args.join(' ').padEnd(34)} ${time(args).toFixed(0)}`);
}
rmSync(dir, { recursive: true, force: true });
