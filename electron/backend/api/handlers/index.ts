import type { Contract } from '../../../../shared/api/contract.js';
import type { MethodTable } from '../../../../shared/api/define.js';
import { connectionMethods } from '../../../../shared/api/methods/connection.js';
import { engineMethods } from '../../../../shared/api/methods/engine.js';
import { fileMethods } from '../../../../shared/api/methods/file.js';
import { modelMethods } from '../../../../shared/api/methods/model.js';
import { operationMethods } from '../../../../shared/api/methods/operations.js';
import { seedMethods } from '../../../../shared/api/methods/seed.js';
import { seedJobMethods } from '../../../../shared/api/methods/seed-job.js';
import { itemBatchMethods } from '../../../../shared/api/methods/item-batch.js';
import { resultMethods } from '../../../../shared/api/methods/results.js';
import { tableMethods } from '../../../../shared/api/methods/table.js';
import type { Handler, Handlers } from '../handler.js';

/**
 * An area's handlers, loaded on its first call: the dispatcher does not pull the AWS SDK, Faker and dynalite's
 * client into every process that validates a model (the CLI's design-time verbs start as fast as before the api).
 */
function lazyArea<T extends MethodTable>(methods: T, load: () => Promise<Handlers<T>>): Handlers<T> {
  let loaded: Promise<Handlers<T>> | undefined;
  const out: Partial<Record<keyof T, Handler<T[keyof T]>>> = {};
  for (const name of Object.keys(methods) as (keyof T)[]) {
    out[name] = async (input, ctx) => {
      loaded ??= load();
      const area = await loaded;
      return (area[name] as Handler<T[keyof T]>)(input, ctx);
    };
  }
  return out as Handlers<T>;
}

/** Every area's handlers; adding an area is one line here. Missing handlers fail the typecheck. */
export const handlers: Handlers<Contract> = {
  ...lazyArea(modelMethods, async () => (await import('./model.js')).modelHandlers),
  ...lazyArea(engineMethods, async () => (await import('./engine.js')).engineHandlers),
  ...lazyArea(connectionMethods, async () => (await import('./connection.js')).connectionHandlers),
  ...lazyArea(tableMethods, async () => (await import('./table.js')).tableHandlers),
  ...lazyArea(seedMethods, async () => (await import('./seed.js')).seedHandlers),
  ...lazyArea(seedJobMethods, async () => (await import('./seed-job.js')).seedJobHandlers),
  ...lazyArea(itemBatchMethods, async () => (await import('./item-batch.js')).itemBatchHandlers),
  ...lazyArea(operationMethods, async () => (await import('./operations.js')).operationHandlers),
  ...lazyArea(fileMethods, async () => (await import('./file.js')).fileHandlers),
  ...lazyArea(resultMethods, async () => (await import('./results.js')).resultHandlers),
};
