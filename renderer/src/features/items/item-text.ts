import { type AttributeValue, type Item, typeOf } from '../../../../shared/model/attribute-value.js';
import { ItemSchema } from '../../../../shared/model/attribute-value-schema.js';
import { checkDynamoNumber } from '../../../../shared/model/numbers.js';
import type { KeyAttribute } from '../../../../shared/model/schema.js';

/**
 * Editing a sample item as DynamoDB JSON: the type of every value is written next to it, so an edit can only
 * change a type by saying so. The parser checks what DynamoDB would refuse (numbers, base64, sets, keys) and
 * lists every attribute whose type differs from the item before the edit, for the editor to confirm.
 */

export interface TypeChange {
  attribute: string;
  from: string;
  to: string;
}

export type ParsedItem = { ok: true; item: Item; typeChanges: TypeChange[] } | { ok: false; errors: string[] };

/** The editable text of an item: DynamoDB JSON, two-space indented, attribute order kept. */
export function itemText(item: Item): string {
  return JSON.stringify(item, null, 2);
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

function checkValue(value: AttributeValue, where: string, errors: string[]): void {
  if ('N' in value) {
    const problem = checkDynamoNumber(value.N);
    if (problem) errors.push(`${where}: ${problem}.`);
  } else if ('B' in value) {
    if (!BASE64.test(value.B)) errors.push(`${where}: binary must be base64 text.`);
  } else if ('SS' in value || 'NS' in value || 'BS' in value) {
    const members = 'SS' in value ? value.SS : 'NS' in value ? value.NS : value.BS;
    if (members.length === 0) errors.push(`${where}: a set cannot be empty (DynamoDB refuses empty sets).`);
    if (new Set(members).size !== members.length) errors.push(`${where}: a set cannot hold the same value twice.`);
    if ('NS' in value)
      value.NS.forEach((n, i) => {
        const problem = checkDynamoNumber(n);
        if (problem) errors.push(`${where}[${i}]: ${problem}.`);
      });
    if ('BS' in value)
      value.BS.forEach((b, i) => {
        if (!BASE64.test(b)) errors.push(`${where}[${i}]: binary must be base64 text.`);
      });
  } else if ('L' in value) value.L.forEach((v, i) => checkValue(v, `${where}[${i}]`, errors));
  else if ('M' in value) for (const [k, v] of Object.entries(value.M)) checkValue(v, `${where}.${k}`, errors);
}

/**
 * Parses edited DynamoDB JSON. `keys` are the table's and indexes' key attributes the item must keep with their
 * key types (the table's keys must be present; an index key may be left out, which takes the item out of that
 * sparse index).
 */
export function parseItemText(
  text: string,
  previous: Item,
  keys: { required: KeyAttribute[]; optional: KeyAttribute[] },
): ParsedItem {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { ok: false, errors: [`Not valid JSON: ${(error as Error).message}`] };
  }
  const parsed = ItemSchema.safeParse(raw);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.slice(0, 5).map((issue) => {
        const path = issue.path.join('.');
        return `${path || 'item'}: expected a typed value such as {"S": "text"}, {"N": "42"}, {"SS": ["a"]}, {"BOOL": true}, {"NULL": true}.`;
      }),
    };
  }
  const item = parsed.data;
  const errors: string[] = [];
  for (const [name, value] of Object.entries(item)) checkValue(value, name, errors);
  for (const key of keys.required) {
    const value = item[key.name];
    if (value === undefined) errors.push(`"${key.name}" is the table's key and must be present.`);
    else if (typeOf(value) !== key.type)
      errors.push(`"${key.name}" is a key of type ${key.type}; it cannot be ${typeOf(value)}.`);
  }
  for (const key of keys.optional) {
    const value = item[key.name];
    if (value !== undefined && typeOf(value) !== key.type)
      errors.push(`"${key.name}" is an index key of type ${key.type}; it cannot be ${typeOf(value)}.`);
  }
  if (errors.length) return { ok: false, errors };
  const typeChanges: TypeChange[] = [];
  for (const [name, value] of Object.entries(item)) {
    const before = previous[name];
    if (before !== undefined && typeOf(before) !== typeOf(value))
      typeChanges.push({ attribute: name, from: typeOf(before), to: typeOf(value) });
  }
  return { ok: true, item, typeChanges };
}
