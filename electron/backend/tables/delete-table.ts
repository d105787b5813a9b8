import { DeleteTableCommand, DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { MonotableError } from '../../../shared/errors/monotable-error.js';
import type { Model } from '../../../shared/model/schema.js';
import { toMonotableError } from '../connections/aws-errors.js';
import type { OpenConnection } from '../connections/connection.js';
import { assertConfirmed } from '../connections/guards.js';
import { describeTable } from './describe-table.js';
import type { TableWorkOptions } from './table-progress.js';
import { pollPause, waitCancelled, waitForActive } from './wait-for-active.js';

export interface DeleteTableOptions extends TableWorkOptions {
  /** The table name typed back; required on production connections. */
  confirm?: string;
  /** The model, whose `deletionProtection` flag is honoured on every connection. */
  model?: Model;
}

/**
 * Deletes a table, guarded: read-only connections refuse, production connections need the table name typed back,
 * DeletionProtectionEnabled (live, or the model's flag on any connection) refuses. Waits until the table is gone.
 */
export async function deleteTable(
  connection: OpenConnection,
  tableName: string,
  options: DeleteTableOptions = {},
): Promise<{ table: string; seconds: number }> {
  const started = Date.now();
  assertConfirmed(connection, tableName, options.confirm, `Deleting table "${tableName}"`);
  const live = await describeTable(connection, tableName, options);
  // The model's flag is honoured on every connection: the embedded engine and DynamoDB Local drop
  // DeletionProtectionEnabled, so the model is the only record of it there.
  const modelProtected = options.model?.tables.find((t) => t.name === tableName)?.deletionProtection === true;
  if (live.DeletionProtectionEnabled === true || modelProtected) {
    const why = live.DeletionProtectionEnabled
      ? 'has deletion protection enabled'
      : 'is marked deletionProtection in the model';
    throw new MonotableError('DELETION_PROTECTED', `Table "${tableName}" ${why}; it was not deleted.`, {
      table: tableName,
      hint: 'Turn deletion protection off first (AWS console or `aws dynamodb update-table --no-deletion-protection-enabled`), and in the model.',
    });
  }
  // DeleteTable refuses a table that is still being created or updated: wait for it first (a deletion in progress
  // is simply awaited below).
  if (live.TableStatus === 'CREATING' || live.TableStatus === 'UPDATING')
    await waitForActive(connection, tableName, options);
  if (live.TableStatus !== 'DELETING') {
    options.onProgress?.({ table: tableName, phase: 'deleting', elapsedMs: 0, message: `deleting ${tableName}` });
    try {
      await connection.client.send(new DeleteTableCommand({ TableName: tableName }), { abortSignal: options.signal });
    } catch (error) {
      throw toMonotableError(error, { table: tableName, operation: 'DeleteTable', connection });
    }
  }
  const pollMs = connection.spec.kind === 'aws' ? 2_000 : 50;
  for (;;) {
    try {
      await connection.client.send(new DescribeTableCommand({ TableName: tableName }), { abortSignal: options.signal });
    } catch (error) {
      if (options.signal?.aborted) throw waitCancelled();
      const mapped = toMonotableError(error, { table: tableName, operation: 'DescribeTable', connection });
      if (mapped.code === 'TABLE_NOT_FOUND') break;
      throw mapped;
    }
    options.onProgress?.({
      table: tableName,
      phase: 'waiting',
      status: 'DELETING',
      elapsedMs: Date.now() - started,
      message: `${tableName}: waiting for the deletion`,
    });
    await pollPause(pollMs, options.signal);
  }
  options.onProgress?.({
    table: tableName,
    phase: 'done',
    elapsedMs: Date.now() - started,
    message: `${tableName} deleted`,
  });
  return { table: tableName, seconds: (Date.now() - started) / 1000 };
}
