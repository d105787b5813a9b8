import type { Diagnostic } from '../model/diagnostic.js';
import type { Table } from '../model/schema.js';
import { seedGraph } from '../seed/seed-graph.js';
import { EntityCache } from './entity-cache.js';
import type { RuleContext } from './rule-context.js';
import { didYouMean } from './suggest.js';

/**
 * What a table's seed graph reads: the table's name and path, and each entity's and seed entity's name, attributes
 * and seed settings, in order (not the key templates or sample items, so typing in a template finds the same list).
 */
function seedDependencies(table: Table, prefix: string): unknown[] {
  // the count tells an entity from a seed entity with the same parts
  const dependencies: unknown[] = [prefix, table.name, table.entities.length];
  for (const e of table.entities) dependencies.push(e.name, e.attributes, e.seed);
  for (const e of table.seedEntities ?? []) dependencies.push(e.name, e.attributes, e.seed);
  return dependencies;
}

/** The findings of a table's seed graph, reused while everything it reads is the same objects. */
const seedCache = new EntityCache<Diagnostic[]>();

/**
 * The seed vocabulary of each table (refs, members, member, aggregates, after, parents, perMember): references to
 * entities and attributes that do not exist, cycles, relations that cannot be generated. The same findings make
 * `planSeed` refuse the model, so what validates also seeds. The codes (`problem('seed-…'` in seed-graph.ts) are listed in README.md.
 */
export function checkSeedGenerators(context: RuleContext): void {
  context.model.tables.forEach((table, t) => {
    const prefix = `$.tables[${t}]`;
    const key = table.entities[0]?.attributes ?? table.seedEntities?.[0]?.attributes ?? table;
    const found = seedCache.get(key, seedDependencies(table, prefix), () =>
      seedGraph(table, prefix).problems.map((problem): Diagnostic => {
        const { unknown, ...rest } = problem;
        const message = unknown ? `${rest.message}${didYouMean(unknown.name, unknown.candidates)}` : rest.message;
        return { ...rest, severity: 'error', message };
      }),
    );
    context.diagnostics.push(...found);
  });
}
