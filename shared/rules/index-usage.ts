import { own, type PathSegment, type RuleContext } from './rule-context.js';
import { didYouMean } from './suggest.js';

/**
 * How entities use the secondary indexes: an index no entity writes stays empty; an entity with a template for
 * only one of an index's two keys never appears in it; INCLUDE names an attribute no entity has.
 */
export function checkIndexUsage(context: RuleContext): void {
  context.model.tables.forEach((table, t) => {
    const attributeNames = new Set<string>();
    for (const entity of table.entities) for (const a of entity.attributes) attributeNames.add(a.name);
    const tableKeys = new Set([table.partitionKey.name, table.sortKey?.name]);
    const indexes = [
      ...(table.globalSecondaryIndexes ?? []).map((gsi, i) => ({
        name: gsi.name,
        keys: [gsi.partitionKey.name, gsi.sortKey?.name],
        projection: gsi.projection,
        path: ['tables', t, 'globalSecondaryIndexes', i] as PathSegment[],
      })),
      ...(table.localSecondaryIndexes ?? []).map((lsi, i) => ({
        name: lsi.name,
        keys: [lsi.sortKey.name],
        projection: lsi.projection,
        path: ['tables', t, 'localSecondaryIndexes', i] as PathSegment[],
      })),
    ];
    for (const index of indexes) {
      const keys = index.keys.filter((k): k is string => k !== undefined);
      let used = false;
      table.entities.forEach((entity, e) => {
        const present = keys.filter((k) => own(entity.keys, k) !== undefined);
        // Table keys have templates in every entity, so only an index-only key shows intent to be in the index.
        const intent = present.some((k) => !tableKeys.has(k));
        if (present.length === keys.length) used = true;
        else if (intent) {
          const missing = keys.filter((k) => own(entity.keys, k) === undefined);
          context.report(
            'entity-index-key-incomplete',
            'warning',
            ['tables', t, 'entities', e, 'keys'],
            `Entity "${entity.name}" has a template for ${present.map((k) => `"${k}"`).join(', ')} but not for ${missing.map((k) => `"${k}"`).join(', ')}, so its items never appear in index "${index.name}" (an item needs every key of an index to be in it).`,
            `Add a template for ${missing.map((k) => `"${k}"`).join(', ')}, or remove the others if the entity should stay out of the index.`,
          );
        }
      });
      if (!used && table.entities.length > 0) {
        context.report(
          'index-unused',
          'warning',
          index.path,
          `No entity has templates for all keys of index "${index.name}" (${keys.join(', ')}), so it stays empty.`,
          'Give the entities that belong in this index templates for its keys, or remove the index.',
        );
      }
      (index.projection.nonKeyAttributes ?? []).forEach((name, i) => {
        if (attributeNames.has(name) || table.entities.length === 0) return;
        context.report(
          'projection-attribute-unknown',
          'warning',
          [...index.path, 'projection', 'nonKeyAttributes', i],
          `Index "${index.name}" projects "${name}", which no entity of table "${table.name}" has.${didYouMean(name, [...attributeNames])}`,
          'Fix the name, or add the attribute to the entities that need it.',
        );
      });
    }
  });
}
