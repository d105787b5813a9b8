import { randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MonotableError } from '../../../shared/errors/monotable-error.js';
import { ResultSet } from './result-set.js';

/** Result sets kept at once; opening one more closes the one used longest ago (never one a read is filling). */
export const MAX_RESULT_SETS = 16;
const PREFIX = 'monotable-results-';

const sets = new Map<string, ResultSet>();
/** Sets being created: their files are in the spool folder before they are in `sets`. */
let creating = 0;
let folder: string | undefined;
let exitHook = false;

/** Whether a process with this id runs (a spool folder of a process that is gone is removed). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * This process's spool folder, `<tmp>/monotable-results-<pid>-<random>`: made on first use, removed when the process
 * exits; folders left by processes that were killed are removed then too.
 */
function spoolFolder(): string {
  if (folder) return folder;
  const tmp = tmpdir();
  for (const name of readdirSync(tmp)) {
    const pid = Number(/^monotable-results-(\d+)-/.exec(name)?.[1]);
    if (pid && pid !== process.pid && !alive(pid)) rmSync(join(tmp, name), { recursive: true, force: true });
  }
  const made = join(tmp, `${PREFIX}${process.pid}-${randomUUID().slice(0, 8)}`);
  mkdirSync(made, { mode: 0o700 });
  folder = made;
  if (!exitHook) process.once('exit', removeSpoolFolder);
  exitHook = true;
  return made;
}

function removeSpoolFolder(): void {
  if (folder) rmSync(folder, { recursive: true, force: true });
  folder = undefined;
}

/** A new, empty result set (its key attributes shown first); the least recently used idle set goes beyond the cap. */
export async function createResultSet(keyNames: readonly string[] = []): Promise<ResultSet> {
  creating++;
  try {
    const idle = [...sets.values()].filter((s) => !s.busy).sort((a, b) => a.lastUsed - b.lastUsed);
    while (sets.size >= MAX_RESULT_SETS && idle.length > 0) await closeResultSet(idle.shift()!.id);
    const id = randomUUID();
    const set = await ResultSet.create(id, join(spoolFolder(), `${id}.jsonl`), keyNames);
    sets.set(id, set);
    return set;
  } finally {
    creating--;
  }
}

export function getResultSet(id: string): ResultSet {
  const set = sets.get(id);
  if (!set)
    throw new MonotableError('NOT_FOUND', `There is no result ${id} (it was closed or replaced).`, {
      hint: 'Run the read again.',
    });
  set.lastUsed = Date.now();
  return set;
}

/** Closes a result set and removes its spool file; an unknown id is already closed. */
export async function closeResultSet(id: string): Promise<boolean> {
  const set = sets.get(id);
  if (!set) return false;
  sets.delete(id);
  await set.close();
  // not while a set is being created: its file is already in the folder (a Run closes one result and opens the next)
  if (sets.size === 0 && creating === 0) removeSpoolFolder();
  return true;
}

/** Every open result set's id (tests, and the server's shutdown). */
export function openResultSets(): string[] {
  return [...sets.keys()];
}

export async function closeAllResultSets(): Promise<void> {
  for (const id of [...sets.keys()]) await closeResultSet(id);
}
