import type { AttributeValue, Item } from '../model/attribute-value.js';
import { parseDynamoNumber } from '../model/numbers.js';

/** Number text as DynamoDB returns it: plain decimal, no exponent, no leading or trailing zeros (`1e3` → `1000`). */
export function canonicalNumber(text: string): string {
  const n = parseDynamoNumber(text);
  if (!n) return text;
  if (n.digits === '0') return '0';
  const { digits, exponent } = n;
  let plain: string;
  if (exponent >= digits.length - 1) plain = digits + '0'.repeat(exponent - (digits.length - 1));
  else if (exponent < 0) plain = `0.${'0'.repeat(-exponent - 1)}${digits}`;
  else plain = `${digits.slice(0, exponent + 1)}.${digits.slice(exponent + 1)}`;
  return n.negative ? `-${plain}` : plain;
}

/** Integer text without leading zeros (most numbers, `0|-?[1-9][0-9]*`): already canonical. Scanned without a regex call. */
function isCanonicalInteger(text: string): boolean {
  if (text === '0') return true;
  let i = text.charCodeAt(0) === 45 ? 1 : 0;
  const first = text.charCodeAt(i);
  if (!(first >= 49 && first <= 57)) return false;
  for (i++; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

function normalizeValue(value: AttributeValue): AttributeValue {
  if ('S' in value) return value;
  if ('N' in value) return isCanonicalInteger(value.N) ? value : { N: canonicalNumber(value.N) };
  if ('NS' in value) return { NS: value.NS.map(canonicalNumber) };
  if ('L' in value) return { L: value.L.map(normalizeValue) };
  if ('M' in value) {
    const M: Record<string, AttributeValue> = {};
    for (const [k, v] of Object.entries(value.M)) M[k] = normalizeValue(v);
    return { M };
  }
  return value;
}

/** True when normalizing changes nothing: no number, or only integers already in canonical form. */
function isCanonical(value: AttributeValue): boolean {
  if ('S' in value) return true;
  if ('N' in value) return isCanonicalInteger(value.N);
  if ('NS' in value || 'L' in value || 'M' in value) return false;
  return true;
}

/** A plain copy is the normalized item (an own "__proto__" attribute takes the general path, as before). */
function alreadyCanonical(item: Item): boolean {
  if (Object.hasOwn(item, '__proto__')) return false;
  for (const k in item) if (!Object.hasOwn(item, k) || !isCanonical(item[k]!)) return false;
  return true;
}

/** The item as a DynamoDB read returns it: every number in canonical form (always a new top-level object). */
export function normalizeNumbers(item: Item): Item {
  if (alreadyCanonical(item)) return { ...item };
  const out: Item = {};
  for (const k of Object.keys(item)) out[k] = normalizeValue(item[k]!);
  return out;
}
