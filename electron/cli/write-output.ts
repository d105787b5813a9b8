import { randomBytes } from 'node:crypto';
import { link, lstat, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { MonotableError } from '../../shared/errors/monotable-error.js';
import type { CommandIo } from './command.js';

async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch {
    return false;
  }
}

function alreadyExists(path: string): MonotableError {
  return new MonotableError('BAD_INPUT', `${path} already exists.`, {
    file: path,
    hint: 'Choose another name, or add --force to replace it.',
  });
}

/** Publishes the finished temp file under `path` only if nothing is there (link fails on an existing name). */
async function linkNew(temp: string, path: string): Promise<void> {
  try {
    await link(temp, path);
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'EEXIST') throw alreadyExists(path);
    throw error;
  }
  await rm(temp, { force: true });
}

/**
 * Writes `text` to `path` atomically: a temp file in the same folder, flushed, then renamed over the target (or
 * linked, when it must not replace an existing file), so a
 * failure never leaves a half-written or truncated file. With `overwrite: false` an existing file is refused.
 */
export async function writeFileAtomic(
  path: string,
  text: string,
  options: { overwrite: boolean; mode?: number },
): Promise<void> {
  if (!options.overwrite && (await exists(path))) throw alreadyExists(path);
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(text, 'utf8');
      // Set explicitly: the mode given to open() is reduced by the umask.
      if (options.mode !== undefined) await handle.chmod(options.mode);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (options.overwrite) await rename(temp, path);
    else await linkNew(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    if (error instanceof MonotableError) throw error;
    const code = error instanceof Error && 'code' in error ? String(error.code) : 'unknown error';
    throw new MonotableError('FILE_UNREADABLE', `Cannot write ${path} (${code}).`, {
      file: path,
      hint:
        code === 'ENOENT'
          ? 'The folder does not exist; create it first.'
          : 'Check that the folder exists and is writable.',
    });
  }
}

/** The output of a verb: stdout, or the file named by -o (relative to the current folder), written atomically. */
export async function writeOutput(
  text: string,
  out: string | undefined,
  io: CommandIo,
  options: { overwrite?: boolean; executable?: boolean } = {},
): Promise<string | undefined> {
  if (out === undefined) {
    io.stdout.write(text);
    return undefined;
  }
  const path = resolve(io.cwd, out);
  await writeFileAtomic(path, text, {
    overwrite: options.overwrite ?? true,
    ...(options.executable ? { mode: 0o755 } : {}),
  });
  return path;
}
