import { DescribeTimeToLiveCommand } from '@aws-sdk/client-dynamodb';
import type { Model } from '../../../shared/model/schema.js';
import { toMonotableError } from '../connections/aws-errors.js';
import type { OpenConnection } from '../connections/connection.js';
import { compareTable, type Difference } from './compare-table.js';
import { describeTable } from './describe-table.js';
import { selectOneTable } from './select-tables.js';
import type { TableWorkOptions } from './table-progress.js';

export type { Difference } from './compare-table.js';

/**
 * The differences between the live table and the model's table of that name. TTL, streams and deletion protection
 * are compared only where the engine supports them (dynalite reports TTL as always disabled and drops the rest).
 */
export async function driftReport(
  connection: OpenConnection,
  model: Model,
  tableName: string | undefined,
  options: TableWorkOptions = {},
): Promise<Difference[]> {
  const table = selectOneTable(model, tableName);
  const live = await describeTable(connection, table.name, options);
  let ttlAttribute: string | undefined;
  if (connection.capabilities.ttl) {
    try {
      const ttl = (
        await connection.client.send(new DescribeTimeToLiveCommand({ TableName: table.name }), {
          abortSignal: options.signal,
        })
      ).TimeToLiveDescription;
      const on = ttl?.TimeToLiveStatus === 'ENABLED' || ttl?.TimeToLiveStatus === 'ENABLING';
      ttlAttribute = on ? ttl?.AttributeName : undefined;
    } catch (error) {
      throw toMonotableError(error, { table: table.name, operation: 'DescribeTimeToLive', connection });
    }
  }
  return compareTable(table, live, {
    ttlAttribute,
    checkTtl: connection.capabilities.ttl,
    checkStream: connection.capabilities.streams,
    checkDeletionProtection: connection.capabilities.deletionProtection,
  });
}
