import { MonotableError } from '../../../shared/errors/monotable-error.js';
import { importModelText, type ImportedModel } from '../../../shared/formats/import-model.js';
import type { Model } from '../../../shared/model/schema.js';
import { serializeModel } from '../../../shared/model/serialize-model.js';
import { writeFileAtomic } from './atomic-write.js';
import { errnoCode } from './errno.js';
import type { FileScope } from './file-scope.js';
import { readModelBytes } from './read-text-file.js';
import { rememberRecent } from './recent.js';
import { revisionOf } from './revision.js';
import { resolveInScope } from './root-path.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Byte offset of the first byte sequence that is not UTF-8 (overlongs, surrogates and truncation included). */
export function firstInvalidUtf8(bytes: Uint8Array): number | undefined {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const [n, min, max] =
      b >= 0xc2 && b <= 0xdf
        ? [1, 0x80, 0xbf]
        : b === 0xe0
          ? [2, 0xa0, 0xbf]
          : b === 0xed
            ? [2, 0x80, 0x9f]
            : b >= 0xe1 && b <= 0xef
              ? [2, 0x80, 0xbf]
              : b === 0xf0
                ? [3, 0x90, 0xbf]
                : b === 0xf4
                  ? [3, 0x80, 0x8f]
                  : b >= 0xf1 && b <= 0xf3
                    ? [3, 0x80, 0xbf]
                    : [0, 0, 0];
    if (n === 0) return i;
    for (let k = 1; k <= n; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < (k === 1 ? min : 0x80) || c > (k === 1 ? max : 0xbf)) return i;
    }
    i += n + 1;
  }
  return undefined;
}

function decode(bytes: Uint8Array, file: string): string {
  try {
    return utf8.decode(bytes);
  } catch {
    const offset = firstInvalidUtf8(bytes) ?? 0;
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < offset; i++) {
      if (bytes[i] === 10) {
        line++;
        lineStart = i + 1;
      }
    }
    const byte = bytes[offset]!.toString(16).padStart(2, '0');
    throw new MonotableError(
      'FILE_UNREADABLE',
      `${file} is not UTF-8 text: byte 0x${byte} at offset ${offset} (line ${line}, byte ${offset - lineStart + 1} of the line) is not valid UTF-8.`,
      {
        file,
        path: `${line}:${offset - lineStart + 1}`,
        hint: 'Model files are UTF-8 JSON (or YAML for CloudFormation); save it as UTF-8 and open it again. Nothing was changed.',
      },
    );
  }
}

export interface OpenedModel {
  path: string;
  model: Model;
  source: ImportedModel['kind'];
  notes: ImportedModel['notes'];
  revision: string;
}

/**
 * Reads and imports a model file inside the scope; parse errors name the file and line:column. The path goes to the
 * front of the recent-files list unless `remember` is false.
 */
export async function openModelFile(
  scope: FileScope,
  path: string,
  options: { remember?: boolean | undefined } = {},
): Promise<OpenedModel> {
  const real = await resolveInScope(scope, path);
  const bytes = await readModelBytes(real);
  const { model, kind, notes } = importModelText(decode(bytes, real), real);
  if (options.remember !== false) await rememberRecent(scope, real);
  return { path: real, model, source: kind, notes, revision: revisionOf(bytes) };
}

async function currentRevision(path: string): Promise<string | undefined> {
  try {
    return revisionOf(await readModelBytes(path));
  } catch (error) {
    if (error instanceof MonotableError && error.code === 'FILE_NOT_FOUND') return undefined;
    throw error;
  }
}

export interface SaveRequest {
  path: string;
  model: Model;
  revision?: string | undefined;
  force?: boolean | undefined;
}

/**
 * Writes the model's canonical text atomically (keeping the file's mode). An existing file is replaced only when it
 * still has the `revision` the caller read (or with `force`): edits made elsewhere since are never lost silently.
 */
export async function saveModelFile(
  scope: FileScope,
  request: SaveRequest,
): Promise<{ path: string; bytes: number; revision: string }> {
  if (!/\.json$/i.test(request.path)) {
    throw new MonotableError('BAD_INPUT', `A model is saved as a .json file, not ${request.path}.`, {
      path: '$.path',
      hint: 'Name it like cruddur.monotable.json.',
    });
  }
  const real = await resolveInScope(scope, request.path);
  const onDisk = await currentRevision(real);
  if (onDisk !== undefined && onDisk !== request.revision && !request.force) {
    throw new MonotableError(
      'FILE_CHANGED',
      request.revision ? `${real} changed on disk since it was opened.` : `${real} already exists.`,
      {
        file: real,
        hint: request.revision
          ? 'Open it again to see the other changes, or save with force to replace them with yours.'
          : 'Choose another name, or save with force to replace it.',
      },
    );
  }
  const bytes = Buffer.from(serializeModel(request.model), 'utf8');
  try {
    await writeFileAtomic(real, bytes);
  } catch (error) {
    if (error instanceof MonotableError) throw error;
    throw new MonotableError('FILE_UNREADABLE', `Cannot write ${real} (${errnoCode(error) ?? 'unknown error'}).`, {
      file: real,
    });
  }
  await rememberRecent(scope, real);
  return { path: real, bytes: bytes.length, revision: revisionOf(bytes) };
}
