import { type AttributeTypeName, type AttributeValue, typeOf } from '../../../shared/model/attribute-value.js';

/**
 * Display text of a typed value, faithful to its type: numbers are their stored text (all 38 digits), binary is
 * its base64, sets are written as sets `{a, b}` and lists as lists `[a, b]`, maps as `{name: value}`.
 */
export function formatValue(value: AttributeValue): string {
  if ('S' in value) return value.S;
  if ('N' in value) return value.N;
  if ('B' in value) return value.B;
  if ('BOOL' in value) return value.BOOL ? 'true' : 'false';
  if ('NULL' in value) return 'null';
  if ('SS' in value) return `{${value.SS.map((s) => JSON.stringify(s)).join(', ')}}`;
  if ('NS' in value) return `{${value.NS.join(', ')}}`;
  if ('BS' in value) return `{${value.BS.join(', ')}}`;
  if ('L' in value) return `[${value.L.map(nested).join(', ')}]`;
  return `{${Object.entries(value.M)
    .map(([k, v]) => `${k}: ${nested(v)}`)
    .join(', ')}}`;
}

/** Inside a list or map a string is quoted, so `"1"` and `1` stay distinguishable. */
function nested(value: AttributeValue): string {
  return 'S' in value ? JSON.stringify(value.S) : formatValue(value);
}

export { typeOf };
export type { AttributeTypeName };

/** A short explanation of each type badge, for its title and accessible description. */
export const TYPE_NAMES: Record<AttributeTypeName, string> = {
  S: 'String',
  N: 'Number',
  B: 'Binary (base64)',
  BOOL: 'Boolean',
  NULL: 'Null',
  SS: 'String set',
  NS: 'Number set',
  BS: 'Binary set',
  L: 'List',
  M: 'Map',
};
