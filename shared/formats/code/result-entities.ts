import { literalPrefix, parseTemplate, tryParseTemplate, type KeyTemplate } from '../../keys/template.js';
import { findIndex } from '../../model/indexes.js';
import type { Entity, Table } from '../../model/schema.js';
import type { ResolvedPattern } from '../../patterns/resolved-pattern.js';

/** The template's shape with parameter names left out: `ORDER#{order_id}` and `ORDER#{id}` have the same shape. */
function shape(template: KeyTemplate): string {
  return template.segments.map((s) => (s.kind === 'literal' ? `L${s.text}` : 'P')).join('\u0000');
}

function templateOf(entity: Entity, attribute: string | undefined): KeyTemplate | undefined {
  const source = attribute === undefined ? undefined : entity.keys[attribute];
  return source === undefined ? undefined : tryParseTemplate(source);
}

/**
 * The entities a Query can return, pattern entity first. In a single-table design one partition often holds
 * several entities (an order and its lines): every entity in the queried index whose partition key template has
 * the shape of the pattern's partition value, less those a begins_with or = sort condition rules out by prefix.
 * Other operations return the pattern's entity.
 */
export function resultEntities(table: Table, resolved: ResolvedPattern): string[] {
  const pattern = table.accessPatterns.find((p) => p.name === resolved.name);
  const own = table.entities.find((e) => e.name === resolved.entity);
  const view = findIndex(table, resolved.indexName);
  if (resolved.operation !== 'Query' || !pattern || !own || !view) return [resolved.entity];
  const kc = pattern.keyCondition;
  const partitionAttribute = kc?.partition.attribute ?? view.partitionKey.name;
  const partition =
    kc?.partition.value !== undefined ? parseTemplate(kc.partition.value) : templateOf(own, partitionAttribute);
  if (!partition) return [resolved.entity];
  const sort = kc?.sort;
  const sortSource =
    sort && (sort.operator === 'begins_with' || sort.operator === '=')
      ? (sort.value ?? own.keys[sort.attribute])
      : undefined;
  const sortPrefix = sortSource === undefined ? undefined : literalPrefix(parseTemplate(sortSource));
  const fits = (entity: Entity): boolean => {
    const candidate = templateOf(entity, partitionAttribute);
    if (!candidate || shape(candidate) !== shape(partition)) return false;
    if (view.sortKey && entity.keys[view.sortKey.name] === undefined) return false;
    if (sortPrefix === undefined || !sort) return true;
    const entitySort = templateOf(entity, sort.attribute);
    if (!entitySort) return false;
    const prefix = literalPrefix(entitySort);
    return prefix.startsWith(sortPrefix) || sortPrefix.startsWith(prefix);
  };
  return [own.name, ...table.entities.filter((e) => e !== own && fits(e)).map((e) => e.name)];
}
