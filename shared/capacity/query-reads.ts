import type { IndexView } from '../model/indexes.js';
import type { AccessPattern, Entity, Table } from '../model/schema.js';
import { literalPrefix } from '../keys/template.js';
import { parsedTemplate } from '../patterns/pattern-context.js';
import { itemsPerPartition } from './entity-items.js';
import { keyText } from '../model/compare-values.js';

/** Items of one entity that a Query reads from one partition. */
export interface PartitionShare {
  entity: Entity;
  items: number;
}

function prefixOf(template: string | undefined): string | undefined {
  if (template === undefined) return undefined;
  try {
    const parsed = parsedTemplate(template);
    return parsed.params.length
      ? literalPrefix(parsed)
      : parsed.segments.map((s) => (s.kind === 'literal' ? s.text : '')).join('');
  } catch {
    return undefined;
  }
}

/**
 * What a Query reads: every entity whose items share the partition (same partition template in this view),
 * narrowed by a begins_with on the sort key; `=` on the sort key reads one item; other ranges are counted
 * on the pattern's own entity (an estimate).
 */
export function queryShares(
  table: Table,
  entity: Entity,
  view: IndexView,
  pattern: AccessPattern | undefined,
): PartitionShare[] {
  const own = (): PartitionShare[] => [{ entity, items: itemsPerPartition(entity, view.partitionKey.name) }];
  const kc = pattern?.keyCondition;
  const sort = kc?.sort;
  if (sort?.operator === '=') return [{ entity, items: 1 }];
  if (sort && sort.operator !== 'begins_with') return own();
  const partitionTemplate = kc?.partition.value ?? entity.keys[view.partitionKey.name];
  if (partitionTemplate === undefined) return own();
  const sortName = view.sortKey?.name;
  const prefix = sort ? prefixOf(sort.value ?? entity.keys[sort.attribute]) : undefined;
  const mates = partitionMates(table, view).get(entity);
  const candidates = mates
    ? [...mates]
    : table.entities.filter((e) => e === entity || e.keys[view.partitionKey.name] === partitionTemplate);
  const shares = candidates.filter((e) => {
    if (sortName && e.keys[sortName] === undefined) return false; // not in this index
    if (prefix === undefined || !sortName) return true;
    const own = prefixOf(e.keys[sortName]) ?? '';
    return own.startsWith(prefix) || prefix.startsWith(own);
  });
  return (shares.length ? shares : [entity]).map((e) => ({
    entity: e,
    items: itemsPerPartition(e, view.partitionKey.name),
  }));
}

const matesCache = new WeakMap<Table, Map<string, Map<Entity, Set<Entity>>>>();

/**
 * From the sample items: for each entity, the entities whose items share a partition with its items in this
 * view (itself included). Entities without sample items are absent (the caller falls back to templates).
 */
function partitionMates(table: Table, view: IndexView): Map<Entity, Set<Entity>> {
  let perView = matesCache.get(table);
  if (!perView) matesCache.set(table, (perView = new Map()));
  const viewKey = view.name ?? '';
  let mates = perView.get(viewKey);
  if (mates) return mates;
  const byPartition = new Map<string, Set<Entity>>();
  const partitionsOf = new Map<Entity, Set<string>>();
  for (const entity of table.entities) {
    for (const item of entity.sampleItems ?? []) {
      const value = item[view.partitionKey.name];
      if (!value) continue;
      const key = keyText(value);
      let entities = byPartition.get(key);
      if (!entities) byPartition.set(key, (entities = new Set()));
      entities.add(entity);
      let keys = partitionsOf.get(entity);
      if (!keys) partitionsOf.set(entity, (keys = new Set()));
      keys.add(key);
    }
  }
  mates = new Map();
  for (const [entity, keys] of partitionsOf) {
    const set = new Set<Entity>([entity]);
    for (const key of keys) for (const other of byPartition.get(key)!) set.add(other);
    mates.set(entity, set);
  }
  perView.set(viewKey, mates);
  return mates;
}
