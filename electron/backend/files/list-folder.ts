import { readdir, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { MonotableError } from '../../../shared/errors/monotable-error.js';
import type { FileScope } from './file-scope.js';
import { fileError } from './read-text-file.js';
import { isAllowed, realRoot, resolveInScope } from './root-path.js';

export interface FileEntry {
  name: string;
  path: string;
  kind: 'file' | 'directory';
  size: number;
  modified: string;
}

const MAX_ENTRIES = 5000;

/**
 * The files and folders in `dir` (default: the root), folders first, then by name. Entries that resolve outside a
 * confined root (symlinks pointing out) and anything that is neither file nor folder are left out. `parent` is null
 * at the root of a confined scope (the dialog cannot go higher) and at the file-system root.
 */
export async function listFolder(
  scope: FileScope,
  dir: string | undefined,
): Promise<{ dir: string; parent: string | null; entries: FileEntry[] }> {
  const folder = await resolveInScope(scope, dir ?? '.');
  let names: string[];
  try {
    names = await readdir(folder);
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOTDIR') {
      throw new MonotableError('BAD_INPUT', `${folder} is a file, not a folder.`, { file: folder, path: '$.dir' });
    }
    throw fileError(folder, error);
  }
  const entries: FileEntry[] = [];
  for (const name of names.slice(0, MAX_ENTRIES)) {
    const path = join(folder, name);
    let info;
    try {
      info = await stat(path);
    } catch {
      continue; // a dangling link or a file removed meanwhile
    }
    if (!info.isFile() && !info.isDirectory()) continue;
    if (scope.confined && !(await isAllowed(scope, path))) continue;
    entries.push({
      name,
      path,
      kind: info.isDirectory() ? 'directory' : 'file',
      size: info.isDirectory() ? 0 : info.size,
      modified: info.mtime.toISOString(),
    });
  }
  entries.sort((a, b) => (a.kind !== b.kind ? (a.kind === 'directory' ? -1 : 1) : a.name.localeCompare(b.name)));
  const up = dirname(folder);
  const atTop = up === folder || (scope.confined && folder === (await realRoot(scope)));
  return { dir: folder, parent: atTop ? null : up, entries };
}
