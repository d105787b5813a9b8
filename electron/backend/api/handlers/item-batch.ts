import type { Contract } from '../../../../shared/api/contract.js';
import { getConnection } from '../../connections/connection-registry.js';
import { writeBatch } from '../../items/write-batch.js';
import type { Handlers } from '../handler.js';

type ItemBatchArea = Pick<Contract, 'item.writeBatch'>;

export const itemBatchHandlers: Handlers<ItemBatchArea> = {
  async 'item.writeBatch'({ connectionId, table, puts, deletes, confirm }, { signal, emit }) {
    return writeBatch(
      getConnection(connectionId),
      table,
      { ...(puts ? { puts } : {}), ...(deletes ? { deletes } : {}), ...(confirm !== undefined ? { confirm } : {}) },
      { signal, onProgress: emit },
    );
  },
};
