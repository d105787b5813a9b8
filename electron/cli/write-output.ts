import { randomBytes } from 'node:crypto';
import { link, lstat, open, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { MonotableError } from '../../shared/errors/monotable-error.js';
import type { CommandIo } from './command.js';

function alreadyExists(path: string): MonotableError {
  return new MonotableError('BAD_INPUT', `${path} already exists.`, {
    file: path,
    hint: 'Choose another name, or add --force to replace it.',
  });
}

function writeError(path: string, error: unknown): MonotableError {
  if (error instanceof MonotableError) return error;
  const code = error instanceof Error && 'code' in error ? String(error.code) : 'unknown error';
  return new MonotableError('FILE_UNREADABLE', `Cannot write ${path} (${code}).`, {
    file: path,
    hint:
      code === 'ENOENT'
        ? 'The folder does not exist; create it first.'
        : 'Check that the folder exists and is writable.',
  });
}

/** What `path` names once symlinks are followed: the file to write, and what is there now. */
interface Target {
  /** The path to write: a symlink's target (so the link stays a link), else the path itself. */
  path: string;
  kind: 'none' | 'file' | 'stream';
  mode?: number;
}

async function targetOf(path: string): Promise<Target> {
  let real = path;
  try {
    real = await realpath(path);
  } catch (error) {
    // A dangling symlink is written through to where it points; a missing file is created.
    const code = error instanceof Error && 'code' in error ? error.code : undefined;
    if (code !== 'ENOENT') throw writeError(path, error);
    try {
      const info = await lstat(path);
      if (info.isSymbolicLink()) {
        const { readlink } = await import('node:fs/promises');
        real = resolve(dirname(path), await readlink(path));
      }
    } catch {
      // nothing there
    }
    return { path: real, kind: 'none' };
  }
  const info = await stat(real);
  if (info.isFile()) return { path: real, kind: 'file', mode: info.mode & 0o7777 };
  if (info.isFIFO() || info.isCharacterDevice()) return { path: real, kind: 'stream' };
  throw new MonotableError(
    'BAD_INPUT',
    `${path} is ${info.isDirectory() ? 'a folder' : 'not a regular file, a pipe or a terminal'}; nothing was written.`,
    { file: path, hint: 'Name a file to write, e.g. out.json.' },
  );
}

/** A finished temp file beside the target, flushed, with the mode the result must have. */
async function prepare(target: Target, text: string, mode: number | undefined): Promise<string> {
  const temp = join(dirname(target.path), `.${basename(target.path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(text, 'utf8');
      // Set explicitly: the mode given to open() is reduced by the umask. An existing file keeps its own mode.
      const wanted = target.mode ?? mode;
      if (wanted !== undefined) await handle.chmod(wanted);
      await handle.sync();
    } finally {
      await handle.close();
    }
    return temp;
  } catch (error) {
    await rm(temp, { force: true });
    throw writeError(target.path, error);
  }
}

/** Publishes a prepared temp file: replaces the target, or (not overwriting) links it only if nothing is there. */
async function publish(temp: string, target: Target, overwrite: boolean, shown: string): Promise<void> {
  try {
    if (overwrite) await rename(temp, target.path);
    else {
      try {
        await link(temp, target.path);
      } catch (error) {
        if (error instanceof Error && 'code' in error && error.code === 'EEXIST') throw alreadyExists(shown);
        throw error;
      }
      await rm(temp, { force: true });
    }
  } catch (error) {
    await rm(temp, { force: true });
    throw writeError(shown, error);
  }
}

export interface OutputFile {
  path: string;
  text: string;
  /** Mode of a new file (an existing file keeps its own). */
  mode?: number;
}

/**
 * Writes files as one: each is prepared as a flushed temp file beside its target first, and only when all are ready
 * are they renamed into place, so a failure leaves the old files, never a new one beside a stale other. A symlink is
 * written through (the link stays); a pipe or a terminal (`/dev/stdout`) is written to directly, never replaced by
 * a regular file; an existing file keeps its mode. With `overwrite: false` an existing file is refused.
 */
export async function writeFilesAtomic(files: readonly OutputFile[], options: { overwrite: boolean }): Promise<void> {
  const targets = await Promise.all(files.map((f) => targetOf(f.path)));
  if (!options.overwrite) {
    const existing = files.find((_, i) => targets[i]!.kind === 'file');
    if (existing) throw alreadyExists(existing.path);
  }
  const prepared: (string | undefined)[] = [];
  try {
    for (const [i, file] of files.entries()) {
      const target = targets[i]!;
      prepared.push(target.kind === 'stream' ? undefined : await prepare(target, file.text, file.mode));
    }
  } catch (error) {
    await Promise.all(prepared.map((t) => (t ? rm(t, { force: true }) : undefined)));
    throw error;
  }
  for (const [i, file] of files.entries()) {
    const target = targets[i]!;
    const temp = prepared[i];
    if (temp === undefined) {
      try {
        await writeFile(target.path, file.text, 'utf8');
      } catch (error) {
        throw writeError(file.path, error);
      }
    } else await publish(temp, target, options.overwrite, file.path);
  }
}

/** One file: see writeFilesAtomic. */
export async function writeFileAtomic(
  path: string,
  text: string,
  options: { overwrite: boolean; mode?: number },
): Promise<void> {
  await writeFilesAtomic([{ path, text, ...(options.mode !== undefined && { mode: options.mode }) }], options);
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
