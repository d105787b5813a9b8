import { randomBytes } from 'node:crypto';
import { chmod, mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { errnoCode } from './errno.js';
import { fileError } from './read-text-file.js';

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
  let mode: number | undefined;
  try {
    mode = (await stat(path)).mode & 0o7777;
  } catch (error) {
    if (errnoCode(error) !== 'ENOENT') throw fileError(path, error, 'writing');
  }
  const temp = join(folder, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
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
