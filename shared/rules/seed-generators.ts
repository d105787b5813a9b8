import { seedGraph } from '../seed/seed-graph.js';
import type { RuleContext } from './rule-context.js';
import { didYouMean } from './suggest.js';

/**
 * The seed vocabulary of each table (refs, members, member, aggregates, after, parents, perMember): references to
 * entities and attributes that do not exist, cycles, relations that cannot be generated. The same findings make
 * `planSeed` refuse the model, so what validates also seeds. The codes (`problem('seed-…'` in seed-graph.ts) are listed in README.md.
 */
export function checkSeedGenerators(context: RuleContext): void {
  context.model.tables.forEach((table, t) => {
    const prefix = `$.tables[${t}]`;
    for (const problem of seedGraph(table, prefix).problems) {
      const { unknown, ...found } = problem;
      const message = unknown ? `${found.message}${didYouMean(unknown.name, unknown.candidates)}` : found.message;
      context.diagnostics.push({ ...found, severity: 'error', message });
    }
  });
}
