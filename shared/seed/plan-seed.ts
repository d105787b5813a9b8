import { Faker, allLocales, base, type LocaleDefinition } from '@faker-js/faker';
import { MonotableError } from '../errors/monotable-error.js';
import type { Model, Table } from '../model/schema.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { planCounts } from './seed-counts.js';
import { compileEntity, formatKey, type KeptValues } from './compile-entity.js';
import type { Item } from '../model/attribute-value.js';
import { hashString } from './seeded-random.js';
import type { ValueContext } from './generate-value.js';
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

/**
 * Plans a seed of one table: counts first (so `planned` is known), then a deterministic stream of items. The same
 * model and options always give byte-identical items (Faker seeded per entity, a fixed reference date).
 */
export function planSeed(model: Model, options: SeedOptions = {}): SeedPlan {
  checkOptions(options);
  const { table, path } = pickTable(model, options.table);
  const seed = options.seed ?? 1;
  const locale = options.locale ?? 'en';
  const chain = localeChain(locale);
  const refDate = new Date(options.refDate ?? DEFAULT_REF_DATE);
  const notes: Diagnostic[] = [];
  const entityPlans = planCounts(table, path, options, notes);
  const referenced = new Map<string, Set<string>>();
  for (const e of table.entities) {
    for (const a of e.attributes) {
      if (a.generator?.kind === 'ref') {
        const set = referenced.get(a.generator.entity) ?? new Set<string>();
        set.add(a.generator.attribute);
        referenced.set(a.generator.entity, set);
      }
    }
  }
  // Compile once up front so that model errors (bad faker paths, templates, dates) surface before anything is written.
  const probe = new Faker({ locale: chain, seed });
  for (const p of entityPlans) compileEntity(probe, table, path, p, referenced.get(p.entity.name));

  const keyNames = table.sortKey ? [table.partitionKey.name, table.sortKey.name] : [table.partitionKey.name];

  function* items(): Generator<PlannedItem> {
    const faker = new Faker({ locale: chain, seed });
    faker.setDefaultRefDate(refDate);
    const kept = new Map<string, KeptValues[]>();
    const seen = new SeenKeys(keyNames.length > 1);
    const [pkName, skName] = [keyNames[0]!, keyNames[1]];
    let ordinal = 0;
    for (const p of entityPlans) {
      faker.seed([seed, hashString(p.entity.name)]);
      const make = compileEntity(faker, table, path, p, referenced.get(p.entity.name));
      const store: KeptValues[] | undefined = referenced.has(p.entity.name) ? [] : undefined;
      if (store) kept.set(p.entity.name, store);
      const pick = (entity: string): KeptValues | undefined => {
        const list = kept.get(entity);
        return list && list.length > 0 ? list[faker.number.int({ min: 0, max: list.length - 1 })] : undefined;
      };
      // One context for the entity, updated per item (make reads it synchronously and keeps no reference).
      const context: ValueContext = { ordinal: 0, parent: undefined, pick };
      const emit = (index: number, parent: KeptValues | undefined): PlannedItem => {
        context.ordinal = index;
        context.parent = parent;
        const made = make(context);
        store?.push(made.kept);
        const planned = new Planned(p.entity.name, ordinal++, made.item, made.key, made.size, keyNames);
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
      if (!p.perParent) {
        for (let i = 0; i < p.count; i++) yield emit(i, undefined);
      } else {
        const parents = kept.get(p.parent!) ?? [];
        let index = 0;
        for (let pi = 0; pi < p.perParent.length; pi++) {
          for (let j = 0; j < p.perParent[pi]!; j++) yield emit(index++, parents[pi]);
        }
      }
    }
  }

  return {
    table: table.name,
    keyNames,
    planned: entityPlans.reduce((sum, p) => sum + p.count, 0),
    counts: entityPlans.map((p) =>
      p.parent
        ? { entity: p.entity.name, count: p.count, parent: p.parent }
        : { entity: p.entity.name, count: p.count },
    ),
    seed,
    locale,
    notes,
    items,
  };
}
