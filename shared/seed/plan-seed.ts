import { Faker, allLocales, base, type LocaleDefinition } from '@faker-js/faker';
import { MonotableError } from '../errors/monotable-error.js';
import type { Model, Table } from '../model/schema.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { planCounts } from './seed-counts.js';
import { compileNode, formatKey, type MadeItem, type NodeMaker } from './compile-entity.js';
import type { Item } from '../model/attribute-value.js';
import { hashString } from './seeded-random.js';
import type { Frame, GenerationScope } from './generate-value.js';
import { seedGraph, type SeedNode, type SeedProblem } from './seed-graph.js';
import { SeenKeys } from './seen-keys.js';
import type { PlannedItem, SeedOptions, SeedPlan } from './seed-types.js';

export const DEFAULT_REF_DATE = '2026-01-01T00:00:00.000Z';

/** A planned item; its key text is only built when someone reads it (reports), not for every item sent. */
class Planned implements PlannedItem {
  problem?: string;
  constructor(
    readonly entity: string,
    readonly ordinal: number,
    readonly item: Item,
    readonly key: Item,
    readonly size: number,
    private readonly keyNames: readonly string[],
  ) {}

  get keyText(): string {
    return formatKey(this.keyNames, this.key);
  }
}

function pickTable(model: Model, name: string | undefined): { table: Table; path: string } {
  if (name !== undefined) {
    const i = model.tables.findIndex((t) => t.name === name);
    if (i < 0)
      throw new MonotableError('NOT_FOUND', `The model has no table "${name}".`, {
        hint: `Tables: ${model.tables.map((t) => t.name).join(', ') || '(none)'}.`,
      });
    return { table: model.tables[i]!, path: `$.tables[${i}]` };
  }
  if (model.tables.length !== 1) {
    throw new MonotableError(
      model.tables.length === 0 ? 'NOT_FOUND' : 'AMBIGUOUS',
      model.tables.length === 0
        ? 'The model has no tables to seed.'
        : `The model has ${model.tables.length} tables; say which one to seed.`,
      {
        hint:
          model.tables.length === 0
            ? 'Add a table with entities first.'
            : `Pass --table with one of: ${model.tables.map((t) => t.name).join(', ')}.`,
      },
    );
  }
  return { table: model.tables[0]!, path: '$.tables[0]' };
}

function localeChain(locale: string): LocaleDefinition[] {
  const definitions = allLocales as Record<string, LocaleDefinition>;
  if (!Object.hasOwn(definitions, locale)) {
    throw new MonotableError('BAD_INPUT', `"${locale}" is not a faker locale.`, {
      hint: 'Use a faker locale name such as en, en_US, de, fr, ja, pt_BR or zh_CN.',
    });
  }
  const chain = [definitions[locale]!];
  if (locale !== 'en') chain.push(definitions.en!);
  chain.push(base);
  return chain;
}

function checkOptions(options: SeedOptions): void {
  const bad = (what: string, hint: string): never => {
    throw new MonotableError('BAD_INPUT', what, { hint });
  };
  if (options.scale !== undefined && !(Number.isFinite(options.scale) && options.scale >= 0))
    bad(`Scale ${options.scale} is not a number ≥ 0.`, 'Pass --scale 2 for twice the items, 0.5 for half.');
  for (const [entity, n] of Object.entries(options.counts ?? {})) {
    if (!Number.isInteger(n) || n < 0)
      bad(`Count ${n} for "${entity}" is not a whole number ≥ 0.`, 'Pass --count ENTITY=N, e.g. --count Message=500.');
  }
  if (options.seed !== undefined && !Number.isInteger(options.seed))
    bad(`Seed ${options.seed} is not a whole number.`, 'Pass --seed 42.');
  if (options.refDate !== undefined && Number.isNaN(new Date(options.refDate).getTime()))
    bad(`"${options.refDate}" is not a date.`, 'Give an ISO 8601 date.');
}

function modelError(problem: SeedProblem): MonotableError {
  return new MonotableError('MODEL_INVALID', problem.message, { path: problem.path, hint: problem.hint });
}

/**
 * Plans a seed of one table: counts first (so `planned` is known), then a deterministic stream of items. The same
 * model and options always give byte-identical items (Faker seeded per entity, a fixed reference date).
 *
 * Items are generated depth-first: an item's own values, then the children it aggregates over (emitted as they
 * come), then the item itself, then its other children. So only the items on the current path are held (plus every
 * item of the entities others pick from at random, such as the users of a conversation).
 */
/**
 * The most items one plan generates (written and seed-only together). The duplicate-key check keeps 12 bytes per key
 * in typed arrays indexed by 32-bit ordinals; 100 million items (~2.4 GB with its growth headroom) is the bound
 * it can promise, so a larger count or scale is refused before anything is generated, never an error hours in.
 */
export const MAX_PLANNED_ITEMS = 100_000_000;

function checkPlannable(counts: readonly (readonly [string, number])[]): void {
  let total = 0;
  for (const [entity, count] of counts) {
    if (!Number.isSafeInteger(count) || count < 0)
      throw new MonotableError(
        'BAD_INPUT',
        `The seed plans ${count} items of "${entity}", which is not a count that can be planned.`,
        {
          hint: `Use a smaller --scale or --count (at most ${MAX_PLANNED_ITEMS.toLocaleString('en-US')} items in all).`,
        },
      );
    total += count;
  }
  if (total > MAX_PLANNED_ITEMS)
    throw new MonotableError(
      'BAD_INPUT',
      `The seed would generate ${total.toLocaleString('en-US')} items; one seed plans at most ${MAX_PLANNED_ITEMS.toLocaleString('en-US')}.`,
      { hint: 'Use a smaller --scale or --count.' },
    );
}

export function planSeed(model: Model, options: SeedOptions = {}): SeedPlan {
  checkOptions(options);
  const { table, path } = pickTable(model, options.table);
  const seed = options.seed ?? 1;
  const locale = options.locale ?? 'en';
  const chain = localeChain(locale);
  const refDate = new Date(options.refDate ?? DEFAULT_REF_DATE);
  const notes: Diagnostic[] = [];
  const graph = seedGraph(table, path);
  if (graph.problems.length > 0) throw modelError(graph.problems[0]!);
  const counts = planCounts(table, graph, options, notes);
  checkPlannable(graph.order.map((n) => [n.name, counts.get(n)!.count] as const));
  const noPools: GenerationScope = { pool: () => [] };
  // Compile once up front so that model errors (bad faker paths, templates, dates) surface before anything is written.
  const probe = new Faker({ locale: chain, seed });
  for (const node of graph.order) compileNode(probe, table, node, noPools);

  const keyNames = table.sortKey ? [table.partitionKey.name, table.sortKey.name] : [table.partitionKey.name];
  const written = graph.order.filter((n) => n.entity !== undefined);

  function* items(): Generator<PlannedItem> {
    const pools = new Map<string, Item[]>([...graph.poolTargets].map((name) => [name, []]));
    const scope: GenerationScope = { pool: (entity) => pools.get(entity) ?? [] };
    const makers = new Map<SeedNode, NodeMaker>();
    for (const node of graph.order) {
      const faker = new Faker({ locale: chain });
      faker.seed([seed, hashString(node.name)]);
      faker.setDefaultRefDate(refDate);
      makers.set(node, compileNode(faker, table, node, scope));
    }
    const ordinals = new Map<SeedNode, number>(graph.order.map((n) => [n, 0]));
    const seen = new SeenKeys(keyNames.length > 1);
    const [pkName, skName] = [keyNames[0]!, keyNames[1]];
    let ordinal = 0;

    const emit = (node: SeedNode, made: MadeItem): PlannedItem => {
      const planned = new Planned(node.name, ordinal++, made.item, made.key, made.size, keyNames);
      if (made.problem) planned.problem = made.problem;
      else {
        const first = seen.firstOrdinal(
          made.key[pkName],
          skName === undefined ? undefined : made.key[skName],
          planned.ordinal,
        );
        if (first !== undefined)
          planned.problem = `duplicate primary key: item #${first} of the plan has the same key (DynamoDB refuses a batch that writes one key twice)`;
      }
      return planned;
    };

    /** Finishes a started item: children it aggregates over, the item, then its other children. */
    function* complete(node: SeedNode, frame: Frame): Generator<PlannedItem> {
      for (const child of node.before) yield* childrenOf(child, frame);
      const made = makers.get(node)!.finish(frame);
      frame.parent?.aggregates?.add(node.name, frame.item);
      // Roots that others pick from joined their pool when started.
      if (node.parent !== undefined) pools.get(node.name)?.push(frame.item);
      if (node.entity) yield emit(node, made);
      for (const child of node.after) yield* childrenOf(child, frame);
    }

    function* childrenOf(node: SeedNode, parent: Frame): Generator<PlannedItem> {
      const plan = counts.get(node)!;
      const n = plan.perItem ?? plan.perParent![parent.ordinal] ?? 0;
      const maker = makers.get(node)!;
      const leaf = node.children.length === 0;
      for (let j = 0; j < n; j++) {
        const ordinalOfNode = ordinals.get(node)!;
        ordinals.set(node, ordinalOfNode + 1);
        const frame = maker.start(parent, ordinalOfNode, plan.perItem === undefined ? undefined : j);
        if (!leaf) {
          yield* complete(node, frame);
          continue;
        }
        // Leaves (most items): no nested generator per item.
        const made = maker.finish(frame);
        parent.aggregates?.add(node.name, frame.item);
        pools.get(node.name)?.push(frame.item);
        if (node.entity) yield emit(node, made);
      }
    }

    const roots = graph.order.filter((n) => n.parent === undefined);
    // Roots others pick from are started in full first, so every item can pick any of them.
    const started = new Map<SeedNode, Frame[]>();
    for (const root of roots) {
      const pool = pools.get(root.name);
      if (!pool) continue;
      const frames: Frame[] = [];
      const maker = makers.get(root)!;
      for (let i = 0; i < counts.get(root)!.count; i++) {
        const frame = maker.start(undefined, i, undefined);
        frames.push(frame);
        pool.push(frame.item);
      }
      started.set(root, frames);
    }
    for (const root of roots) {
      const frames = started.get(root);
      const maker = makers.get(root)!;
      const n = counts.get(root)!.count;
      for (let i = 0; i < n; i++) yield* complete(root, frames ? frames[i]! : maker.start(undefined, i, undefined));
      started.delete(root);
    }
  }

  return {
    table: table.name,
    keyNames,
    keyTypes: table.sortKey ? [table.partitionKey.type, table.sortKey.type] : [table.partitionKey.type],
    planned: written.reduce((sum, n) => sum + counts.get(n)!.count, 0),
    counts: written.map((n) =>
      n.parent
        ? { entity: n.name, count: counts.get(n)!.count, parent: n.parent.name }
        : { entity: n.name, count: counts.get(n)!.count },
    ),
    seed,
    locale,
    notes,
    items,
  };
}
