import { MonotableError } from '../errors/monotable-error.js';
import type { Entity, Table } from '../model/schema.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { hashString, seededRandom } from './seeded-random.js';
import type { SeedOptions } from './seed-types.js';

export const DEFAULT_ROOT_COUNT = 10;
export const DEFAULT_PER_PARENT = { min: 1, max: 5 } as const;

/** How many items each entity gets, and for a child how many under each parent item (in parent order). */
export interface EntityPlan {
  entity: Entity;
  entityIndex: number;
  count: number;
  parent?: string;
  /** Children per parent item; length = parent count. Only for children. */
  perParent?: number[];
}

/** The parent of an entity: the entity named by its first `ref` generator (all its refs to it share one parent item). */
export function parentOf(entity: Entity): string | undefined {
  for (const a of entity.attributes) if (a.generator?.kind === 'ref') return a.generator.entity;
  return undefined;
}

/** Entities named by any ref of `entity` (the parent and any other referenced entity): they must be generated first. */
function dependencies(entity: Entity): string[] {
  return [...new Set(entity.attributes.flatMap((a) => (a.generator?.kind === 'ref' ? [a.generator.entity] : [])))];
}

/** Orders entities so every referenced entity comes before the entities that reference it; refuses cycles. */
export function generationOrder(table: Table, tablePath: string): number[] {
  const byName = new Map(table.entities.map((e, i) => [e.name, i]));
  const order: number[] = [];
  const state = new Map<number, 'visiting' | 'done'>();
  const visit = (i: number, chain: string[]): void => {
    if (state.get(i) === 'done') return;
    const entity = table.entities[i]!;
    if (state.get(i) === 'visiting') {
      throw new MonotableError(
        'MODEL_INVALID',
        `The ref generators form a cycle: ${[...chain, entity.name].join(' → ')}.`,
        {
          path: `${tablePath}.entities[${i}]`,
          hint: 'A child refers to its parent; a parent cannot also refer (directly or not) to its child. Use a faker generator for one side.',
        },
      );
    }
    state.set(i, 'visiting');
    for (const dep of dependencies(entity)) {
      const j = byName.get(dep);
      if (j === undefined) {
        const a = entity.attributes.findIndex((x) => x.generator?.kind === 'ref' && x.generator.entity === dep);
        throw new MonotableError(
          'MODEL_INVALID',
          `Entity "${entity.name}" refers to entity "${dep}", which is not in table "${table.name}".`,
          {
            path: `${tablePath}.entities[${i}].attributes[${a}].generator.entity`,
            hint: `Name one of: ${table.entities.map((e) => e.name).join(', ')}.`,
          },
        );
      }
      visit(j, [...chain, entity.name]);
    }
    state.set(i, 'done');
    order.push(i);
  };
  table.entities.forEach((_, i) => visit(i, []));
  return order;
}

function spread(total: number, parents: number): number[] {
  const base = Math.floor(total / parents);
  const extra = total % parents;
  return Array.from({ length: parents }, (_, i) => base + (i < extra ? 1 : 0));
}

/** Counts for every entity, computed before any item is generated, so `planned` is known up front. */
export function planCounts(table: Table, tablePath: string, options: SeedOptions, notes: Diagnostic[]): EntityPlan[] {
  const scale = options.scale ?? 1;
  const seed = options.seed ?? 1;
  for (const name of Object.keys(options.counts ?? {})) {
    if (!table.entities.some((e) => e.name === name)) {
      throw new MonotableError('NOT_FOUND', `--count names entity "${name}", which is not in table "${table.name}".`, {
        hint: `Entities: ${table.entities.map((e) => e.name).join(', ')}.`,
      });
    }
  }
  const counts = new Map<string, number>();
  const plans: EntityPlan[] = [];
  for (const i of generationOrder(table, tablePath)) {
    const entity = table.entities[i]!;
    const explicit = options.counts?.[entity.name];
    const parent = parentOf(entity);
    if (parent === undefined) {
      const count = explicit ?? Math.round((entity.seed?.count ?? DEFAULT_ROOT_COUNT) * scale);
      plans.push({ entity, entityIndex: i, count });
      counts.set(entity.name, count);
      continue;
    }
    const parents = counts.get(parent) ?? 0;
    let perParent: number[];
    if (parents === 0) {
      perParent = [];
      notes.push({
        code: 'seed-no-parents',
        severity: 'warning',
        path: `${tablePath}.entities[${i}]`,
        message: `Entity "${entity.name}" gets no items because its parent "${parent}" has none.`,
        hint: `Give "${parent}" a count.`,
      });
    } else if (explicit !== undefined || (entity.seed?.count !== undefined && entity.seed.perParent === undefined)) {
      perParent = spread(explicit ?? Math.round(entity.seed!.count! * scale), parents);
    } else {
      const range = entity.seed?.perParent ?? DEFAULT_PER_PARENT;
      const lo = Math.min(range.min, range.max);
      const hi = Math.max(range.min, range.max);
      const random = seededRandom(hashString(`${seed}/${table.name}/${entity.name}/per-parent`));
      perParent = Array.from({ length: parents }, () => lo + Math.floor(random() * (hi - lo + 1)));
    }
    const count = perParent.reduce((a, b) => a + b, 0);
    plans.push({ entity, entityIndex: i, count, parent, perParent });
    counts.set(entity.name, count);
  }
  return plans;
}
