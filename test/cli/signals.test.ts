import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stateFilePath } from '../../electron/backend/engine/engine-state.js';
import { startEngine, type RunningEngine } from '../../electron/backend/engine/start-engine.js';
import { serializeModel } from '../../shared/model/serialize-model.js';
import { eventsModel } from '../support/events-model.js';
import { REPO, spawnCli, tempFolder } from '../support/run-cli.js';
import { alive, leftovers, runUntilSignal, type RunningOutput } from '../support/signal-cli.js';

/**
 * Ctrl-C (SIGINT) and SIGTERM stop every long command of the built CLI promptly (issue 7): the api call is cancelled
 * through its AbortSignal, the command says what it did and how to go on, exits 128 + the signal's number (130,
 * 143; `engine` and `serve`, which run until stopped, exit 0), and leaves no temp file and no child process (its
 * engine). Writes leave the engine consistent: what seed reports written is what a Scan counts, and a re-run
 * completes the table exactly.
 */
/** Each run of a verb that needs its own table: one per signal, and Ctrl-C to the process group. */
type RunId = 'SIGINT' | 'SIGTERM' | 'group';
const RUNS: RunId[] = ['SIGINT', 'SIGTERM', 'group'];
const ITEMS = 8_000; // in the table the reads read
const FRESH_ITEMS = 3_000; // planned by the seed that is interrupted
const folder = tempFolder();
const env = { MONOTABLE_DATA_DIR: join(folder.dir, 'engine') };
const MODEL_FILES = [
  'events.json',
  'seeded.json',
  'seed-SIGINT.json',
  'seed-SIGTERM.json',
  'seed-group.json',
  'drop-SIGINT.json',
  'drop-SIGTERM.json',
  'engine',
];
/** Slow control planes: a table takes 60 s to become ACTIVE on one, to be deleted on the other. */
let slowCreate: RunningEngine;
let slowDelete: RunningEngine;

const cli = (...args: string[]) => spawnCli(args, folder.dir);

beforeAll(async () => {
  if (!existsSync(join(REPO, 'dist', 'electron', 'cli', 'main.js')))
    throw new Error('Run `npm run build:node` before these tests.');
  writeFileSync(join(folder.dir, 'events.json'), serializeModel(eventsModel(FRESH_ITEMS, 'Fresh')));
  for (const run of RUNS)
    writeFileSync(join(folder.dir, `seed-${run}.json`), serializeModel(eventsModel(FRESH_ITEMS, `Seed${run}`)));
  writeFileSync(join(folder.dir, 'seeded.json'), serializeModel(eventsModel(ITEMS)));
  // The table the reads read: created and seeded through the CLI on the embedded engine of the folder.
  process.env.MONOTABLE_DATA_DIR = env.MONOTABLE_DATA_DIR;
  const created = await cli('create', 'seeded.json', '--embedded');
  expect(created.code, created.stderr).toBe(0);
  const seeded = await cli('seed', 'seeded.json', '--embedded');
  expect(seeded.code, seeded.stderr).toBe(0);
  for (const run of RUNS) {
    const fresh = await cli('create', `seed-${run}.json`, '--embedded'); // the tables the seed rows write
    expect(fresh.code, fresh.stderr).toBe(0);
  }
  slowCreate = await startEngine({ createTableMs: 60_000 });
  slowDelete = await startEngine({ createTableMs: 5, deleteTableMs: 60_000 });
  for (const signal of ['SIGINT', 'SIGTERM']) {
    writeFileSync(join(folder.dir, `drop-${signal}.json`), serializeModel(eventsModel(ITEMS, `Drop${signal}`)));
    const forDrop = await cli('create', `drop-${signal}.json`, '--endpoint', slowDelete.endpoint);
    expect(forDrop.code, forDrop.stderr).toBe(0);
  }
}, 120_000);

afterAll(async () => {
  await slowCreate?.stop();
  await slowDelete?.stop();
  delete process.env.MONOTABLE_DATA_DIR;
  folder.remove();
});

const firstOutput = (o: RunningOutput): boolean => o.stdoutBytes > 0;
const stderrHas =
  (pattern: RegExp) =>
  (o: RunningOutput): boolean =>
    pattern.test(o.stderr);

/** Items in the table of a model file, counted by a Scan through the CLI. */
async function countItems(model: string): Promise<number> {
  const scan = await cli('scan', model, '--embedded', '--all');
  expect(scan.code, scan.stderr).toBe(0);
  return scan.stdout.split('\n').filter(Boolean).length;
}

interface LongVerb {
  name: string;
  args: (run: RunId) => string[];
  started: (o: RunningOutput) => boolean;
  /** What the command says about what it did and how to go on. */
  says: RegExp;
  /** It runs its own engine process (`--embedded` with none running, or `engine`): that one must be gone too. */
  ownEngine?: boolean;
  /** The reader of stdout stops reading after the first bytes (a pager left open). */
  readerStops?: boolean;
  /** Exit code for SIGINT and SIGTERM: interrupted work is 128 + n; a verb that runs until stopped ends with 0. */
  runsUntilStopped?: boolean;
  /** Checks after the signal (consistency of what was written). */
  after?: (output: { stdout: string; stderr: string }, run: RunId) => Promise<void>;
}

const LONG_VERBS: LongVerb[] = [
  {
    name: 'seed (writing to the embedded engine)',
    ownEngine: true,
    args: (run) => ['seed', `seed-${run}.json`, '--embedded', '--concurrency', '1'],
    started: stderrHas(/^seed: [\d,]+\/[\d,]+ written/m),
    says: /cancelled: [\d,]+ of 3,000 items written.*; run the same command again to write the rest\./,
    async after({ stdout }, run) {
      const summary = JSON.parse(stdout.trim().split('\n').pop()!) as { written: number; unknown: number };
      const count = await countItems(`seed-${run}.json`);
      // Requests in flight when it stopped may or may not have been applied (reported as `unknown`), never more.
      expect(count).toBeGreaterThanOrEqual(summary.written);
      expect(count).toBeLessThanOrEqual(summary.written + summary.unknown);
      // Running it again writes exactly what is missing.
      const rerun = await cli('seed', `seed-${run}.json`, '--embedded');
      expect(rerun.code, rerun.stderr).toBe(0);
      expect(await countItems(`seed-${run}.json`)).toBe(FRESH_ITEMS);
    },
  },
  {
    name: 'seed --dry-run -o FILE',
    args: () => ['seed', 'events.json', '--dry-run', '--scale', '100', '-o', 'items.jsonl'],
    started: () => leftovers(folder.dir, MODEL_FILES).some((f) => f.endsWith('.tmp')),
    says: /error \[CANCELLED\].*The dry run was cancelled after [\d,]+ of 300,000 items; items\.jsonl was not written/,
  },
  {
    name: 'seed --dry-run to stdout',
    args: () => ['seed', 'events.json', '--dry-run', '--scale', '100'],
    started: firstOutput,
    says: /error \[CANCELLED\]: The dry run was cancelled after [\d,]+ of 300,000 items were printed/,
  },
  {
    name: 'scan --all',
    ownEngine: true,
    args: () => ['scan', 'seeded.json', '--embedded', '--all', '--limit', '100'],
    started: firstOutput,
    says: /error \[CANCELLED\]: Scan: cancelled\.[\s\S]*continue with --start-key '\{"pk":\{"S":"LOG"\},"sk":\{"S":"EVT#\d+"\}\}'/,
  },
  {
    name: 'scan --all to a reader that stopped reading (a pager left open)',
    ownEngine: true,
    args: () => ['scan', 'seeded.json', '--embedded', '--all'], // pages of 1 MB: far more than a pipe holds
    started: firstOutput,
    readerStops: true,
    says: /error \[CANCELLED\]: Scan: cancelled\.[\s\S]*warning: [\d,]+ bytes of output were not delivered \(the reader of stdout stopped reading\); a resume key printed above would skip them/,
  },
  {
    name: 'query --all',
    ownEngine: true,
    args: () => ['query', 'seeded.json', '--embedded', '--pk', 'LOG', '--all', '--limit', '100'],
    started: firstOutput,
    says: /error \[CANCELLED\]: Query: cancelled\.[\s\S]*continue with --start-key '\{"pk":\{"S":"LOG"\},"sk":\{"S":"EVT#\d+"\}\}'/,
  },
  {
    name: 'run PATTERN --all',
    ownEngine: true,
    args: () => ['run', 'seeded.json', 'all-events', '--embedded', '--all', '--limit', '100'],
    started: firstOutput,
    says: /error \[CANCELLED\]: Query: cancelled\.[\s\S]*continue with --start-key '\{"pk":\{"S":"LOG"\},"sk":\{"S":"EVT#\d+"\}\}'/,
  },
  {
    name: 'create (waiting for ACTIVE)',
    args: () => ['create', 'events.json', '--endpoint', slowCreate.endpoint, '--if-not-exists'],
    started: stderrHas(/waiting for table CREATING/),
    says: /error \[CANCELLED\]: Cancelled while waiting for the table\.\n {2}hint: The control-plane change continues on the server/,
  },
  {
    name: 'drop (waiting until the table is gone)',
    args: (run) => ['drop', `drop-${run}.json`, '--endpoint', slowDelete.endpoint, '--table', `Drop${run}`],
    started: stderrHas(/waiting for the deletion/),
    says: /error \[CANCELLED\]: Cancelled while waiting for the table\.\n {2}hint: The control-plane change continues on the server/,
  },
  {
    name: 'engine',
    ownEngine: true,
    args: () => ['engine', '--data', join(folder.dir, 'own-engine')],
    started: (o) => o.stdout.includes('endpoint:'),
    says: /engine stopped\n$/,
    runsUntilStopped: true,
    async after({ stdout }) {
      expect(stdout).toContain('store: checked, every item read (no tables yet)');
      expect(existsSync(stateFilePath(join(folder.dir, 'own-engine')))).toBe(false);
    },
  },
  {
    name: 'serve',
    args: () => ['serve', '--port', '0'],
    started: (o) => o.stdout.includes('url:'),
    says: /server stopped\n$/,
    runsUntilStopped: true,
  },
];

describe('Ctrl-C and SIGTERM stop every long command, say what was done, and leave nothing behind', () => {
  for (const verb of LONG_VERBS) {
    for (const [signal, code] of [
      ['SIGINT', 130],
      ['SIGTERM', 143],
    ] as const) {
      it(`${verb.name}: ${signal}`, async () => {
        const run = await runUntilSignal(verb.args(signal), {
          cwd: folder.dir,
          signal,
          env,
          started: verb.started,
          ...(verb.readerStops && { readerStops: true }),
        });
        expect(run.killedBy, run.stderr).toBeNull(); // it handled the signal, rather than being killed by it
        expect(run.code, run.stderr).toBe(verb.runsUntilStopped ? 0 : code);
        expect(run.stderr).toMatch(verb.says);
        expect(run.stderr).not.toContain('INTERNAL');
        if (/^(scan|query|run) /.test(verb.name)) expect(run.stderr).not.toContain('A write that was in flight');
        expect(leftovers(folder.dir, [...MODEL_FILES, 'own-engine'])).toEqual([]);
        for (const pid of run.children)
          expect(alive(pid), `process ${pid} of the command is still running`).toBe(false);
        await verb.after?.(run, signal);
      }, 60_000);
    }
  }

  // Ctrl-C in a terminal signals the whole process group: the engine child stops on its own at the same moment.
  for (const verb of LONG_VERBS.filter((v) => v.name.startsWith('seed (') || v.name === 'scan --all')) {
    it(`${verb.name}: Ctrl-C in a terminal (SIGINT to the process group)`, async () => {
      const run = await runUntilSignal(verb.args('group'), {
        cwd: folder.dir,
        signal: 'SIGINT',
        env,
        started: verb.started,
        toGroup: true,
      });
      expect(run.code, run.stderr).toBe(130);
      expect(run.stderr).toMatch(verb.says);
      if (verb.name.startsWith('scan')) expect(run.stderr).not.toContain('A write that was in flight');
      expect(leftovers(folder.dir, [...MODEL_FILES, 'own-engine'])).toEqual([]);
      for (const pid of run.children) expect(alive(pid), `process ${pid} of the command is still running`).toBe(false);
      await verb.after?.(run, 'group');
    }, 60_000);
  }

  it('the data written before the signals is whole: the seeded table still holds every item', async () => {
    expect(await countItems('seeded.json')).toBe(ITEMS);
    expect(readFileSync(join(folder.dir, 'seeded.json'), 'utf8')).toContain('"monotable/1"');
  }, 60_000);
});
