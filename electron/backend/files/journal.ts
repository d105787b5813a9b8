import { createHash } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { parseUntrustedJson } from '../../../shared/model/safe-json.js';
import { ModelSchema, type Model } from '../../../shared/model/schema.js';
import { writeFileAtomic } from './atomic-write.js';
import { errnoCode } from './errno.js';
import type { FileScope } from './file-scope.js';
import { fileError } from './read-text-file.js';
import { resolveInScope } from './root-path.js';

/**
 * The autosave journal: the unsaved edits of one model, one file per model path in `<data>/journal/` (named by the
 * SHA-256 of the resolved path), replaced atomically on every write. It outlives a crash or a killed server, so the
 * edits can be offered back; it never sits beside the model, where it could end up in the user's git history.
 */
async function journalFile(scope: FileScope, path: string): Promise<{ model: string; file: string }> {
  const model = await resolveInScope(scope, path);
  const name = createHash('sha256').update(model).digest('hex');
  return { model, file: join(scope.dataDir, 'journal', `${name}.json`) };
}

export async function writeJournal(scope: FileScope, path: string, model: Model): Promise<{ savedAt: string }> {
  const where = await journalFile(scope, path);
  const savedAt = new Date().toISOString();
  await writeFileAtomic(where.file, `${JSON.stringify({ path: where.model, savedAt, model })}\n`, {
    createFolder: true,
  });
  return { savedAt };
}

/** The kept edits, or null when there are none (or the journal is damaged: it is a safety net, not the model). */
export async function readJournal(scope: FileScope, path: string): Promise<{ model: Model; savedAt: string } | null> {
  const where = await journalFile(scope, path);
  let text: string;
  try {
    text = await readFile(where.file, 'utf8');
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return null;
    throw fileError(where.file, error);
  }
  try {
    const value = parseUntrustedJson(text, where.file) as { path?: unknown; savedAt?: unknown; model?: unknown };
    const model = ModelSchema.safeParse(value.model);
    if (value.path !== where.model || typeof value.savedAt !== 'string' || !model.success) return null;
    return { model: model.data, savedAt: value.savedAt };
  } catch {
    return null;
  }
}

export async function clearJournal(scope: FileScope, path: string): Promise<{ cleared: boolean }> {
  const where = await journalFile(scope, path);
  try {
    await rm(where.file);
    return { cleared: true };
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return { cleared: false };
    throw fileError(where.file, error, 'writing');
  }
}
