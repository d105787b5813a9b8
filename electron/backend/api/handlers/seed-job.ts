import { assertConfirmed } from '../../connections/guards.js';
import type { Contract } from '../../../../shared/api/contract.js';
import { planSeed } from '../../../../shared/seed/plan-seed.js';
import type { SeedOptions } from '../../../../shared/seed/seed-types.js';
import { getConnection } from '../../connections/connection-registry.js';
import { cancelSeedJob, listSeedJobs, startSeedJob, watchSeedJob } from '../../seed/seed-jobs.js';
import type { Handlers } from '../handler.js';

type SeedJobArea = Pick<Contract, 'seed.start' | 'seed.status' | 'seed.attach' | 'seed.cancel'>;

export const seedJobHandlers: Handlers<SeedJobArea> = {
  async 'seed.start'({ model, connectionId, concurrency, ...rest }) {
    const connection = getConnection(connectionId);
    const options: SeedOptions = {};
    if (rest.table !== undefined) options.table = rest.table;
    if (rest.scale !== undefined) options.scale = rest.scale;
    if (rest.counts !== undefined) options.counts = rest.counts;
    if (rest.seed !== undefined) options.seed = rest.seed;
    if (rest.locale !== undefined) options.locale = rest.locale;
    if (rest.refDate !== undefined) options.refDate = rest.refDate;
    const plan = planSeed(model, options);
    assertConfirmed(connection, plan.table, rest.confirm, `Seeding table "${plan.table}"`);
    return startSeedJob(connection, connectionId, plan, {
      ...(concurrency !== undefined && { concurrency }),
      confirm: rest.confirm,
    });
  },
  async 'seed.status'() {
    return { jobs: listSeedJobs() };
  },
  async 'seed.attach'({ jobId }, { signal, emit }) {
    return watchSeedJob(jobId, emit, signal);
  },
  async 'seed.cancel'({ jobId }) {
    return cancelSeedJob(jobId);
  },
};
