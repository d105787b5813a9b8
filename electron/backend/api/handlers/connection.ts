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
import { findTablesElsewhere } from '../../connections/find-tables.js';
import { MonotableError } from '../../../../shared/errors/monotable-error.js';
import { toMonotableError } from '../../connections/aws-errors.js';
import { signInSso, ssoTarget } from '../../connections/sso-sign-in.js';
import type { Handlers } from '../handler.js';

type ConnectionArea = Pick<
  Contract,
  | 'connection.open'
  | 'connection.list'
  | 'connection.profiles'
  | 'connection.revive'
  | 'connection.findTables'
  | 'connection.refresh'
  | 'connection.signIn'
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
    ...(c.ssoProfile ? { ssoProfile: c.ssoProfile } : {}),
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
    return findTablesElsewhere(getConnection(connectionId), signal);
  },
  async 'connection.refresh'({ connectionId }) {
    const connection = getConnection(connectionId);
    if (!connection.refresh) {
      throw new MonotableError('BAD_INPUT', `Connection ${connection.label} has no credentials to refresh.`, {
        hint: 'Only AWS connections resolve credentials; local endpoints use fixed dummy keys.',
      });
    }
    try {
      await connection.refresh();
    } catch (error) {
      const mapped = toMonotableError(error, { operation: 'Refresh credentials', connection });
      const profile = connection.ssoProfile;
      if (!profile || mapped.code !== 'CREDENTIALS') throw mapped;
      throw new MonotableError(
        'CREDENTIALS',
        `The IAM Identity Center (SSO) sign-in of profile ${profile} has expired: ${mapped.message}`,
        {
          ...mapped.details,
          signIn: 'sso',
          profile,
          hint: `Sign in again: in the app, Sign in again renews it in place (open results stay); on the command line, \`aws sso login --profile ${profile}\`.`,
        },
      );
    }
    return info(connectionId, connection);
  },
  async 'connection.signIn'({ connectionId }, { signal, emit }) {
    const connection = getConnection(connectionId);
    const target = connection.ssoProfile ? await ssoTarget(connection.ssoProfile) : undefined;
    if (!target || !connection.refresh) {
      throw new MonotableError('BAD_INPUT', `Connection ${connection.label} does not sign in with SSO.`, {
        hint: 'Sign-in applies to AWS connections through an SSO profile; for access keys run `aws configure`.',
      });
    }
    const { expiresAt } = await signInSso(target, (code) => void emit(code), signal);
    await connection.refresh();
    return { expiresAt, connection: info(connectionId, connection) };
  },
  async 'connection.close'({ connectionId }) {
    return { closed: await closeConnection(connectionId) };
  },
};
