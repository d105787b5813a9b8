import { resolve } from 'node:path';
import { MonotableError, isMonotableError } from '../../shared/errors/monotable-error.js';
import type { ImportedModel } from '../../shared/formats/import-model.js';
import { call } from './api.js';

/** The error as the user should read it: the file named as they typed it, not by its absolute path. */
function asTyped(error: unknown, absolute: string, typed: string): unknown {
  if (!isMonotableError(error) || absolute === typed) return error;
  const details = { ...error.details };
  if (details.file === absolute) details.file = typed;
  return new MonotableError(error.code, error.message.split(absolute).join(typed), details);
}

/**
 * Loads a Monotable model, a NoSQL Workbench file or a CloudFormation template (detected by content) from `path`
 * (relative to `io.cwd`) through `model.open`, the one reader of model files (size cap before reading, regular files
 * only, UTF-8, safe JSON); the app's recent-files list is left alone. Every failure is a MonotableError naming the
 * file as the user wrote it.
 */
export async function loadModelFile(path: string, io: { cwd: string }): Promise<ImportedModel & { file: string }> {
  const absolute = resolve(io.cwd, path);
  try {
    const opened = await call('model.open', { path: absolute, remember: false });
    return { model: opened.model, kind: opened.source, notes: opened.notes, file: opened.path };
  } catch (error) {
    throw asTyped(error, absolute, path);
  }
}
