import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from './atomic-write.js';
import type { FileScope } from './file-scope.js';
import { isAllowed } from './root-path.js';

const MAX_RECENT = 12;

function recentFile(scope: FileScope): string {
  return join(scope.dataDir, 'recent.json');
}

async function readRecent(scope: FileScope): Promise<string[]> {
  try {
    const value = JSON.parse(await readFile(recentFile(scope), 'utf8')) as unknown;
    return Array.isArray(value) ? value.filter((p): p is string => typeof p === 'string') : [];
  } catch {
    return []; // missing or damaged: the list is a convenience, start again
  }
}

/** Puts `path` first in the recent list (kept in the user data folder). A failure here never fails the open/save. */
export async function rememberRecent(scope: FileScope, path: string): Promise<void> {
  try {
    const paths = [path, ...(await readRecent(scope)).filter((p) => p !== path)].slice(0, MAX_RECENT);
    await writeFileAtomic(recentFile(scope), `${JSON.stringify(paths, null, 2)}\n`, { createFolder: true });
  } catch {
    // an unwritable data folder loses the recent list, not the user's save
  }
}

/** The recent model paths the scope may open (in browser mode, only those under its root), newest first. */
export async function listRecent(scope: FileScope): Promise<string[]> {
  const allowed: string[] = [];
  for (const path of await readRecent(scope)) if (await isAllowed(scope, path)) allowed.push(path);
  return allowed;
}
