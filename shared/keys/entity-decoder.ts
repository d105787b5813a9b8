import type { AttributeValue, Item } from '../model/attribute-value.js';
import type { Table } from '../model/schema.js';
import { type KeyTemplate, literalPrefix, matchTemplate, tryParseTemplate } from './template.js';

interface EntityKeys {
  name: string;
  typeAttribute?: { name: string; value: string };
  keys: { attribute: string; template: KeyTemplate }[];
  /** Literal characters in the key templates: the more, the more specific a match. */
  weight: number;
}

export function keyString(value: AttributeValue | undefined): string | undefined {
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
