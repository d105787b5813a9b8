import type { IndexView } from '../model/indexes.js';
import type { AccessPattern, Entity, Table } from '../model/schema.js';
import { literalPrefix } from '../keys/template.js';
import { parsedTemplate } from '../patterns/pattern-context.js';
import { itemsPerPartition } from './entity-items.js';

/** Items of one entity that a Query reads from one partition. */
export interface PartitionShare {
  entity: Entity;
  items: number;
}

function prefixOf(template: string | undefined): string | undefined {
  if (template === undefined) return undefined;
  try {
    const parsed = parsedTemplate(template);
    return parsed.params.length ? literalPrefix(parsed) : parsed.segments.map((s) => (s.kind === 'literal' ? s.text : '')).join('');
  } catch {
    return undefined;
  }
}

/**
 * What a Query reads: every entity whose items share the partition (same partition template in this view),
 * narrowed by a begins_with on the sort key; `=` on the sort key reads one item; other ranges are counted
 * on the pattern's own entity (an estimate).
 */
export function queryShares(table: Table, entity: Entity, view: IndexView, pattern: AccessPattern | undefined): PartitionShare[] {
  const own = (): PartitionShare[] => [{ entity, items: itemsPerPartition(entity, view.partitionKey.name) }];
  const kc = pattern?.keyCondition;
  const sort = kc?.sort;
  if (sort?.operator === '=') return [{ entity, items: 1 }];
  if (sort && sort.operator !== 'begins_with') return own();
  const partitionTemplate = kc?.partition.value ?? entity.keys[view.partitionKey.name];
  if (partitionTemplate === undefined) return own();
  const sortName = view.sortKey?.name;
  const prefix = sort ? prefixOf(sort.value ?? entity.keys[sort.attribute]) : undefined;
  const shares = table.entities.filter((e) => {
    if (e !== entity && e.keys[view.partitionKey.name] !== partitionTemplate) return false;
    if (sortName && e.keys[sortName] === undefined && !e.attributes.some((a) => a.name === sortName)) return false;
    if (prefix === undefined || !sortName) return true;
    const own = prefixOf(e.keys[sortName]) ?? '';
    return own.startsWith(prefix) || prefix.startsWith(own);
  });
  return (shares.length ? shares : [entity]).map((e) => ({ entity: e, items: itemsPerPartition(e, view.partitionKey.name) }));
}
