import { MonotableError } from '../errors/monotable-error.js';
import { parseUntrustedJson } from './safe-json.js';
import { describeZodIssues } from './zod-issues.js';
import { MODEL_FORMAT, ModelSchema, type Model } from './schema.js';

/** The models modelFromValue returned: ModelSchema's own output, whose shape the schema guarantees. */
const schemaParsed = new WeakSet<object>();

/**
 * True when `value` is a model that `modelFromValue` returned (ModelSchema's parse output). Models are immutable once
 * parsed (an edit makes new objects), so such a value still has the schema's shape: the api dispatcher does not parse
 * it a second time when a handler returns it (electron/backend/api/dispatcher.ts).
 */
export function isSchemaParsedModel(value: unknown): value is Model {
  return typeof value === 'object' && value !== null && schemaParsed.has(value);
}

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
  schemaParsed.add(result.data);
  return result.data;
}

/** Parses a model file's text: safe JSON, then the schema. Throws MonotableError with file and path. */
export function parseModel(text: string, file?: string): Model {
  return modelFromValue(parseUntrustedJson(text, file), file);
}
