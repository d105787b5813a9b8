import type { AttributeValue, Item } from '../../model/attribute-value.js';
import { isObject } from '../input-reader.js';

/**
 * Sample values from Workbench files are DynamoDB-typed JSON, but real files are not always valid: AWS's own
 * GamePlayerProfiles sample has `{"M": {"M": {"HP": {"N": "50"}}}}` (a plain map inside an `M`) and
 * ConnectedVehicles has `{"M": {"is_enabled": true}}` (plain JSON values inside an `M`). Rejecting them would
 * lose the sample data, so each value is converted faithfully: what is valid typed JSON stays as it is, and any
 * other JSON becomes the typed value that holds exactly the same data (text → S, number → N with its exact
 * text, boolean → BOOL, null → NULL, list → L, object → M, recursively). Every repair is reported by path.
 */
export interface TypedResult {
  value: AttributeValue;
  /** Paths (relative to the value) where plain JSON was converted. */
  repairs: string[];
}

const STRING_SETS = new Set(['SS', 'NS', 'BS']);

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

function childPath(path: string, key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}

function typed(raw: unknown, path: string, repairs: string[]): AttributeValue | undefined {
  if (!isObject(raw)) return undefined;
  const keys = Object.keys(raw);
  if (keys.length !== 1) return undefined;
  const tag = keys[0]!;
  const payload = raw[tag];
  switch (tag) {
    case 'S':
    case 'N':
    case 'B':
      return typeof payload === 'string' ? ({ [tag]: payload } as AttributeValue) : undefined;
    case 'BOOL':
      return typeof payload === 'boolean' ? { BOOL: payload } : undefined;
    case 'NULL':
      return payload === true ? { NULL: true } : undefined;
    case 'L':
      return Array.isArray(payload) ? { L: payload.map((v, i) => convert(v, `${path}.L[${i}]`, repairs)) } : undefined;
    case 'M': {
      if (!isObject(payload)) return undefined;
      const out: Record<string, AttributeValue> = {};
      for (const [name, v] of Object.entries(payload)) out[name] = convert(v, childPath(`${path}.M`, name), repairs);
      return { M: out };
    }
    default:
      return STRING_SETS.has(tag) && isStringArray(payload) ? ({ [tag]: [...payload] } as AttributeValue) : undefined;
  }
}

function plain(raw: unknown, path: string, repairs: string[]): AttributeValue {
  if (typeof raw === 'string') return { S: raw };
  if (typeof raw === 'number') return { N: String(raw) };
  if (typeof raw === 'boolean') return { BOOL: raw };
  if (raw === null || raw === undefined) return { NULL: true };
  // Inside plain JSON, plain children are expected: only the outermost repair is reported.
  const child = (v: unknown, p: string): AttributeValue => typed(v, p, repairs) ?? plain(v, p, repairs);
  if (Array.isArray(raw)) return { L: raw.map((v, i) => child(v, `${path}[${i}]`)) };
  const out: Record<string, AttributeValue> = {};
  for (const [name, v] of Object.entries(raw as Record<string, unknown>)) out[name] = child(v, childPath(path, name));
  return { M: out };
}

function convert(raw: unknown, path: string, repairs: string[]): AttributeValue {
  const value = typed(raw, path, repairs);
  if (value) return value;
  repairs.push(path);
  return plain(raw, path, repairs);
}

/** One attribute value; `path` is used in the repair list (e.g. `$.DataModel[0].TableData[3].Reward`). */
export function toAttributeValue(raw: unknown, path: string): TypedResult {
  const repairs: string[] = [];
  const value = convert(raw, path, repairs);
  return { value, repairs };
}

/** A whole item: every attribute converted, repairs collected. */
export function toItem(raw: Record<string, unknown>, path: string): { item: Item; repairs: string[] } {
  const item: Item = {};
  const repairs: string[] = [];
  for (const [name, v] of Object.entries(raw)) {
    const result = toAttributeValue(v, childPath(path, name));
    item[name] = result.value;
    repairs.push(...result.repairs);
  }
  return { item, repairs };
}
