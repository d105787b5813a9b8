import { lstat, realpath } from 'node:fs/promises';
import { basename, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { MonotableError } from '../../../shared/errors/monotable-error.js';
import { errnoCode } from './errno.js';
import type { FileScope } from './file-scope.js';

function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

function forbidden(shown: string, root: string): MonotableError {
  return new MonotableError('FORBIDDEN_PATH', `${shown} is outside the folder Monotable may use (${root}).`, {
    file: shown,
    hint: `Choose a file inside ${root}, or restart \`monotable serve\` with --root set to the folder that holds it.`,
  });
}

/**
 * The real absolute path `path` names (relative paths start at the root): symlinks resolved through the deepest part
 * that exists, the rest (a file about to be created) appended as written. A dangling symlink is refused, since
 * writing through it would create a file wherever it points.
 */
async function realPathOf(absolute: string, shown: string): Promise<string> {
  const missing: string[] = [];
  let current = absolute;
  for (;;) {
    try {
      await lstat(current);
    } catch (error) {
      const code = errnoCode(error);
      if (code !== 'ENOENT' && code !== 'ENOTDIR') throw unreadable(shown, code);
      const parent = resolve(current, '..');
      if (parent === current) return absolute;
      missing.unshift(basename(current));
      current = parent;
      continue;
    }
    try {
      return join(await realpath(current), ...missing);
    } catch (error) {
      throw new MonotableError('FILE_UNREADABLE', `${shown} goes through a link that points nowhere.`, {
        file: shown,
        hint: `Remove or fix the broken link (${errnoCode(error) ?? 'unresolvable'}).`,
      });
    }
  }
}

function unreadable(shown: string, code: string | undefined): MonotableError {
  return new MonotableError('FILE_UNREADABLE', `Cannot look at ${shown} (${code ?? 'unknown error'}).`, {
    file: shown,
    hint: 'Check the permissions of the folders on the way.',
  });
}

/** The real root folder (symlinks resolved), so that comparisons with resolved paths hold. */
export async function realRoot(scope: FileScope): Promise<string> {
  try {
    return await realpath(scope.root);
  } catch (error) {
    throw new MonotableError('FILE_NOT_FOUND', `The root folder ${scope.root} is not there.`, {
      file: scope.root,
      hint: `Start again with a folder that exists (${errnoCode(error) ?? 'unresolvable'}).`,
    });
  }
}

/**
 * Resolves a caller's path against the scope: relative to the root, `..` and symlinks resolved; when the scope is
 * confined, anything that lands outside the root is FORBIDDEN_PATH (the message names the root).
 */
export async function resolveInScope(scope: FileScope, path: string): Promise<string> {
  if (path.includes('\0')) {
    throw new MonotableError('BAD_INPUT', 'A path cannot contain a NUL character.', { path: '$.path' });
  }
  const root = await realRoot(scope);
  const real = await realPathOf(resolve(root, path), path);
  if (scope.confined && !isInside(root, real)) throw forbidden(path, root);
  return real;
}

/** True when `path` (already absolute) resolves inside the scope; never throws. */
export async function isAllowed(scope: FileScope, path: string): Promise<boolean> {
  try {
    await resolveInScope(scope, path);
    return true;
  } catch {
    return false;
  }
}
