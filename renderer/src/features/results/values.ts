import {
  type AttributeTypeName,
  type AttributeValue,
  type Item,
  typeOf,
} from '../../../../shared/model/attribute-value.js';
import { entityDecoder, keyString } from '../../../../shared/keys/entity-decoder.js';
import { matchTemplate, tryParseTemplate } from '../../../../shared/keys/template.js';
import type { Table } from '../../../../shared/model/schema.js';
import { formatValue } from '../../components/format-value.js';

export { entityDecoder };

/** The type tag of a value: `{S: 'x'}` → 'S'. */
export const typeTag: (value: AttributeValue) => AttributeTypeName = typeOf;

const MAX_CELL = 300;

/** A value as one line of text, faithful to its type (components/format-value.ts), cut at 300 characters. */
export function displayValue(value: AttributeValue): string {
  const text = formatValue(value);
  return text.length > MAX_CELL ? `${text.slice(0, MAX_CELL)}…` : text;
}

/** Parameter values found in items: each key template's parameters decoded, and each scalar attribute. */
export function valuesByName(table: Table | undefined, items: readonly Item[], limit = 50): Map<string, string[]> {
  const out = new Map<string, Set<string>>();
  const add = (name: string, value: string): void => {
    let set = out.get(name);
    if (!set) out.set(name, (set = new Set()));
    if (set.size < limit) set.add(value);
  };
  const decode = entityDecoder(table);
  for (const item of items) {
    for (const [name, value] of Object.entries(item)) {
      const text = keyString(value);
      if (text !== undefined && text.length <= 200) add(name, text);
    }
    const entity = table?.entities.find((e) => e.name === decode(item));
    if (!entity) continue;
    for (const [attribute, source] of Object.entries(entity.keys)) {
      const template = tryParseTemplate(source);
      const text = keyString(item[attribute]);
      if (!template || text === undefined) continue;
      const params = matchTemplate(template, text);
      if (params) for (const [name, value] of Object.entries(params)) add(name, value);
    }
  }
  return new Map([...out].map(([k, v]) => [k, [...v]]));
}
