import type { AttributeTypeName } from '../../model/attribute-value.js';
import { keyAttributes } from '../../model/indexes.js';
import type { Entity, Table } from '../../model/schema.js';

/** The attributes an item of an entity carries: its keys, its type attribute, then its attributes. */
export interface EntityField {
  name: string;
  type: AttributeTypeName;
  required: boolean;
  description?: string;
}

export function entityFields(table: Table, entity: Entity): EntityField[] {
  const keyTypes = new Map(keyAttributes(table).map((k) => [k.name, k.type]));
  const fields = new Map<string, EntityField>();
  for (const name of Object.keys(entity.keys))
    fields.set(name, { name, type: keyTypes.get(name) ?? 'S', required: true });
  if (entity.typeAttribute)
    fields.set(entity.typeAttribute.name, { name: entity.typeAttribute.name, type: 'S', required: true });
  for (const attribute of entity.attributes) {
    if (fields.has(attribute.name)) continue;
    const field: EntityField = { name: attribute.name, type: attribute.type, required: attribute.required ?? false };
    if (attribute.description !== undefined) field.description = attribute.description;
    fields.set(attribute.name, field);
  }
  return [...fields.values()];
}

/**
 * True when a read returns whole items of the entity: the table, or an index projecting ALL, and no projection
 * expression. (A Query on an index returns only its projected attributes, LSIs included.)
 */
export function returnsWholeItems(
  table: Table,
  indexName: string | undefined,
  projectionExpression: string | undefined,
): boolean {
  if (projectionExpression !== undefined) return false;
  if (indexName === undefined) return true;
  const index = [...(table.globalSecondaryIndexes ?? []), ...(table.localSecondaryIndexes ?? [])].find(
    (i) => i.name === indexName,
  );
  return index === undefined || index.projection.type === 'ALL';
}
