import { lstat, writeFile } from 'node:fs/promises';
import { MonotableError } from '../../../shared/errors/monotable-error.js';
import { writeFileAtomic } from './atomic-write.js';
import { errnoCode } from './errno.js';
import { fileError } from './read-text-file.js';
import type { FileScope } from './file-scope.js';
import { resolveInScope } from './root-path.js';

/**
 * Writes an export (CreateTable JSON, CloudFormation, code) as UTF-8 text, atomically, inside the scope. An existing
 * file is replaced only with `force`, so an export never overwrites a file by surprise.
 */
export async function writeTextFile(
  scope: FileScope,
  request: { path: string; text: string; force?: boolean | undefined },
): Promise<{ path: string; bytes: number }> {
  const real = await resolveInScope(scope, request.path);
  let exists = false;
  try {
    const stats = await lstat(real);
    if (stats.isDirectory())
      throw new MonotableError('BAD_INPUT', `${real} is a folder, not a file.`, {
        file: real,
        hint: 'Add a file name, e.g. cruddur-messages.create-table.json.',
      });
    if (stats.isFIFO() || stats.isCharacterDevice()) {
      // A pipe or a terminal is written to, never replaced by a regular file.
      const bytes = Buffer.from(request.text, 'utf8');
      await writeFile(real, bytes).catch((error: unknown) => Promise.reject(fileError(real, error, 'writing')));
      return { path: real, bytes: bytes.length };
    }
    if (!stats.isFile())
      throw new MonotableError('BAD_INPUT', `${real} is not a regular file; nothing was written.`, {
        file: real,
        hint: 'Name a file to write, e.g. cruddur-messages.create-table.json.',
      });
    exists = true;
  } catch (error) {
    if (error instanceof MonotableError) throw error;
    if (errnoCode(error) !== 'ENOENT') throw error;
  }
  if (exists && !request.force) {
    throw new MonotableError('FILE_CHANGED', `${real} already exists.`, {
      file: real,
      hint: 'Choose another name, or save again with "Replace" to overwrite it.',
    });
  }
  const bytes = Buffer.from(request.text, 'utf8');
  await writeFileAtomic(real, bytes);
  return { path: real, bytes: bytes.length };
}
