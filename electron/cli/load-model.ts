import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { MonotableError } from '../../shared/errors/monotable-error.js';
import { importModelText, type ImportedModel } from '../../shared/formats/import-model.js';
import { MAX_FILE_BYTES } from '../../shared/model/safe-json.js';

function errnoCode(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

function unreadable(file: string, error: unknown): MonotableError {
  const code = errnoCode(error);
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    return new MonotableError('FILE_NOT_FOUND', `There is no file ${file}.`, {
      file,
      hint: 'Check the path (relative paths start from the current folder).',
    });
  }
  if (code === 'EACCES' || code === 'EPERM') {
    return new MonotableError('FILE_UNREADABLE', `Permission denied reading ${file}.`, {
      file,
      hint: 'Check the file permissions (chmod u+r) or run as its owner.',
    });
  }
  return new MonotableError('FILE_UNREADABLE', `Cannot read ${file}${code ? ` (${code})` : ''}.`, {
    file,
    hint: 'Check that the path names a readable file.',
  });
}

/**
 * Reads a text file with the guards of a model file: stat first, refuse folders and files over the size cap.
 * `path` is read; `shown` (default `path`) is how messages name it, as the user wrote it.
 */
export async function readModelText(path: string, shown = path): Promise<string> {
  const file = shown;
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    throw unreadable(file, error);
  }
  if (info.isDirectory()) {
    throw new MonotableError('FILE_UNREADABLE', `${file} is a folder, not a file.`, {
      file,
      hint: 'Name the model file inside it, e.g. model.monotable.json.',
    });
  }
  if (!info.isFile()) {
    throw new MonotableError('FILE_UNREADABLE', `${file} is not a regular file.`, {
      file,
      hint: 'Name a model file (devices, sockets and pipes are not read).',
    });
  }
  if (info.size > MAX_FILE_BYTES) {
    throw new MonotableError(
      'FILE_TOO_LARGE',
      `${file} is ${(info.size / 1048576).toFixed(1)} MB; model files are limited to ${MAX_FILE_BYTES / 1048576} MB.`,
      {
        file,
        hint: 'Check that this is the model file; move large sample data out of the model.',
      },
    );
  }
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw unreadable(file, error);
  }
}

/**
 * Loads a Monotable model, a NoSQL Workbench file or a CloudFormation template (detected by content) from `path`
 * (relative to `io.cwd`). Every failure is a MonotableError naming the file; a huge file is refused before it is read.
 */
export async function loadModelFile(path: string, io: { cwd: string }): Promise<ImportedModel & { file: string }> {
  const file = resolve(io.cwd, path);
  const text = await readModelText(file, path);
  return { ...importModelText(text, path), file };
}
