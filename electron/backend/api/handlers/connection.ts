import type { Contract } from '../../../../shared/api/contract.js';
import type { OutputOf } from '../../../../shared/api/define.js';
import {
  closeConnection,
  getConnection,
  listConnections,
  registerConnection,
} from '../../connections/connection-registry.js';
import type { OpenConnection } from '../../connections/connection.js';
import { listAwsProfiles } from '../../connections/aws-profiles.js';
import { COMMON_ACCESS_KEYS, COMMON_REGIONS, findTablesElsewhere } from '../../connections/find-tables.js';
import type { Handlers } from '../handler.js';

type ConnectionArea = Pick<
  Contract,
  | 'connection.open'
  | 'connection.list'
  | 'connection.profiles'
  | 'connection.revive'
  | 'connection.findTables'
  | 'connection.close'
>;

function info(connectionId: string, c: OpenConnection): OutputOf<Contract['connection.open']> {
  return {
    connectionId,
    kind: c.spec.kind,
    label: c.label,
    region: c.region,
    ...(c.accessKeyId ? { accessKeyId: c.accessKeyId } : {}),
    ...(c.credentialSource ? { credentialSource: c.credentialSource } : {}),
    capabilities: { ...c.capabilities },
    production: c.production,
    readOnly: c.readOnly,
  };
}

export const connectionHandlers: Handlers<ConnectionArea> = {
  async 'connection.open'(spec) {
    const { connectionId, connection } = await registerConnection(spec);
    return info(connectionId, connection);
  },
  async 'connection.list'() {
    return { connections: listConnections().map(({ connectionId, connection }) => info(connectionId, connection)) };
  },
  async 'connection.profiles'() {
    return { profiles: await listAwsProfiles() };
  },
  async 'connection.revive'({ connectionId }) {
    const connection = getConnection(connectionId);
    const restarted = (await connection.revive?.()) ?? false;
    return { restarted, connection: info(connectionId, connection) };
  },
  async 'connection.findTables'({ connectionId }, { signal }) {
    const connection = getConnection(connectionId);
    const found = await findTablesElsewhere(connection, signal);
    return {
      tried: {
        accessKeyIds: [...new Set([connection.accessKeyId ?? 'local', ...COMMON_ACCESS_KEYS])],
        regions: [...new Set([connection.region, ...COMMON_REGIONS])],
      },
      found,
    };
  },
  async 'connection.close'({ connectionId }) {
    return { closed: await closeConnection(connectionId) };
  },
};
