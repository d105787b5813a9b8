import type { Contract } from '../../../../shared/api/contract.js';
import { planSeed } from '../../../../shared/seed/plan-seed.js';
import type { SeedOptions } from '../../../../shared/seed/seed-types.js';
import { getConnection } from '../../connections/connection-registry.js';
import { writeSeed } from '../../seed/write-seed.js';
import type { Handlers } from '../handler.js';

type SeedArea = Pick<Contract, 'seed.plan' | 'seed.run'>;

function options(input: SeedOptions): SeedOptions {
  const out: SeedOptions = {};
  if (input.table !== undefined) out.table = input.table;
  if (input.scale !== undefined) out.scale = input.scale;
  if (input.counts !== undefined) out.counts = input.counts;
  if (input.seed !== undefined) out.seed = input.seed;
  if (input.locale !== undefined) out.locale = input.locale;
  if (input.refDate !== undefined) out.refDate = input.refDate;
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
  async 'seed.run'({ model, connectionId, concurrency, ...rest }, { signal, emit }) {
    const connection = getConnection(connectionId);
    const plan = planSeed(model, options(rest));
    return writeSeed(connection, plan, {
      signal,
      onProgress: emit,
      ...(concurrency !== undefined ? { concurrency } : {}),
    });
  },
};
