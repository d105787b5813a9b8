import type { Contract } from '../../../../shared/api/contract.js';
import {
  engineStatus,
  ensureEngine,
  salvageEngineFolder,
  stopEngine,
  watchEngine,
} from '../../engine/engine-manager.js';
import type { Handlers } from '../handler.js';

type EngineArea = Pick<Contract, 'engine.start' | 'engine.status' | 'engine.salvage' | 'engine.watch' | 'engine.stop'>;

export const engineHandlers: Handlers<EngineArea> = {
  async 'engine.start'(input) {
    return ensureEngine(input);
  },
  async 'engine.status'(input) {
    return engineStatus(input.dataDir);
  },
  async 'engine.salvage'(input) {
    return salvageEngineFolder(input.dataDir);
  },
  async 'engine.watch'(_input, { signal }) {
    return watchEngine(signal);
  },
  async 'engine.stop'() {
    return { stopped: await stopEngine() };
  },
};
