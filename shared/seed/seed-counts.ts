import { MonotableError } from '../errors/monotable-error.js';
import type { PerParent, Table } from '../model/schema.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { SeedGraph, SeedNode } from './seed-graph.js';
import { hashString, seededRandom } from './seeded-random.js';
import type { SeedOptions } from './seed-types.js';

export const DEFAULT_ROOT_COUNT = 10;
export const DEFAULT_PER_PARENT = { min: 1, max: 5 } as const;
export const DEFAULT_SKEW = 1.2;

/** How many items each entity gets, and for a child how many under each parent item (in parent order). */
export interface NodeCounts {
  count: number;
  /** Children per parent item (length = parent count); for perMember children, `perItem` instead. */
  perParent?: Uint32Array;
  /** perMember children: the same number under every parent item. */
  perItem?: number;
}

function spread(total: number, parents: number): Uint32Array {
  const base = Math.floor(total / parents);
  const extra = total % parents;
  return Uint32Array.from({ length: parents }, (_, i) => base + (i < extra ? 1 : 0));
}

/**
 * Counts drawn from min-max: uniform, or skewed (P(min + k) ∝ 1/(k+1)^s, so most parents get few children and a
 * few get many, like users and their conversations).
 */
function drawCounts(range: PerParent, parents: number, random: () => number): Uint32Array {
  const lo = Math.min(range.min, range.max);
  const hi = Math.max(range.min, range.max);
  if (range.distribution !== 'skewed' || hi === lo)
    return Uint32Array.from({ length: parents }, () => lo + Math.floor(random() * (hi - lo + 1)));
  const s = range.skew ?? DEFAULT_SKEW;
  const cumulative: number[] = [];
  let total = 0;
  for (let k = 0; k <= hi - lo; k++) cumulative.push((total += 1 / (k + 1) ** s));
  return Uint32Array.from({ length: parents }, () => {
    const r = random() * total;
    let k = 0;
    while (k < cumulative.length - 1 && cumulative[k]! <= r) k++;
    return lo + k;
  });
}

/** Counts for every node, computed before any item is generated, so `planned` is known up front. */
export function planCounts(
  table: Table,
  graph: SeedGraph,
  options: SeedOptions,
  notes: Diagnostic[],
): Map<SeedNode, NodeCounts> {
  const scale = options.scale ?? 1;
  const seed = options.seed ?? 1;
  for (const name of Object.keys(options.counts ?? {})) {
    const node = graph.byName.get(name);
    if (!node) {
      throw new MonotableError('NOT_FOUND', `--count names entity "${name}", which is not in table "${table.name}".`, {
        hint: `Entities: ${graph.nodes.map((e) => e.name).join(', ')}.`,
      });
    }
    if (node.seed?.perMember !== undefined) {
      throw new MonotableError(
        'BAD_INPUT',
        `--count cannot set "${name}": it has one item per member of its parent's "${node.seed.perMember}".`,
        { hint: `Set the count of its parent "${node.parent?.name}" instead.` },
      );
    }
  }
  const counts = new Map<SeedNode, NodeCounts>();
  for (const node of graph.order) {
    const explicit = options.counts?.[node.name];
    const parent = node.parent;
    if (!parent) {
      counts.set(node, { count: explicit ?? Math.round((node.seed?.count ?? DEFAULT_ROOT_COUNT) * scale) });
      continue;
    }
    const parents = counts.get(parent)?.count ?? 0;
    const perMember = node.seed?.perMember;
    if (perMember !== undefined) {
      const generator = parent.attributes.find((a) => a.name === perMember)?.generator;
      let perItem = 0;
      if (generator?.kind === 'members') {
        const pool = graph.byName.get(generator.entity);
        const poolSize = pool ? (counts.get(pool)?.count ?? 0) : 0;
        perItem = Math.min(generator.count, poolSize);
      }
      counts.set(node, { count: perItem * parents, perItem });
      continue;
    }
    let perParent: Uint32Array;
    if (parents === 0) {
      perParent = new Uint32Array(0);
      notes.push({
        code: 'seed-no-parents',
        severity: 'warning',
        path: node.path,
        message: `Entity "${node.name}" gets no items because its parent "${parent.name}" has none.`,
        hint: `Give "${parent.name}" a count.`,
      });
    } else if (explicit !== undefined || (node.seed?.count !== undefined && node.seed.perParent === undefined)) {
      perParent = spread(explicit ?? Math.round(node.seed!.count! * scale), parents);
    } else {
      const random = seededRandom(hashString(`${seed}/${table.name}/${node.name}/per-parent`));
      perParent = drawCounts(node.seed?.perParent ?? DEFAULT_PER_PARENT, parents, random);
    }
    let count = 0;
    for (const n of perParent) count += n;
    counts.set(node, { count, perParent });
  }
  return counts;
}
