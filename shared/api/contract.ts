import type { MethodTable } from './define.js';
import { modelMethods } from './methods/model.js';
import { engineMethods } from './methods/engine.js';
import { connectionMethods } from './methods/connection.js';
import { tableMethods } from './methods/table.js';
import { seedMethods } from './methods/seed.js';
import { seedJobMethods } from './methods/seed-job.js';
import { itemBatchMethods } from './methods/item-batch.js';
import { operationMethods } from './methods/operations.js';
import { fileMethods } from './methods/file.js';
import { resultMethods } from './methods/results.js';

/**
 * The one api contract: every method the UI (or any transport) may call, `noun.verb` → zod input/output/events.
 * Each area keeps its table in `methods/<area>.ts`; adding an area is one import and one spread line here,
 * and a handler table in `electron/backend/api/handlers/<area>.ts`.
 */
export const contract = {
  ...modelMethods,
  ...engineMethods,
  ...connectionMethods,
  ...tableMethods,
  ...seedMethods,
  ...seedJobMethods,
  ...itemBatchMethods,
  ...operationMethods,
  ...fileMethods,
  ...resultMethods,
} satisfies MethodTable;

export type Contract = typeof contract;
export type MethodName = keyof Contract & string;

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}
