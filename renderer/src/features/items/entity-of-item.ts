import { matchTemplate, tryParseTemplate, type KeyTemplate } from '../../../../shared/keys/template.js';
import type { AttributeValue, Item } from '../../../../shared/model/attribute-value.js';
import type { Entity, Table } from '../../../../shared/model/schema.js';

/**
 * Which entity an item (a preview row, a copy rather than the model's own object) belongs to: its type attribute
 * when the entity has one, else the entities whose table key templates match its keys, the one sharing the most
 * attribute names first. undefined when none matches.
 */
const parsed = new WeakMap<Entity, Map<string, KeyTemplate | undefined>>();

function templateOf(entity: Entity, key: string): KeyTemplate | undefined {
  let perEntity = parsed.get(entity);
  if (!perEntity) parsed.set(entity, (perEntity = new Map()));
  if (!perEntity.has(key)) {
    const source = entity.keys[key];
    perEntity.set(key, source === undefined ? undefined : tryParseTemplate(source));
  }
  return perEntity.get(key);
}

function scalarText(value: AttributeValue | undefined): string | undefined {
  if (!value) return undefined;
  if ('S' in value) return value.S;
  if ('N' in value) return value.N;
  if ('B' in value) return value.B;
  return undefined;
}

export function entityOfItem(table: Table, item: Item): Entity | undefined {
  for (const entity of table.entities) {
    const type = entity.typeAttribute;
    if (type && scalarText(item[type.name]) === type.value) return entity;
  }
  const keys = [table.partitionKey.name, ...(table.sortKey ? [table.sortKey.name] : [])];
  let best: Entity | undefined;
  let bestScore = -1;
  for (const entity of table.entities) {
    if (entity.typeAttribute) continue;
    const fits = keys.every((key) => {
      const template = templateOf(entity, key);
      const text = scalarText(item[key]);
      return template !== undefined && text !== undefined && matchTemplate(template, text) !== undefined;
    });
    if (!fits) continue;
    let score = 0;
    for (const attribute of entity.attributes) if (item[attribute.name] !== undefined) score++;
    if (score > bestScore) {
      best = entity;
      bestScore = score;
    }
  }
  return best;
}
