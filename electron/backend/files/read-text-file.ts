import { readFile, stat } from 'node:fs/promises';
import { MonotableError } from '../../../shared/errors/monotable-error.js';
import { MAX_FILE_BYTES } from '../../../shared/model/safe-json.js';
import { errnoCode } from './errno.js';

export function fileError(file: string, error: unknown, doing: 'reading' | 'writing' = 'reading'): MonotableError {
  const code = errnoCode(error);
  if ((code === 'ENOENT' || code === 'ENOTDIR') && doing === 'writing') {
    return new MonotableError('FILE_NOT_FOUND', `Cannot write ${file}: its folder does not exist.`, {
      file,
      hint: 'Choose an existing folder, or create it first.',
    });
  }
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    return new MonotableError('FILE_NOT_FOUND', `There is no file ${file}.`, {
      file,
      hint: 'Check the path and the name.',
    });
  }
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return new MonotableError('FILE_UNREADABLE', `Permission denied ${doing} ${file}.`, {
      file,
      hint: 'Check the permissions of the file and its folder.',
    });
  }
  return new MonotableError(
    'FILE_UNREADABLE',
    `Cannot ${doing === 'reading' ? 'read' : 'write'} ${file} (${code ?? 'unknown error'}).`,
    {
      file,
      hint: 'Check that the path names a regular file and that there is space left.',
    },
  );
}

/** The bytes of a model file, with the guards every model read has: regular files only, size capped before reading. */
export async function readModelBytes(path: string): Promise<Buffer> {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    throw fileError(path, error);
  }
  if (info.isDirectory()) {
    throw new MonotableError('FILE_UNREADABLE', `${path} is a folder, not a file.`, {
      file: path,
      hint: 'Choose the model file inside it, e.g. model.monotable.json.',
    });
  }
  if (!info.isFile()) {
    throw new MonotableError('FILE_UNREADABLE', `${path} is not a regular file.`, {
      file: path,
      hint: 'Choose a model file (devices, sockets and pipes are not read).',
    });
  }
  if (info.size > MAX_FILE_BYTES) {
    throw new MonotableError(
      'FILE_TOO_LARGE',
      `${path} is ${(info.size / 1048576).toFixed(1)} MB; model files are limited to ${MAX_FILE_BYTES / 1048576} MB.`,
      { file: path, hint: 'Check that this is the model file; move large sample data out of the model.' },
    );
  }
  try {
    return await readFile(path);
  } catch (error) {
    throw fileError(path, error);
  }
}
