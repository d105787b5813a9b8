import type { Stats } from 'node:fs';
import { lstat, mkdir, readFile, stat, unlink, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { MonotableError } from '../../../shared/errors/monotable-error.js';
import { writeFileAtomic } from './atomic-write.js';
import { errnoCode } from './errno.js';
import type { FileScope } from './file-scope.js';
import { fileError } from './read-text-file.js';
import { resolveInScope } from './root-path.js';

/**
 * Writes an export (CreateTable JSON, CloudFormation, code) as UTF-8 text, atomically, inside the scope. An existing
 * file is replaced only with `force`, so an export never overwrites a file by surprise.
 */
export async function writeTextFile(
  scope: FileScope,
  request: { path: string; text: string; force?: boolean | undefined; createFolders?: boolean | undefined },
): Promise<{ path: string; bytes: number }> {
  const { real, special } = await writeTarget(scope, request.path, request.force);
  const bytes = Buffer.from(request.text, 'utf8');
  if (special) {
    // A pipe or a terminal is written to, never replaced by a regular file.
    await writeFile(real, bytes).catch((error: unknown) => Promise.reject(fileError(real, error, 'writing')));
    return { path: real, bytes: bytes.length };
  }
  // `real` is resolved and checked inside the scope, so its missing folders are inside it too.
  if (request.createFolders) await mkdir(dirname(real), { recursive: true });
  await writeFileAtomic(real, bytes);
  return { path: real, bytes: bytes.length };
}

/**
 * Where a write of a file may go: the path resolved inside the scope; a folder or an unusual file (a socket, a block
 * device) is refused; an existing regular file only with `force`, so an export never overwrites a file by surprise.
 * `special`: a pipe or a terminal, to be written to rather than replaced.
 */
export async function writeTarget(
  scope: FileScope,
  path: string,
  force: boolean | undefined,
): Promise<{ real: string; special: boolean }> {
  const real = await resolveInScope(scope, path);
  let stats: Stats;
  try {
    stats = await lstat(real);
  } catch (error) {
    if (errnoCode(error) !== 'ENOENT') throw error;
    return { real, special: false };
  }
  if (stats.isDirectory())
    throw new MonotableError('BAD_INPUT', `${real} is a folder, not a file.`, {
      file: real,
      hint: 'Add a file name, e.g. cruddur-messages.create-table.json.',
    });
  if (stats.isFIFO() || stats.isCharacterDevice()) return { real, special: true };
  if (!stats.isFile())
    throw new MonotableError('BAD_INPUT', `${real} is not a regular file; nothing was written.`, {
      file: real,
      hint: 'Name a file to write, e.g. cruddur-messages.create-table.json.',
    });
  if (!force)
    throw new MonotableError('FILE_CHANGED', `${real} already exists.`, {
      file: real,
      hint: 'Choose another name, or save again with "Replace" to overwrite it.',
    });
  return { real, special: false };
}

/** The largest text file `file.readText` reads (an import of items): larger files are refused before reading. */
export const MAX_TEXT_FILE_BYTES = 64 * 1024 * 1024;

async function regularFile(real: string, what: string): Promise<number> {
  let info;
  try {
    info = await stat(real);
  } catch (error) {
    throw fileError(real, error);
  }
  if (!info.isFile()) {
    throw new MonotableError('FILE_UNREADABLE', `${real} is not a regular file.`, {
      file: real,
      hint: `Choose ${what} (folders, devices, sockets and pipes are not read).`,
    });
  }
  return info.size;
}

/** Reads a UTF-8 text file inside the scope (an import of items, a saved operation), at most 64 MB. */
export async function readTextFile(
  scope: FileScope,
  path: string,
): Promise<{ path: string; text: string; bytes: number }> {
  const real = await resolveInScope(scope, path);
  const size = await regularFile(real, 'a text file');
  if (size > MAX_TEXT_FILE_BYTES) {
    throw new MonotableError(
      'FILE_TOO_LARGE',
      `${real} is ${(size / 1048576).toFixed(1)} MB; text files are read up to ${MAX_TEXT_FILE_BYTES / 1048576} MB.`,
      { file: real, hint: 'Split the file into parts of at most 64 MB and import each.' },
    );
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(real);
  } catch (error) {
    throw fileError(real, error);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new MonotableError('PARSE_ERROR', `${real} is not UTF-8 text.`, {
      file: real,
      hint: 'Save the file as UTF-8 (JSON lines and CSV exports usually are).',
    });
  }
  return { path: real, text: text.startsWith('\uFEFF') ? text.slice(1) : text, bytes: bytes.length };
}

/** Deletes one regular file inside the scope; a missing file is `deleted: false`, a folder is refused. */
export async function deleteFile(scope: FileScope, path: string): Promise<{ path: string; deleted: boolean }> {
  const real = await resolveInScope(scope, path);
  try {
    await regularFile(real, 'a file');
  } catch (error) {
    if (error instanceof MonotableError && error.code === 'FILE_NOT_FOUND') return { path: real, deleted: false };
    throw error;
  }
  try {
    await unlink(real);
  } catch (error) {
    throw fileError(real, error, 'writing');
  }
  return { path: real, deleted: true };
}
