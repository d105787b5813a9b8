import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { chmod, mkdir, open, rename, rm, stat } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { basename, dirname, join } from 'node:path';
import { MonotableError } from '../../../shared/errors/monotable-error.js';
import { errnoCode } from './errno.js';
import { fileError } from './read-text-file.js';

/** The mode of the file `path` replaces (undefined: none yet) and a fresh temp file name beside it. */
async function replacement(path: string): Promise<{ mode: number | undefined; temp: string }> {
  let mode: number | undefined;
  try {
    mode = (await stat(path)).mode & 0o7777;
  } catch (error) {
    if (errnoCode(error) !== 'ENOENT') throw fileError(path, error, 'writing');
  }
  return { mode, temp: join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`) };
}

/**
 * Replaces `path` with `bytes` atomically: a temp file in the same folder, flushed to disk, given the mode of the
 * file it replaces, then renamed over it. A crash or a full disk leaves either the old file or the new one, never
 * a truncated mix. `path` must already be resolved (no symlink as its last part), so the rename replaces the file
 * itself rather than a link to it.
 */
export async function writeFileAtomic(
  path: string,
  bytes: Uint8Array | string,
  options: { createFolder?: boolean } = {},
): Promise<void> {
  const folder = dirname(path);
  if (options.createFolder)
    await mkdir(folder, { recursive: true }).catch((error) => Promise.reject(fileError(folder, error, 'writing')));
  const { mode, temp } = await replacement(path);
  try {
    const handle = await open(temp, 'wx', mode ?? 0o666);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (mode !== undefined) await chmod(temp, mode); // open's mode is masked by the umask; the old file's is not
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw fileError(path, error, 'writing');
  }
}

/**
 * Like writeFileAtomic, for a file too large to hold: `write` streams into a temp file in the same folder (waiting
 * for it to drain), which is flushed to disk and renamed over `path` only when `write` resolved. A failure, or an
 * abort of `signal`, removes the temp file and leaves whatever was at `path` untouched.
 */
export async function writeStreamAtomic<T>(
  path: string,
  write: (out: Writable) => Promise<T>,
  signal?: AbortSignal,
): Promise<{ value: T; bytes: number }> {
  const { mode, temp } = await replacement(path);
  try {
    const out = createWriteStream(temp, { flags: 'wx', mode: mode ?? 0o666 });
    const abort = () => out.destroy(signal?.reason instanceof Error ? signal.reason : new Error('cancelled'));
    signal?.addEventListener('abort', abort, { once: true });
    let value: T;
    try {
      signal?.throwIfAborted();
      value = await write(out);
      signal?.throwIfAborted();
      out.end();
      await finished(out);
    } finally {
      signal?.removeEventListener('abort', abort);
      if (!out.closed) out.destroy();
    }
    const handle = await open(temp, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (mode !== undefined) await chmod(temp, mode);
    const bytes = (await stat(temp)).size;
    await rename(temp, path);
    return { value, bytes };
  } catch (error) {
    await rm(temp, { force: true });
    if (signal?.aborted) throw signal.reason;
    if (error instanceof MonotableError) throw error;
    throw fileError(path, error, 'writing');
  }
}
