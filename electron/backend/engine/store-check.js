// The integrity check of the embedded engine's on-disk store (dynalite over classic-level, i.e. LevelDB) before the
// engine serves it. LevelDB on its own hides most damage: it drops the unreadable part of a write-ahead log while
// recovering it (and then deletes the log), starts an empty store (deleting the data files) when CURRENT is missing,
// and reports a damaged table file only when a read reaches it. So the folder is checked first without opening it
// (file list, CURRENT, every log record's checksum, the manifest's files and their sizes), then opened and read end
// to end. When something is wrong, what can still be read is counted from a copy: the folder itself is never changed.
// Plain JavaScript: it runs inside the engine process (engine-child.js), forked as-is from the sources and the build.
import { chmod, copyFile, link, mkdtemp, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { ClassicLevel } from 'classic-level';

const BLOCK_SIZE = 32768;
const HEADER_SIZE = 7;
const FULL = 1;
const FIRST = 2; // then MIDDLE (3) fragments
const LAST = 4;

const CRC32C_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0x82f63b78 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32C (Castagnoli), the checksum LevelDB stores. */
function crc32c(bytes, start, end, crc = 0) {
  let c = ~crc >>> 0;
  for (let i = start; i < end; i++) c = CRC32C_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}

/** LevelDB stores checksums masked (crc32c.h). */
function unmask(masked) {
  const rot = (masked - 0xa282ead8) >>> 0;
  return ((rot >>> 17) | (rot << 15)) >>> 0;
}

const bytesText = (n) => `${n.toLocaleString('en-US')} byte${n === 1 ? '' : 's'}`;

/**
 * Reads a file in LevelDB's log format (the write-ahead log and the MANIFEST): the logical records whose checksums
 * hold, and a problem for the first place they do not (LevelDB skips from there to the end of the block).
 */
export function readLogRecords(bytes, name) {
  const records = [];
  const problems = [];
  let pending;
  let offset = 0;
  while (offset < bytes.length) {
    const left = BLOCK_SIZE - (offset % BLOCK_SIZE);
    if (left < HEADER_SIZE) {
      offset += left; // the writer pads a block's last few bytes with zeros
      continue;
    }
    if (offset + HEADER_SIZE > bytes.length) {
      if (bytes.subarray(offset).some((b) => b !== 0))
        problems.push(
          `${name}: ends inside a record header at byte ${offset.toLocaleString('en-US')} (the file is cut short)`,
        );
      break;
    }
    const masked = bytes.readUInt32LE(offset);
    const length = bytes.readUInt16LE(offset + 4);
    const type = bytes[offset + 6];
    if (type === 0 && length === 0 && masked === 0) {
      // zeros to the end of the block (preallocated space): nothing written there
      offset += left;
      continue;
    }
    const end = offset + HEADER_SIZE + length;
    if (end > bytes.length) {
      problems.push(
        `${name}: ends inside a record at byte ${offset.toLocaleString('en-US')} (the file is cut short: ${bytesText(end - bytes.length)} missing; the writes from there on are lost)`,
      );
      break;
    }
    if (
      HEADER_SIZE + length > left ||
      type < FULL ||
      type > LAST ||
      crc32c(bytes, offset + 6, end) !== unmask(masked)
    ) {
      problems.push(
        `${name}: the record at byte ${offset.toLocaleString('en-US')} fails its checksum (garbage or changed bytes; LevelDB would skip ${bytesText(Math.min(left, bytes.length - offset))} and the writes they hold)`,
      );
      offset += left;
      pending = undefined;
      continue;
    }
    const data = bytes.subarray(offset + HEADER_SIZE, end);
    if (type === FULL) {
      records.push(data);
      pending = undefined;
    } else if (type === FIRST) pending = [data];
    else if (pending) {
      pending.push(data);
      if (type === LAST) {
        records.push(Buffer.concat(pending));
        pending = undefined;
      }
    }
    offset = end;
  }
  // The first fragments of a record whose last one never came, at the very end: the writer stopped between two of a
  // record's fragments (a record crossing a 32 KB block is written in pieces, each with its own write). That happens
  // when the engine is killed during a write, which was then never acknowledged; LevelDB leaves it out on recovery
  // (log_reader.cc, kEof in a fragmented record) and so does this check: a note, not damage.
  const unfinished =
    pending && problems.length === 0
      ? `${name} ends with a write that was never finished (${bytesText(pending.reduce((n, p) => n + p.length, 0))}: the engine stopped while writing it, so it was never acknowledged); it is left out, as LevelDB does`
      : undefined;
  return { records, problems, ...(unfinished && { unfinished }) };
}

function varint(bytes, at) {
  let value = 0;
  let shift = 0;
  for (let i = at.offset; i < bytes.length; i++) {
    const b = bytes[i];
    value += (b & 0x7f) * 2 ** shift;
    shift += 7;
    if ((b & 0x80) === 0) {
      at.offset = i + 1;
      return value;
    }
  }
  throw new Error('truncated varint');
}

function skipSlice(bytes, at) {
  const length = varint(bytes, at);
  at.offset += length;
}

/** The table files a MANIFEST says are live, with their sizes (VersionEdit records, leveldb/db/version_edit.cc). */
function liveFiles(records) {
  const files = new Map();
  for (const record of records) {
    const at = { offset: 0 };
    while (at.offset < record.length) {
      const tag = varint(record, at);
      if (tag === 1)
        skipSlice(record, at); // comparator
      else if (tag === 2 || tag === 3 || tag === 4 || tag === 9)
        varint(record, at); // log, next file, sequence, prev log
      else if (tag === 5) {
        varint(record, at); // compact pointer: level, key
        skipSlice(record, at);
      } else if (tag === 6) {
        varint(record, at);
        files.delete(varint(record, at));
      } else if (tag === 7) {
        varint(record, at); // level
        const number = varint(record, at);
        const size = varint(record, at);
        skipSlice(record, at);
        skipSlice(record, at);
        files.set(number, size);
      } else throw new Error(`unknown manifest tag ${tag}`);
    }
  }
  return files;
}

async function readWhole(dir, name, problems) {
  try {
    return await readFile(join(dir, name));
  } catch (error) {
    problems.push(`${name}: cannot be read (${error.code ?? error.message})`);
    return undefined;
  }
}

/** What can be found wrong without opening the store (opening it would change the folder). */
async function checkFiles(dir) {
  let names;
  try {
    names = await readdir(dir);
  } catch (error) {
    if (error.code === 'ENOENT') return { fresh: true, problems: [] };
    return { fresh: false, problems: [`the folder cannot be listed (${error.code ?? error.message})`] };
  }
  const problems = [];
  const notes = [];
  const data = names.filter((n) => /^(MANIFEST-\d+|\d+\.(log|ldb|sst))$/.test(n));
  if (!names.includes('CURRENT')) {
    if (data.length === 0) return { fresh: true, problems };
    problems.push(
      `CURRENT is missing beside ${data.length} data file${data.length === 1 ? '' : 's'} (${data.slice(0, 4).join(', ')}${data.length > 4 ? ', …' : ''}): LevelDB would start an empty store and delete them`,
    );
    return { fresh: false, problems };
  }
  const current = await readWhole(dir, 'CURRENT', problems);
  const manifest = current && /^(MANIFEST-\d+)\n?$/.exec(current.toString('latin1'))?.[1];
  if (current && !manifest) problems.push('CURRENT does not name a MANIFEST file (it holds something else)');
  if (manifest && !names.includes(manifest)) problems.push(`${manifest}, named by CURRENT, is missing`);
  if (manifest && names.includes(manifest)) {
    const bytes = await readWhole(dir, manifest, problems);
    if (bytes) {
      const read = readLogRecords(bytes, manifest);
      problems.push(...read.problems);
      if (read.unfinished) notes.push(read.unfinished);
      let files;
      try {
        files = liveFiles(read.records);
      } catch (error) {
        problems.push(`${manifest}: cannot be decoded (${error.message})`);
      }
      for (const [number, size] of files ?? []) {
        const base = String(number).padStart(6, '0');
        const name = names.includes(`${base}.ldb`)
          ? `${base}.ldb`
          : names.includes(`${base}.sst`)
            ? `${base}.sst`
            : undefined;
        if (!name) {
          problems.push(`${base}.ldb, a table file the manifest lists (${bytesText(size)}), is missing`);
          continue;
        }
        try {
          const actual = (await stat(join(dir, name))).size;
          if (actual !== size)
            problems.push(`${name}: ${bytesText(actual)} instead of the ${bytesText(size)} the manifest records`);
        } catch (error) {
          problems.push(`${name}: cannot be read (${error.code ?? error.message})`);
        }
      }
    }
  }
  for (const name of names.filter((n) => n.endsWith('.log'))) {
    const bytes = await readWhole(dir, name, problems);
    if (!bytes) continue;
    const read = readLogRecords(bytes, name);
    problems.push(...read.problems);
    if (read.unfinished) notes.push(read.unfinished);
  }
  for (const name of names.filter((n) => /\.(ldb|sst)$/.test(n))) {
    try {
      const handle = await open(join(dir, name), 'r');
      await handle.close();
    } catch (error) {
      problems.push(`${name}: cannot be read (${error.code ?? error.message})`);
    }
  }
  return { fresh: false, problems, notes };
}

/** dynalite's key layout: `table~NAME` per table, `item-NAME~…` per item, `index-…` and `tag-…` beside them. */
function countEntry(key, tables) {
  const tilde = key.indexOf('~');
  const space = key.slice(0, tilde);
  if (space === 'table') {
    const name = key.slice(tilde + 1);
    if (!tables.has(name)) tables.set(name, 0);
  } else if (space.startsWith('item-')) {
    const name = space.slice('item-'.length);
    tables.set(name, (tables.get(name) ?? 0) + 1);
  }
}

/** Opens the store and reads every entry (every value must decode); what was read, and where reading stopped. */
async function readAll(dir, options) {
  const tables = new Map();
  const problems = [];
  let entries = 0;
  let undecodable = 0;
  let lastKey;
  const db = new ClassicLevel(dir, { ...options, keyEncoding: 'utf8', valueEncoding: 'utf8' });
  try {
    await db.open();
  } catch (error) {
    const cause = error?.cause?.message ?? error.message;
    return { tables, entries, problems: [`LevelDB cannot open the store: ${cause}`] };
  }
  try {
    for await (const [key, value] of db.iterator()) {
      try {
        JSON.parse(value);
        countEntry(key, tables);
      } catch {
        if (++undecodable <= 10)
          problems.push(
            `the value of ${JSON.stringify(key.slice(0, 120))} is not readable (garbage where JSON was stored)`,
          );
      }
      entries++;
      lastKey = key;
    }
  } catch (error) {
    const cause = error?.cause?.message ?? error.message;
    problems.push(
      `reading stopped after ${entries.toLocaleString('en-US')} entries${lastKey ? ` (the last one read: ${JSON.stringify(lastKey.slice(0, 120))})` : ''}: ${cause}; everything stored after it could not be read`,
    );
  } finally {
    await db.close().catch(() => undefined);
  }
  if (undecodable > 10) problems.push(`${(undecodable - 10).toLocaleString('en-US')} more values are not readable`);
  return { tables, entries, problems };
}

/** The files that make a LevelDB store (not its lock, its info log or a repair's lost/ folder). */
function isStoreFile(name) {
  return name === 'CURRENT' || /^(MANIFEST-\d+|\d+\.(log|ldb|sst))$/.test(name);
}

/**
 * LevelDB's message when another process holds the store's lock. Asked by opening it with errorIfExists: LevelDB
 * takes the lock first and then refuses an existing store before it reads (or changes) anything in it.
 */
async function heldByAnother(dir) {
  const db = new ClassicLevel(dir, { createIfMissing: false, errorIfExists: true });
  try {
    await db.open();
    await db.close();
    return undefined;
  } catch (error) {
    const cause = error?.cause?.message ?? error.message;
    // Only a lock held elsewhere; "LOCK: Permission denied" is a folder this process may not write.
    return /already held by process|temporarily unavailable/i.test(cause) ? cause : undefined;
  }
}

/**
 * A copy of the store to open in place of the folder, which LevelDB changes when it opens it (it turns the log into a
 * table file and starts a new manifest). Table files are never changed once written, so they are hard-linked where
 * the file system allows (the copy sits beside the folder); the log, manifest and CURRENT are copied.
 */
async function copyStore(dir) {
  let copy;
  try {
    copy = await mkdtemp(join(dirname(dir), `.${basename(dir)}.check-`));
  } catch {
    copy = await mkdtemp(join(tmpdir(), 'monotable-store-check-'));
  }
  for (const name of await readdir(dir)) {
    if (!isStoreFile(name)) continue;
    const from = join(dir, name);
    if (/\.(ldb|sst)$/.test(name)) {
      try {
        await link(from, join(copy, name));
        continue;
      } catch {
        // another file system: copy it
      }
    }
    await copyFile(from, join(copy, name));
  }
  return copy;
}

/** What can be read, counted on a copy of the folder (the folder itself is never opened here). */
async function readCopy(dir) {
  let copy;
  try {
    copy = await copyStore(dir);
    const read = await readAll(copy, { createIfMissing: false });
    return { ...read, problems: read.problems.map((p) => p.replaceAll(copy, dir)) };
  } catch (error) {
    return { tables: new Map(), entries: 0, problems: [`could not read a copy of the folder: ${error.message}`] };
  } finally {
    if (copy) await rm(copy, { recursive: true, force: true });
  }
}

/**
 * Checks the store in `dir` (LevelDB files) before the engine serves it, reading every entry from a copy: the folder
 * itself is never opened here, so a damaged one is left exactly as it was.
 * Returns { fresh, damaged, locked?, tables: [{ name, items }], problems: string[], entries, ms }: `tables` holds
 * what could be read and `problems` what could not; `locked` is LevelDB's message when another process holds the
 * store (nothing is read then: that process is writing it).
 */
export async function checkStore(dir) {
  const started = performance.now();
  const files = await checkFiles(dir);
  const locked = files.fresh ? undefined : await heldByAnother(dir);
  if (locked) return { fresh: false, damaged: false, locked, tables: [], entries: 0, problems: [], notes: [], ms: 0 };
  const read = files.fresh ? { tables: new Map(), entries: 0, problems: [] } : await readCopy(dir);
  const problems = [...files.problems, ...read.problems];
  return {
    fresh: files.fresh,
    damaged: problems.length > 0,
    tables: [...read.tables].map(([name, items]) => ({ name, items })),
    entries: read.entries,
    problems,
    notes: files.notes ?? [],
    ms: Math.round(performance.now() - started),
  };
}

/**
 * The explicit salvage of a damaged store: LevelDB's own repair (it rebuilds the manifest from the table files and
 * keeps every record it can read) runs on a full copy; the damaged folder is then kept, renamed to
 * `DIR.damaged-STAMP`, and the repaired copy takes its place. Refused while another process holds the store, and for
 * a sound one. Returns { keptAt, before, after } (before and after: checkStore results).
 */
export async function salvageStore(dir, { now = new Date() } = {}) {
  const before = await checkStore(dir);
  if (before.locked) throw Object.assign(new Error(`the store is in use: ${before.locked}`), { code: 'LOCKED' });
  if (!before.damaged) throw Object.assign(new Error('the store is not damaged'), { code: 'NOT_DAMAGED' });
  const repaired = await mkdtemp(join(dirname(dir), `.${basename(dir)}.salvage-`));
  try {
    await chmod(repaired, (await stat(dir)).mode & 0o7777);
    for (const name of await readdir(dir)) {
      if (isStoreFile(name)) await copyFile(join(dir, name), join(repaired, name));
    }
    await ClassicLevel.repair(repaired);
    // What the repair could not use it moves to lost/; the kept original has all of it.
    await rm(join(repaired, 'lost'), { recursive: true, force: true });
    const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '');
    const keptAt = `${dir}.damaged-${stamp}`;
    await rename(dir, keptAt);
    try {
      await rename(repaired, dir);
    } catch (error) {
      await rename(keptAt, dir); // put the original back: never leave the folder missing
      throw error;
    }
    return { keptAt, before, after: await checkStore(dir) };
  } catch (error) {
    await rm(repaired, { recursive: true, force: true });
    throw error;
  }
}
