import { isBareParameter, isConstant, literalPrefix, matchTemplate, type KeyTemplate } from '../keys/template.js';
import type { Entity, Table } from '../model/schema.js';
import { EntityCache, ReportRecorder, replay, type RecordedReport } from './entity-cache.js';
import { own, type Reporter, type RuleContext } from './rule-context.js';

/** Could two templates render the same text? False only when their literal prefixes or suffixes rule it out. */
export function templatesMayOverlap(a: KeyTemplate, b: KeyTemplate): boolean {
  if (isConstant(a) && isConstant(b)) return a.source === b.source;
  if (isConstant(a)) return matchTemplate(b, literalPrefix(a)) !== undefined;
  if (isConstant(b)) return matchTemplate(a, literalPrefix(b)) !== undefined;
  const pa = literalPrefix(a);
  const pb = literalPrefix(b);
  if (!pa.startsWith(pb) && !pb.startsWith(pa)) return false;
  const sa = literalSuffix(a);
  const sb = literalSuffix(b);
  return sa.endsWith(sb) || sb.endsWith(sa);
}

function literalSuffix(t: KeyTemplate): string {
  const s = t.segments[t.segments.length - 1]!;
  return s.kind === 'literal' ? s.text : '';
}

/** Could every key template of one entity render the same text as the other's (same key order)? No closure per pair. */
function allMayOverlap(a: readonly KeyTemplate[], b: readonly KeyTemplate[]): boolean {
  for (let k = 0; k < a.length; k++) if (!templatesMayOverlap(a[k]!, b[k]!)) return false;
  return true;
}

const names = (list: readonly string[]): string =>
  list.length <= 5
    ? list.map((n) => `"${n}"`).join(', ')
    : `${list
        .slice(0, 5)
        .map((n) => `"${n}"`)
        .join(', ')} and ${list.length - 5} more`;

/**
 * The pairs of entities whose first key templates have literal prefixes of which one starts with the other: the only
 * pairs that may overlap (templatesMayOverlap needs that of every key, constant templates included, whose prefix is
 * their whole text). Found in a sorted list, where every prefix is followed by the prefixes that start with it, so a
 * table of 200 entities with distinct prefixes costs a sort instead of 19,900 comparisons.
 */
function prefixRelatedPairs(templates: readonly KeyTemplate[][]): [number, number][] {
  const prefixes = templates.map((t) => literalPrefix(t[0]!));
  const order = prefixes
    .map((_, i) => i)
    .sort((a, b) => (prefixes[a]! < prefixes[b]! ? -1 : prefixes[a]! > prefixes[b]! ? 1 : a - b));
  const pairs: [number, number][] = [];
  for (let s = 0; s < order.length; s++) {
    const prefix = prefixes[order[s]!]!;
    for (let t = s + 1; t < order.length && prefixes[order[t]!]!.startsWith(prefix); t++)
      pairs.push([order[s]!, order[t]!]);
  }
  return pairs;
}

/**
 * For each entity j, the entities i < j whose key templates may render the same primary key, in ascending order.
 * Only pairs with related partition-key prefixes are compared, so every run (a keystroke in a key template is one)
 * costs a sort of the prefixes and the comparisons of the related pairs, not a walk over all n² pairs.
 */
function overlappingPairs(templates: readonly KeyTemplate[][]): Map<number, number[]> {
  const colliding = new Map<number, number[]>();
  for (const [a, b] of prefixRelatedPairs(templates)) {
    if (!allMayOverlap(templates[a]!, templates[b]!)) continue; // symmetric: either order gives the same answer
    const i = Math.min(a, b);
    const j = Math.max(a, b);
    const earlier = colliding.get(j);
    if (earlier) earlier.push(i);
    else colliding.set(j, [i]);
  }
  colliding.forEach((earlier) => earlier.sort((x, y) => x - y));
  return colliding;
}

/**
 * Entities of one table whose primary-key templates could render the same key. Entities whose every table-key
 * template is a bare parameter (`{PK}`, typical of imported Workbench facets) are free-form: one info for the
 * table instead of a warning for every pair.
 */
function checkTableCollisions(context: Reporter, table: Table): void {
  const keyNames = [table.partitionKey.name, ...(table.sortKey ? [table.sortKey.name] : [])];
  const shapes: { entity: Entity; e: number; templates: KeyTemplate[] }[] = [];
  const freeForm: string[] = [];
  table.entities.forEach((entity, e) => {
    const templates: KeyTemplate[] = [];
    for (const name of keyNames) {
      const source = own(entity.keys, name);
      const parsed = source === undefined ? undefined : context.template(source);
      if (!parsed?.ok) return;
      templates.push(parsed.template);
    }
    if (templates.every(isBareParameter)) freeForm.push(entity.name);
    else shapes.push({ entity, e, templates });
  });
  if (freeForm.length > 1) {
    context.report(
      'entity-keys-free-form',
      'info',
      ['entities'],
      `Entities ${names(freeForm)} of table "${table.name}" take their primary keys verbatim from attributes, so nothing in the key tells them apart and their keys can collide.`,
      'Give each entity key templates with its own literal prefix (e.g. "CUSTOMER#{customer_id}") so keys stay distinct and begins_with queries can select one entity.',
    );
  }
  const overlapping = overlappingPairs(shapes.map((shape) => shape.templates));
  for (let j = 1; j < shapes.length; j++) {
    const earlier = overlapping.get(j);
    if (!earlier) continue;
    const b = shapes[j]!;
    const colliding = earlier.map((i) => shapes[i]!.entity.name);
    const describe = keyNames.map((n, k) => `${n} "${b.templates[k]!.source}"`).join(', ');
    context.report(
      'entity-key-collision',
      'warning',
      ['entities', b.e, 'keys'],
      `Entity "${b.entity.name}" (${describe}) can produce the same primary key as ${names(colliding)}, so one item could overwrite another.`,
      `Start the key templates of each entity with its own literal, e.g. "${b.entity.name.toUpperCase()}#".`,
    );
  }
}

/**
 * The findings of a table, reused while its name, key names and every entity's name and keys object stay the
 * same (in order): comparing all pairs of entities is quadratic, and most edits touch neither.
 */
const collisionCache = new EntityCache<RecordedReport[]>();

/** Entities of the same table whose primary keys can collide. */
export function checkKeyCollisions(context: RuleContext): void {
  context.model.tables.forEach((table, t) => {
    const dependencies: unknown[] = [table.name, table.partitionKey.name, table.sortKey?.name];
    for (const entity of table.entities) dependencies.push(entity.name, entity.keys);
    const reports = collisionCache.get(table.entities[0]?.keys ?? table, dependencies, () => {
      const recorder = new ReportRecorder();
      checkTableCollisions(recorder, table);
      return recorder.reports;
    });
    replay(context, reports, ['tables', t]);
  });
}
