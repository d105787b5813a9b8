import { z } from 'zod';
import { ModelSchema } from '../../model/schema.js';
import { DiagnosticListSchema, EmptyInputSchema } from '../common-schemas.js';
import { defineMethods } from '../define.js';

/** A path as the caller names it: absolute, or relative to the root folder (`app.info`'s `root`). */
const PathSchema = z.string().min(1).max(4096);
/**
 * What the file looked like when it was read or written (a SHA-256 of its bytes). `model.save` compares it with the
 * file on disk to refuse replacing edits made elsewhere since.
 */
const RevisionSchema = z.string().regex(/^[0-9a-f]{64}$/);

const FileEntrySchema = z.strictObject({
  name: z.string(),
  path: z.string(),
  kind: z.enum(['file', 'directory']),
  size: z.number().int().nonnegative(),
  /** ISO 8601 time of the last change. */
  modified: z.string(),
});

/**
 * Model files and the autosave journal. Every path is resolved (`..`, symlinks) and, in browser mode, must lie inside
 * the root folder the server was started in (FORBIDDEN_PATH otherwise).
 */
export const fileMethods = defineMethods({
  'model.open': {
    summary:
      'Read a model file (Monotable, NoSQL Workbench or CloudFormation, by content); errors carry the file and line:column.',
    input: z.strictObject({
      path: PathSchema,
      /** false: leave the recent-files list alone (the CLI reads files without touching the app's list). */
      remember: z.boolean().optional(),
    }),
    output: z.strictObject({
      path: z.string(),
      model: ModelSchema,
      source: z.enum(['monotable', 'workbench', 'cloudformation']),
      notes: DiagnosticListSchema,
      revision: RevisionSchema,
    }),
  },
  'model.save': {
    summary:
      'Write the model in canonical form, atomically, keeping the file mode; refuses a file changed since `revision` unless `force`.',
    input: z.strictObject({
      path: PathSchema,
      model: ModelSchema,
      /** The `revision` from model.open or the last model.save; without it an existing file is not replaced. */
      revision: RevisionSchema.optional(),
      force: z.boolean().optional(),
    }),
    output: z.strictObject({ path: z.string(), bytes: z.number().int().nonnegative(), revision: RevisionSchema }),
  },
  'journal.write': {
    summary: 'Keep the unsaved edits of a model (in the user data folder, never beside the model).',
    input: z.strictObject({ path: PathSchema, model: ModelSchema }),
    output: z.strictObject({ savedAt: z.string() }),
  },
  'journal.read': {
    summary: 'The unsaved edits kept for a model path, or null.',
    input: z.strictObject({ path: PathSchema }),
    output: z.strictObject({ journal: z.strictObject({ model: ModelSchema, savedAt: z.string() }).nullable() }),
  },
  'journal.clear': {
    summary: 'Forget the unsaved edits of a model (after a save or when the user discards them).',
    input: z.strictObject({ path: PathSchema }),
    output: z.strictObject({ cleared: z.boolean() }),
  },
  'file.list': {
    summary: 'The files and folders in a folder (default: the root), for an Open dialog.',
    input: z.strictObject({ dir: PathSchema.optional() }),
    output: z.strictObject({ dir: z.string(), parent: z.string().nullable(), entries: z.array(FileEntrySchema) }),
  },
  'file.recent': {
    summary: 'Recently opened or saved model paths, newest first (only those the caller may open).',
    input: EmptyInputSchema,
    output: z.strictObject({ paths: z.array(z.string()) }),
  },
  'file.writeText': {
    summary:
      'Write a text file (an export) atomically under the root; refuses to replace an existing file unless `force`.',
    input: z.strictObject({
      path: PathSchema,
      text: z.string().max(64 * 1024 * 1024),
      force: z.boolean().optional(),
      /** true: create the missing folders of the path (inside the root), e.g. `cruddur.operations/`. */
      createFolders: z.boolean().optional(),
    }),
    output: z.strictObject({ path: z.string(), bytes: z.number().int().nonnegative() }),
  },
  'file.readText': {
    summary: 'Read a UTF-8 text file under the root (an import, a saved operation); regular files only, at most 64 MB.',
    input: z.strictObject({ path: PathSchema }),
    output: z.strictObject({ path: z.string(), text: z.string(), bytes: z.number().int().nonnegative() }),
  },
  'file.delete': {
    summary: 'Delete one regular file under the root (a saved operation); folders are never deleted.',
    input: z.strictObject({ path: PathSchema }),
    output: z.strictObject({ path: z.string(), deleted: z.boolean() }),
  },
  'app.info': {
    summary: 'Version, mode, the root folder (and whether file access is confined to it) and the file given at start.',
    input: EmptyInputSchema,
    output: z.strictObject({
      version: z.string(),
      mode: z.enum(['browser', 'desktop']),
      root: z.string(),
      confined: z.boolean(),
      initialFile: z.string().optional(),
    }),
  },
});
