import { z } from 'zod';
import { FILTER_OPERATORS, SORT_OPERATORS } from '../../../../shared/model/schema.js';

/**
 * An ad hoc Query or Scan kept as a plain JSON file beside the model, `<model>.operations/<name>.json`, so that it
 * diffs in git and travels with the model. The fields are what the Query/Scan builder holds (values as typed text).
 */
export const SavedOperationSchema = z.strictObject({
  format: z.literal('monotable-operation/1'),
  kind: z.enum(['query', 'scan']),
  table: z.string().min(1),
  index: z.string().min(1).optional(),
  partition: z.string().optional(),
  sort: z.strictObject({ operator: z.enum(SORT_OPERATORS), value: z.string(), to: z.string().optional() }).optional(),
  descending: z.boolean().optional(),
  filters: z
    .array(
      z.strictObject({
        attribute: z.string().min(1),
        operator: z.enum(FILTER_OPERATORS),
        value: z.string().optional(),
        to: z.string().optional(),
      }),
    )
    .optional(),
  projection: z.array(z.string().min(1)).optional(),
  limit: z.number().int().positive().optional(),
  consistentRead: z.boolean().optional(),
});
export type SavedOperation = z.infer<typeof SavedOperationSchema>;

/** A saved operation's name: a file name without folders, dots first or characters that differ between systems. */
const NAME = /^[A-Za-z0-9][A-Za-z0-9 _.-]{0,99}$/;

export function savedNameProblem(name: string): string | undefined {
  if (!name) return 'Give the operation a name.';
  if (!NAME.test(name) || name.endsWith('.'))
    return 'Use letters, digits, spaces, "-", "_" or "." (up to 100 characters, starting with a letter or digit).';
  return undefined;
}

/** `/work/m/cruddur.monotable.json` → `/work/m/cruddur.operations` (the folder beside the model file). */
export function operationsFolder(modelPath: string): string {
  const cut = Math.max(modelPath.lastIndexOf('/'), modelPath.lastIndexOf('\\'));
  const dir = modelPath.slice(0, cut + 1);
  const base = modelPath.slice(cut + 1).replace(/(\.monotable)?\.(json|ya?ml)$/i, '');
  return `${dir}${base}.operations`;
}

export function savedOperationPath(modelPath: string, name: string): string {
  const folder = operationsFolder(modelPath);
  return `${folder}${folder.includes('\\') && !folder.includes('/') ? '\\' : '/'}${name}.json`;
}

const ORDER: (keyof SavedOperation)[] = [
  'format',
  'kind',
  'table',
  'index',
  'partition',
  'sort',
  'descending',
  'filters',
  'projection',
  'limit',
  'consistentRead',
];

/** The file text: keys in one fixed order, two-space indent, a final newline (stable diffs). */
export function serializeSavedOperation(operation: SavedOperation): string {
  const ordered: Record<string, unknown> = {};
  for (const key of ORDER) if (operation[key] !== undefined) ordered[key] = operation[key];
  return `${JSON.stringify(ordered, null, 2)}\n`;
}

/** Reads a saved operation's file text, or throws an Error saying what is wrong with it. */
export function parseSavedOperation(text: string): SavedOperation {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new Error(`not JSON: ${(error as Error).message}`);
  }
  const parsed = SavedOperationSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${issue.path.join('.') || 'the file'}: ${issue.message}`);
  }
  return parsed.data;
}
