import { MonotableError } from '../errors/monotable-error.js';
import { parseUntrustedJson } from './safe-json.js';
import { describeZodIssues } from './zod-issues.js';
import { MODEL_FORMAT, ModelSchema, type Model } from './schema.js';

/** Checks an already parsed value against the model schema. */
export function modelFromValue(value: unknown, file?: string): Model {
  const where = file ? { file } : {};
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const format = (value as Record<string, unknown>).format;
    const match = typeof format === 'string' ? /^monotable\/(\d+)$/.exec(format) : null;
    if (match && Number(match[1]) > 1) {
      throw new MonotableError(
        'FUTURE_FORMAT',
        `This model was written by a newer Monotable (format ${format}); this version reads ${MODEL_FORMAT}.`,
        {
          ...where,
          path: '$.format',
          hint: 'Upgrade Monotable to open it.',
        },
      );
    }
  }
  const result = ModelSchema.safeParse(value);
  if (!result.success) {
    const issues = describeZodIssues(result.error);
    const first = issues[0]!;
    throw new MonotableError(
      'SCHEMA_ERROR',
      `Not a valid Monotable model: ${first.path}: ${first.message}${issues.length > 1 ? ` (and ${issues.length - 1} more)` : ''}`,
      {
        ...where,
        path: first.path,
        issues,
        hint: 'Fix the fields named above; the JSON Schema in schema/monotable.schema.json lists every field.',
      },
    );
  }
  return result.data;
}

/** Parses a model file's text: safe JSON, then the schema. Throws MonotableError with file and path. */
export function parseModel(text: string, file?: string): Model {
  return modelFromValue(parseUntrustedJson(text, file), file);
}
