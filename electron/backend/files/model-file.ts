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

function decode(bytes: Uint8Array, file: string): string {
  try {
    return utf8.decode(bytes);
  } catch {
    throw new MonotableError('FILE_UNREADABLE', `${file} is not UTF-8 text.`, {
      file,
      hint: 'Model files are UTF-8 JSON (or YAML for CloudFormation); save it as UTF-8 and open it again.',
    });
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
