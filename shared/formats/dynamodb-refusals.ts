import { MonotableError } from '../errors/monotable-error.js';
import { KEY_TYPES } from '../model/attribute-value.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { formatPath } from '../model/safe-json.js';
import type { Projection } from '../model/schema.js';
import type { JsonPath } from './input-reader.js';

/**
 * What an imported file may say that DynamoDB itself refuses. The importers keep what the user wrote where the model
 * can hold it (and report an error diagnostic naming the DynamoDB rule), and refuse the file where it cannot: they
 * never drop or repair it silently. The codes are the validator's (shared/rules/README.md).
 */
export type KeyTypeName = (typeof KEY_TYPES)[number];

/** A key attribute type: S, N or B, else MODEL_INVALID naming DynamoDB's rule and the JSON path of the value. */
export function keyTypeOrRefuse(value: unknown, path: JsonPath, what: string): KeyTypeName {
  if (typeof value === 'string' && (KEY_TYPES as readonly string[]).includes(value)) return value as KeyTypeName;
  const at = formatPath(path);
  throw new MonotableError(
    'MODEL_INVALID',
    `${what} with a key of type ${JSON.stringify(value)} (key-type-invalid): DynamoDB key attributes are S (string), N (number) or B (binary); CreateTable refuses any other type.`,
    { path: at, hint: 'Give the key attribute the type S, N or B in the file, then import it again.' },
  );
}

/**
 * A projection as written: NonKeyAttributes with a type other than INCLUDE are kept (the validator reports them) and
 * reported here as an error, since CreateTable refuses them.
 */
export function projectionAsWritten(
  type: Projection['type'],
  names: readonly string[] | undefined,
  path: JsonPath,
  notes: Diagnostic[],
): Projection {
  if (type === 'INCLUDE') {
    const listed = [...(names ?? [])];
    const twice = [...new Set(listed.filter((n, i) => listed.indexOf(n) !== i))];
    if (twice.length > 0) {
      notes.push({
        code: 'projection-attribute-duplicate',
        severity: 'error',
        path: formatPath([...path, 'NonKeyAttributes']),
        message: `The INCLUDE projection lists ${twice.map((n) => `"${n}"`).join(', ')} more than once; DynamoDB takes each projected attribute once per index. Kept as written.`,
        hint: 'Remove the repeated names.',
      });
    }
    return { type, nonKeyAttributes: listed };
  }
  if (names === undefined || names.length === 0) return { type };
  notes.push({
    code: 'projection-nonkey-without-include',
    severity: 'error',
    path: formatPath([...path, 'NonKeyAttributes']),
    message: `The ${type} projection lists NonKeyAttributes (${names.join(', ')}); DynamoDB's CreateTable accepts NonKeyAttributes only with ProjectionType INCLUDE and refuses this index. Kept as written.`,
    hint: 'Make the projection INCLUDE (to project these attributes), or remove NonKeyAttributes.',
  });
  return { type, nonKeyAttributes: [...names] };
}
