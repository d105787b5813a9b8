import { ClassicLevel } from 'classic-level';
import { chmod, cp, mkdtemp, open, readdir, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { createInProcessClient } from '../../electron/backend/api/in-process-client.js';
import { levelDbPath } from '../../electron/backend/engine/data-dir.js';
import { stopEngine } from '../../electron/backend/engine/engine-manager.js';
import { startEngine } from '../../electron/backend/engine/start-engine.js';
import type { StoreDamage } from '../../electron/backend/engine/store-damage.js';
import { describeStore, internalErrorBody } from '../../electron/backend/engine/front/errors.js';
import { db } from '../../electron/backend/engine/front/load-dynalite.js';
import { isMonotableError } from '../../shared/errors/monotable-error.js';
import { folderSnapshot, storeFile, storeWithItems } from '../support/engine-store.js';
import { rejection } from '../support/rejection.js';
import { REPO, runCli } from '../support/run-cli.js';
import { tempFolder } from '../support/temp-folder.js';

/**
 * A damaged on-disk engine folder is reported as damaged (what could be read, what could not) at every door, and is
 * left exactly as it was; it never shows up as a table with fewer items (issue 7). Before, LevelDB dropped a damaged
 * log silently (a Scan counted 1,023 of 2,000 items), started empty without CURRENT (and deleted the data files),
 * and a damaged table file gave a 500 "please report" or nothing.
 */
const ITEMS = 2_000;
const api = createInProcessClient();
let logStore: string; // the items still in the write-ahead log (*.log)
let tableStore: string; // the items in a table file (*.ldb)

beforeAll(async () => {
  logStore = join(await tempFolder('store-log'), 'leveldb');
  await storeWithItems(logStore, ITEMS, { compact: false });
  tableStore = join(await tempFolder('store-ldb'), 'leveldb');
  await storeWithItems(tableStore, ITEMS, { compact: true });
}, 60_000);
afterAll(async () => {
  await stopEngine();
});

/** Overwrites `length` bytes in the middle of a file with zeros and letters (its size stays the same). */
async function scribble(path: string, at: number, length = 4_000): Promise<void> {
  const handle = await open(path, 'r+');
  try {
    await handle.write(Buffer.alloc(length, 'garbage\0'), 0, length, at);
  } finally {
    await handle.close();
  }
}

interface DamageCase {
  name: string;
  from: () => string;
  damage(dir: string): Promise<void>;
  /** What the report says could not be read. */
  problem: RegExp;
  /** Whether some items can still be read (they are counted in the report). */
  someReadable: boolean;
}

const CASES: DamageCase[] = [
  {
    name: 'the write-ahead log cut short',
    from: () => logStore,
    damage: async (dir) => truncate(await storeFile(dir, '.log'), 600_000),
    problem: /\d+\.log: ends inside a record at byte [\d,]+ \(the file is cut short/,
    someReadable: true,
  },
  {
    name: 'garbage in the middle of the write-ahead log',
    from: () => logStore,
    damage: async (dir) => scribble(await storeFile(dir, '.log'), 500_000),
    problem: /\d+\.log: the record at byte [\d,]+ fails its checksum/,
    someReadable: true,
  },
  {
    name: 'a table file cut short',
    from: () => tableStore,
    damage: async (dir) => truncate(await storeFile(dir, '.ldb'), 60_000),
    problem: /\d+\.ldb: 60,000 bytes instead of the [\d,]+ bytes the manifest records/,
    someReadable: false,
  },
  {
    name: 'garbage in the middle of a table file',
    from: () => tableStore,
    damage: async (dir) => scribble(await storeFile(dir, '.ldb'), 50_000),
    problem: /reading stopped after [\d,]+ entries .*: Corruption/,
    someReadable: true,
  },
  {
    name: 'an item whose stored value is not JSON (the files themselves sound)',
    from: () => tableStore,
    async damage(dir) {
      const db = new ClassicLevel(dir);
      try {
        const [first] = await db.keys({ gt: 'item-Things~', limit: 1 }).all();
        await db.put(first!, '{"pk":{"S":"item-');
      } finally {
        await db.close();
      }
    },
    problem: /the value of "item-Things~[^"]+" is not readable \(garbage where JSON was stored\)/,
    someReadable: true,
  },
  {
    name: 'a table file the manifest lists is deleted',
    from: () => tableStore,
    damage: async (dir) => rm(await storeFile(dir, '.ldb')),
    problem: /\d+\.ldb, a table file the manifest lists \([\d,]+ bytes\), is missing/,
    someReadable: false,
  },
  {
    name: 'CURRENT holds garbage',
    from: () => tableStore,
    damage: (dir) => writeFile(join(dir, 'CURRENT'), 'garbage\n'),
    problem: /CURRENT does not name a MANIFEST file/,
    someReadable: false,
  },
  {
    name: 'CURRENT is missing (LevelDB would start empty and delete the data files)',
    from: () => tableStore,
    damage: (dir) => rm(join(dir, 'CURRENT')),
    problem: /CURRENT is missing beside 3 data files .*LevelDB would start an empty store and delete them/,
    someReadable: false,
  },
  {
    name: 'the MANIFEST is deleted',
    from: () => tableStore,
    damage: async (dir) => rm(join(dir, (await readdir(dir)).find((n) => n.startsWith('MANIFEST-'))!)),
    problem: /MANIFEST-\d+, named by CURRENT, is missing/,
    someReadable: false,
  },
];

/** A copy of a store, damaged; returns the engine folder (with the store in its `leveldb/`). */
async function damagedEngineFolder(c: DamageCase): Promise<string> {
  const engineDir = await tempFolder('damaged');
  await cp(c.from(), levelDbPath(engineDir), { recursive: true });
  await c.damage(levelDbPath(engineDir));
  return engineDir;
}

describe('a damaged engine folder is reported as damaged, never as a table with fewer items', () => {
  for (const c of CASES) {
    it(c.name, async () => {
      const engineDir = await damagedEngineFolder(c);
      const dataDir = levelDbPath(engineDir);
      const before = await folderSnapshot(dataDir);

      // The engine process: refuses to serve it, with the report.
      const error = await rejection(startEngine({ dataDir }));
      expect(isMonotableError(error) && error.code, String(error)).toBe('ENGINE_DATA_DAMAGED');
      const message = (error as Error).message;
      expect(message).toContain(dataDir);
      expect(message).toMatch(c.problem);
      const damage = (isMonotableError(error) && error.details.damage) as StoreDamage;
      const readable = damage.tables.find((t) => t.name === 'Things')?.items ?? 0;
      expect(readable).toBeLessThan(ITEMS);
      if (c.someReadable) {
        expect(readable).toBeGreaterThan(0);
        expect(message).toContain(`Could be read: table Things: ${readable.toLocaleString('en-US')} items.`);
      } else expect(message).toContain('Could be read: nothing');
      const hint = isMonotableError(error) ? String(error.details.hint) : '';
      expect(hint).toContain('`monotable engine salvage`');
      expect(hint).toContain(`mv "${dataDir}" "${dataDir}.damaged"`);

      // The api: engine.start refuses with the same report; engine.status names what could and could not be read.
      const started = await api.call('engine.start', { dataDir: engineDir });
      expect(started.ok).toBe(false);
      expect(!started.ok && started.error.code).toBe('ENGINE_DATA_DAMAGED');
      const status = await api.call('engine.status', { dataDir: engineDir });
      expect(status.ok && status.value.running).toBe(false);
      const store = status.ok ? status.value.store : undefined;
      expect(store?.state).toBe('damaged');
      expect(store?.problems.join('\n')).toMatch(c.problem);
      expect(store?.tables.find((t) => t.name === 'Things')?.items ?? 0).toBe(readable);

      // Nothing in the folder was changed: no "repair", no recovered log, no deleted file.
      expect(await folderSnapshot(dataDir)).toEqual(before);
    }, 30_000);
  }

  it('a sound folder: every item read at start, reported by the engine and by engine.status', async () => {
    const engineDir = await tempFolder('sound');
    await cp(tableStore, levelDbPath(engineDir), { recursive: true });
    const status = await api.call('engine.status', { dataDir: engineDir });
    expect(status.ok && status.value.store).toEqual({
      state: 'ok',
      tables: [{ name: 'Things', items: ITEMS }],
      problems: [],
    });
    const engine = await startEngine({ dataDir: levelDbPath(engineDir) });
    try {
      expect(engine.store?.tables).toEqual([{ name: 'Things', items: ITEMS }]);
    } finally {
      await engine.stop();
    }
  });
});

/** LevelDB's masked CRC-32C of a log record's type byte and data (util/crc32c.h, log_writer.cc). */
function maskedCrc(type: number, data: Buffer): number {
  let c = ~0 >>> 0;
  for (const b of [type, ...data]) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0x82f63b78 ^ (c >>> 1) : c >>> 1;
  }
  const crc = ~c >>> 0;
  return ((((crc >>> 15) | (crc << 17)) >>> 0) + 0xa282ead8) >>> 0;
}

/**
 * Appends what a writer killed between two fragments of one record leaves: a well-formed FIRST fragment (type 2)
 * filling the rest of the 32 KB block, and nothing after it.
 */
async function appendUnfinishedWrite(log: string): Promise<void> {
  const handle = await open(log, 'a');
  try {
    const size = (await handle.stat()).size;
    let left = 32_768 - (size % 32_768);
    if (left < 8) {
      await handle.write(Buffer.alloc(left)); // the writer pads a block's last bytes with zeros
      left = 32_768;
    }
    const data = Buffer.alloc(left - 7, 'x');
    const header = Buffer.alloc(7);
    header.writeUInt32LE(maskedCrc(2, data), 0);
    header.writeUInt16LE(data.length, 4);
    header[6] = 2;
    await handle.write(Buffer.concat([header, data]));
  } finally {
    await handle.close();
  }
}

describe('an engine killed while writing is not damage', () => {
  it('a log ending with the first fragments of an unfinished write starts, every acknowledged item there, with a note', async () => {
    const engineDir = await tempFolder('unfinished-write');
    await cp(logStore, levelDbPath(engineDir), { recursive: true });
    await appendUnfinishedWrite(await storeFile(levelDbPath(engineDir), '.log'));
    const status = await api.call('engine.status', { dataDir: engineDir });
    const store = status.ok ? status.value.store : undefined;
    expect(store?.state).toBe('ok');
    expect(store?.tables).toEqual([{ name: 'Things', items: ITEMS }]);
    expect(store?.notes?.join('\n')).toMatch(/\d+\.log ends with a write that was never finished/);
    const engine = await startEngine({ dataDir: levelDbPath(engineDir) });
    try {
      expect(engine.store?.tables).toEqual([{ name: 'Things', items: ITEMS }]);
      expect(engine.store?.notes?.length).toBe(1);
    } finally {
      await engine.stop();
    }
  });
});

describe('damage met while the engine runs is an error naming the folder, never a short result', () => {
  it('a Scan reaching a damaged table file fails with ENGINE_DATA_DAMAGED', async () => {
    const engineDir = await tempFolder('damaged-later');
    const dataDir = levelDbPath(engineDir);
    await cp(tableStore, dataDir, { recursive: true });
    const engine = await startEngine({ dataDir });
    const opened = await api.call('connection.open', { kind: 'endpoint', url: engine.endpoint });
    if (!opened.ok) throw new Error(opened.error.message);
    const { connectionId } = opened.value;
    try {
      const scan = (): ReturnType<typeof api.call<'operation.run'>> =>
        api.call('operation.run', { connectionId, operation: 'Scan', input: { TableName: 'Things' }, all: true });
      const whole = await scan();
      expect(whole.ok && whole.value.count).toBe(ITEMS);
      // The disk goes bad under the running engine (its Scans do not fill the block cache).
      await scribble(await storeFile(dataDir, '.ldb'), 50_000);
      const again = await scan();
      expect(again.ok, again.ok ? `returned ${again.value.count} items` : '').toBe(false);
      if (again.ok) return;
      expect(again.error.code).toBe('ENGINE_DATA_DAMAGED');
      expect(again.error.message).toContain(dataDir);
      expect(again.error.message).toMatch(/Scan failed: .*Corruption/);
    } finally {
      await api.call('connection.close', { connectionId });
      await engine.stop();
    }
  }, 30_000);
});

describe('the CLI says it at `monotable engine` and `monotable engine status`', () => {
  it('a damaged folder: the engine does not start (exit 2), status exits 1; both name what was and was not read', async () => {
    const engineDir = await damagedEngineFolder(CASES[0]!);
    const started = await runCli(['engine', '--data', engineDir], engineDir);
    expect(started.code).toBe(2);
    expect(started.stderr).toContain('error [ENGINE_DATA_DAMAGED]');
    expect(started.stderr).toMatch(/Could be read: table Things: [\d,]+ items\./);
    expect(started.stderr).toMatch(CASES[0]!.problem);
    const status = await runCli(['engine', 'status', '--data', engineDir], engineDir);
    expect(status.code).toBe(1);
    expect(status.stdout).toContain('running: no');
    expect(status.stderr).toContain('error [ENGINE_DATA_DAMAGED]');
    expect(status.stderr).toMatch(/Could be read: table Things: [\d,]+ items\./);
  }, 30_000);

  it('a file this user may not read: reported with EACCES and the permission hint, never an empty store', async () => {
    // Root reads anything: the built CLI then runs as an unprivileged user (Node drops to its uid and gid), on a
    // folder that user can reach (the test run's own temp folder is private).
    const asRoot = process.getuid?.() === 0;
    const base = asRoot ? '/tmp' : tmpdir();
    const engineDir = await mkdtemp(join(base, 'monotable-unreadable-'));
    onTestFinished(() => rm(engineDir, { recursive: true, force: true }));
    await cp(tableStore, levelDbPath(engineDir), { recursive: true });
    await chmod(await storeFile(levelDbPath(engineDir), '.ldb'), 0o000);
    await chmod(engineDir, 0o755);
    const status = spawnSync(
      process.execPath,
      [join(REPO, 'bin', 'monotable.js'), 'engine', 'status', '--data', engineDir],
      {
        encoding: 'utf8',
        timeout: 30_000,
        env: { ...process.env, HOME: engineDir, TMPDIR: base },
        ...(asRoot && { uid: 65534, gid: 65534 }),
      },
    );
    expect(status.status, status.stderr).toBe(1);
    expect(status.stderr).toContain('error [ENGINE_DATA_DAMAGED]');
    expect(status.stderr).toMatch(/\d+\.ldb: cannot be read \(EACCES\)/);
    expect(status.stderr).toContain('check their owner and permissions');
  });

  it('a sound folder: status lists the tables and their items', async () => {
    const engineDir = await tempFolder('sound-cli');
    await cp(tableStore, levelDbPath(engineDir), { recursive: true });
    const status = await runCli(['engine', 'status', '--data', engineDir], engineDir);
    expect(status.code, status.stderr).toBe(0);
    expect(status.stdout).toContain('store: ok, 1 table(s)\n  Things: 2,000 items');
  });
});

describe('dynalite never deletes a table record it cannot decode', () => {
  it('DescribeTable on an undecodable record is a store error (EngineDataDamaged), and the record stays', async () => {
    const dir = join(await tempFolder('undecodable'), 'leveldb');
    const raw = new ClassicLevel(dir);
    await raw.put('table~Broken', '{not json');
    await raw.close();
    const store = db.create({ path: dir });
    const error = await new Promise<unknown>((resolve) => store.getTable('Broken', (err: unknown) => resolve(err)));
    await new Promise((resolve) => setTimeout(resolve, 100)); // unpatched, dynalite deleted it in the background
    await new Promise((resolve) => store.db.close(resolve));
    expect((error as { code?: string }).code).toBe('LEVEL_DECODE_ERROR');
    describeStore({ dataDir: dir });
    expect(internalErrorBody('DescribeTable', error).__type).toBe('com.monotable.engine#EngineDataDamaged');
    const after = new ClassicLevel(dir);
    try {
      expect(await after.get('table~Broken')).toBe('{not json');
    } finally {
      await after.close();
    }
  });
});

describe('salvage is an explicit action that keeps the damaged original', () => {
  const SALVAGE_CASES = CASES.filter((c) =>
    ['the write-ahead log cut short', 'garbage in the middle of a table file', 'CURRENT is missing'].some((n) =>
      c.name.startsWith(n),
    ),
  );
  for (const c of SALVAGE_CASES) {
    it(`${c.name}: engine.salvage keeps the original beside it and the engine starts on what was rescued`, async () => {
      const engineDir = await damagedEngineFolder(c);
      const dataDir = levelDbPath(engineDir);
      const before = await folderSnapshot(dataDir);
      const salvaged = await api.call('engine.salvage', { dataDir: engineDir });
      if (!salvaged.ok) throw new Error(salvaged.error.message);
      const { keptAt, before: readable, after } = salvaged.value;
      expect(keptAt.startsWith(`${dataDir}.damaged-`)).toBe(true);
      expect(await folderSnapshot(keptAt)).toEqual(before); // the damaged original, byte for byte
      expect(after.state).toBe('ok');
      const rescued = after.tables.find((t) => t.name === 'Things')?.items ?? 0;
      expect(rescued).toBeGreaterThanOrEqual(readable.tables.find((t) => t.name === 'Things')?.items ?? 0);
      expect(rescued).toBeLessThanOrEqual(ITEMS);
      // The engine starts on the rescued store and a Scan returns exactly what the salvage reported.
      const engine = await startEngine({ dataDir });
      const opened = await api.call('connection.open', { kind: 'endpoint', url: engine.endpoint });
      if (!opened.ok) throw new Error(opened.error.message);
      try {
        const scan = await api.call('operation.run', {
          connectionId: opened.value.connectionId,
          operation: 'Scan',
          input: { TableName: 'Things' },
          all: true,
        });
        expect(scan.ok && scan.value.count).toBe(rescued);
      } finally {
        await api.call('connection.close', { connectionId: opened.value.connectionId });
        await engine.stop();
      }
    }, 30_000);
  }

  it('a sound folder has nothing to salvage: refused, untouched', async () => {
    const engineDir = await tempFolder('salvage-sound');
    await cp(tableStore, levelDbPath(engineDir), { recursive: true });
    const before = await folderSnapshot(levelDbPath(engineDir));
    const salvaged = await api.call('engine.salvage', { dataDir: engineDir });
    expect(!salvaged.ok && salvaged.error.code).toBe('BAD_INPUT');
    expect(await folderSnapshot(levelDbPath(engineDir))).toEqual(before);
    expect((await readdir(engineDir)).filter((n) => n.includes('damaged'))).toEqual([]);
  });

  it('monotable engine salvage says what was rescued and where the original is kept', async () => {
    const engineDir = await damagedEngineFolder(CASES[0]!);
    const result = await runCli(['engine', 'salvage', '--data', engineDir], engineDir);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^before: Things [\d,]+ items could be read\nnow: Things [\d,]+ items\n/);
    expect(result.stdout).toContain(`the damaged folder is kept, unchanged, at ${levelDbPath(engineDir)}.damaged-`);
    const status = await runCli(['engine', 'status', '--data', engineDir], engineDir);
    expect(status.code, status.stderr).toBe(0);
  }, 30_000);
});
