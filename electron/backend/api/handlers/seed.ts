import type { Contract } from '../../../../shared/api/contract.js';
import { MonotableError } from '../../../../shared/errors/monotable-error.js';
import { planSeed } from '../../../../shared/seed/plan-seed.js';
import type { SeedOptions } from '../../../../shared/seed/seed-types.js';
import { getConnection } from '../../connections/connection-registry.js';
import { assertConfirmed } from '../../connections/guards.js';
import { writeSeed } from '../../seed/write-seed.js';
import type { Handlers } from '../handler.js';

type SeedArea = Pick<Contract, 'seed.plan' | 'seed.run'>;

/**
 * The seed options both seed methods accept, with their one rule: `scale` multiplies the modelled counts and
 * `counts` sets exact ones, so the two together are refused (never one silently winning), at every door.
 */
function options(input: SeedOptions): SeedOptions {
  if (input.scale !== undefined && input.counts !== undefined && Object.keys(input.counts).length > 0) {
    throw new MonotableError('BAD_INPUT', 'Use scale or counts, not both.', {
      path: '$.scale',
      hint: '--scale multiplies the modelled counts; --count ENTITY=N sets exact ones.',
    });
  }
  // Every field the schema declares goes on (the api's seed options are SeedOptions: shared/api/methods/seed.ts).
  const out: SeedOptions = {};
  for (const [name, value] of Object.entries(input) as [keyof SeedOptions, unknown][])
    if (value !== undefined) Object.assign(out, { [name]: value });
  return out;
}

export const seedHandlers: Handlers<SeedArea> = {
  async 'seed.plan'({ model, sample = 20, ...rest }) {
    const plan = planSeed(model, options(rest));
    const items = [];
    if (sample > 0) {
      for (const p of plan.items()) {
        items.push(
          p.problem
            ? { entity: p.entity, item: p.item, size: p.size, problem: p.problem }
            : { entity: p.entity, item: p.item, size: p.size },
        );
        if (items.length >= sample) break;
      }
    }
    return {
      table: plan.table,
      planned: plan.planned,
      counts: plan.counts,
      seed: plan.seed,
      locale: plan.locale,
      notes: plan.notes,
      sample: items,
    };
  },
  async 'seed.run'({ model, connectionId, concurrency, confirm, ...rest }, { signal, emit }) {
    const connection = getConnection(connectionId);
    const plan = planSeed(model, options(rest));
    assertConfirmed(connection, plan.table, confirm, `Seeding table "${plan.table}"`);
    return writeSeed(connection, plan, {
      confirm,
      signal,
      onProgress: emit,
      ...(concurrency !== undefined ? { concurrency } : {}),
    });
  },
};
