import {
  type AttributeTypeName,
  type AttributeValue,
  type Item,
  typeOf,
} from '../../../../shared/model/attribute-value.js';
import { formatValue } from '../../components/format-value.js';
import { compareScalars } from '../../../../shared/model/compare-values.js';
import { type KeyTemplate, literalPrefix, matchTemplate, tryParseTemplate } from '../../../../shared/keys/template.js';
import type { Table } from '../../../../shared/model/schema.js';

/** The type tag of a value: `{S: 'x'}` → 'S'. */
export const typeTag: (value: AttributeValue) => AttributeTypeName = typeOf;

const MAX_CELL = 300;

/** A value as one line of text, faithful to its type (components/format-value.ts), cut at 300 characters. */
export function displayValue(value: AttributeValue): string {
  const text = formatValue(value);
  return text.length > MAX_CELL ? `${text.slice(0, MAX_CELL)}…` : text;
}

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

/** Orders two cells: missing values last, then by type, then by value (numbers by value, strings by UTF-8 bytes). */
export function compareCells(a: AttributeValue | undefined, b: AttributeValue | undefined): number {
  if (a === undefined || b === undefined) return a === b ? 0 : a === undefined ? 1 : -1;
  const scalar = compareScalars(a, b);
  if (scalar !== undefined) return scalar;
  const ta = typeTag(a);
  const tb = typeTag(b);
  if (ta !== tb) return TYPE_ORDER[ta] - TYPE_ORDER[tb];
  const x = formatValue(a);
  const y = formatValue(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

interface EntityKeys {
  name: string;
  typeAttribute?: { name: string; value: string };
  keys: { attribute: string; template: KeyTemplate }[];
  /** Literal characters in the key templates: the more, the more specific a match. */
  weight: number;
}

function keyString(value: AttributeValue | undefined): string | undefined {
  if (!value) return undefined;
  if ('S' in value) return value.S;
  if ('N' in value) return value.N;
  if ('B' in value) return value.B;
  return undefined;
}

/**
 * Finds an item's entity from the table's key templates (the model is the single source of key formats): the
 * entity whose type attribute the item carries, else the most specific entity whose templates all match the keys.
 */
export function entityDecoder(table: Table | undefined): (item: Item) => string | undefined {
  if (!table) return () => undefined;
  const tableKeys = [table.partitionKey.name, ...(table.sortKey ? [table.sortKey.name] : [])];
  const entities: EntityKeys[] = table.entities.map((e) => {
    const keys = tableKeys.flatMap((attribute) => {
      const source = e.keys[attribute];
      const template = source === undefined ? undefined : tryParseTemplate(source);
      return template ? [{ attribute, template }] : [];
    });
    return {
      name: e.name,
      ...(e.typeAttribute ? { typeAttribute: e.typeAttribute } : {}),
      keys,
      weight: keys.reduce((n, k) => n + literalPrefix(k.template).length, 0),
    };
  });
  entities.sort((a, b) => b.weight - a.weight);
  const cache = new WeakMap<Item, string | null>();
  return (item) => {
    const cached = cache.get(item);
    if (cached !== undefined) return cached ?? undefined;
    let found: string | undefined;
    for (const e of entities) {
      const tagged = e.typeAttribute && item[e.typeAttribute.name];
      if (tagged && 'S' in tagged && tagged.S === e.typeAttribute?.value) {
        found = e.name;
        break;
      }
    }
    if (!found) {
      found = entities.find(
        (e) =>
          e.keys.length > 0 &&
          e.keys.every((k) => {
            const text = keyString(item[k.attribute]);
            return text !== undefined && matchTemplate(k.template, text) !== undefined;
          }),
      )?.name;
    }
    cache.set(item, found ?? null);
    return found;
  };
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
