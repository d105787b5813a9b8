import type { Contract } from '../../../../shared/api/contract.js';
import type { Handlers } from '../handler.js';
import { modelHandlers } from './model.js';
import { engineHandlers } from './engine.js';
import { connectionHandlers } from './connection.js';
import { tableHandlers } from './table.js';
import { seedHandlers } from './seed.js';
import { seedJobHandlers } from './seed-job.js';
import { operationHandlers } from './operations.js';
import { fileHandlers } from './file.js';

/** Every area's handlers; adding an area is one import and one spread line. Missing handlers fail the typecheck. */
export const handlers: Handlers<Contract> = {
  ...modelHandlers,
  ...engineHandlers,
  ...connectionHandlers,
  ...tableHandlers,
  ...seedHandlers,
  ...seedJobHandlers,
  ...operationHandlers,
  ...fileHandlers,
};
