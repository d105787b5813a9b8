import type { Entity, Model, SeedEntity } from '../model/schema.js';
import type { PathSegment, RuleContext } from './rule-context.js';

/** Entities (and seed-only entities) by name across the model (the first wins; duplicates are reported by checkNames). */
function entitiesByName(model: Model): Map<string, Entity | SeedEntity> {
  const map = new Map<string, Entity | SeedEntity>();
  for (const table of model.tables)
    for (const entity of [...table.entities, ...(table.seedEntities ?? [])])
      if (!map.has(entity.name)) map.set(entity.name, entity);
  return map;
}

/** `ref` generators, type attributes shared between entities, the TTL attribute's type. */
export function checkEntities(context: RuleContext): void {
  const entities = entitiesByName(context.model);
  context.model.tables.forEach((table, t) => {
    const typeValues = new Map<string, string>();
    table.entities.forEach((entity, e) => {
      const path: PathSegment[] = ['tables', t, 'entities', e];
      if (entity.typeAttribute) {
        const id = `${entity.typeAttribute.name}=${entity.typeAttribute.value}`;
        const other = typeValues.get(id);
        if (other) {
          context.report(
            'type-attribute-duplicate-value',
            'warning',
            [...path, 'typeAttribute', 'value'],
            `Entities "${other}" and "${entity.name}" both write ${entity.typeAttribute.name} = "${entity.typeAttribute.value}", so their items cannot be told apart by type.`,
            'Give each entity its own type value.',
          );
        } else typeValues.set(id, entity.name);
      }
      entity.attributes.forEach((attribute, a) => {
        const attributePath = [...path, 'attributes', a];
        if (table.ttlAttribute === attribute.name && attribute.type !== 'N') {
          context.report(
            'ttl-attribute-type',
            'warning',
            [...attributePath, 'type'],
            `"${attribute.name}" is the TTL attribute of table "${table.name}" but has type ${attribute.type}; DynamoDB only expires items whose TTL attribute is a Number (epoch seconds).`,
            'Make it type N with a date-range generator in epoch-seconds format.',
          );
        }
        const generator = attribute.generator;
        if (generator?.kind !== 'ref') return;
        // Unknown entities and attributes are reported with the other seed generators (seed-generators.ts).
        const target = entities.get(generator.entity);
        if (!target) return;
        const targetAttribute = target.attributes.find((x) => x.name === generator.attribute);
        if (!targetAttribute) return;
        if (targetAttribute.type !== attribute.type) {
          context.report(
            'ref-type-mismatch',
            'warning',
            [...attributePath, 'type'],
            `Attribute "${attribute.name}" (${attribute.type}) copies "${generator.entity}.${generator.attribute}", which has type ${targetAttribute.type}.`,
            'Give both attributes the same type.',
          );
        }
      });
    });
  });
}
