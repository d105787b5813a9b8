import { type AttributeTypeName, type AttributeValue, typeOf } from '../../../shared/model/attribute-value.js';
import { compareScalars } from '../../../shared/model/compare-values.js';

/** Where each type goes when one column holds values of several types. */
const TYPE_ORDER: Record<AttributeTypeName, number> = {
  S: 0,
  N: 1,
  B: 2,
  BOOL: 3,
  NULL: 4,
  SS: 5,
  NS: 6,
  BS: 7,
  L: 8,
  M: 9,
};

/**
 * Orders two cells of a results column: by type first, then by value (shared/model's DynamoDB order: numbers by
 * their exact value, strings by UTF-8 bytes, binary by bytes; false before true; sets, lists and maps by their
 * DynamoDB JSON text).
 */
export function compareCells(a: AttributeValue, b: AttributeValue): number {
  const scalar = compareScalars(a, b);
  if (scalar !== undefined) return scalar;
  const ta = typeOf(a);
  const tb = typeOf(b);
  if (ta !== tb) return TYPE_ORDER[ta] - TYPE_ORDER[tb];
  if ('BOOL' in a && 'BOOL' in b) return Number(a.BOOL) - Number(b.BOOL);
  if ('NULL' in a) return 0;
  const x = JSON.stringify(a);
  const y = JSON.stringify(b);
  return x < y ? -1 : x > y ? 1 : 0;
}
