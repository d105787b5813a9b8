import type { Contract } from '../../../../shared/api/contract.js';
import { engineStatus, ensureEngine, stopEngine } from '../../engine/engine-manager.js';
import type { Handlers } from '../handler.js';

type EngineArea = Pick<Contract, 'engine.start' | 'engine.status' | 'engine.stop'>;

export const engineHandlers: Handlers<EngineArea> = {
  async 'engine.start'(input) {
    return ensureEngine(input);
  },
  async 'engine.status'() {
    return engineStatus();
  },
  async 'engine.stop'() {
    return { stopped: await stopEngine() };
  },
};
