import { DescribeTableCommand, ListTablesCommand, type TableDescription } from '@aws-sdk/client-dynamodb';
import { MonotableError } from '../../../shared/errors/monotable-error.js';
import { toMonotableError } from '../connections/aws-errors.js';
import type { OpenConnection } from '../connections/connection.js';
import type { TableWorkOptions } from './table-progress.js';

/** DescribeTable; a missing table is TABLE_NOT_FOUND naming the region and connection. */
export async function describeTable(
  connection: OpenConnection,
  tableName: string,
  options: TableWorkOptions = {},
): Promise<TableDescription> {
  try {
    const table = (
      await connection.client.send(new DescribeTableCommand({ TableName: tableName }), { abortSignal: options.signal })
    ).Table;
    if (!table)
      throw new MonotableError('TABLE_NOT_FOUND', `DescribeTable returned nothing for "${tableName}".`, {
        table: tableName,
        hint: 'Retry; if it persists the endpoint is not DynamoDB-compatible.',
      });
    return table;
  } catch (error) {
    throw toMonotableError(error, { table: tableName, operation: 'DescribeTable', connection });
  }
}

/** Every table name on the connection (all ListTables pages). */
export async function listTables(connection: OpenConnection, options: TableWorkOptions = {}): Promise<string[]> {
  const names: string[] = [];
  let start: string | undefined;
  try {
    do {
      const page = await connection.client.send(new ListTablesCommand({ ExclusiveStartTableName: start }), {
        abortSignal: options.signal,
      });
      names.push(...(page.TableNames ?? []));
      start = page.LastEvaluatedTableName;
    } while (start);
  } catch (error) {
    throw toMonotableError(error, { operation: 'ListTables', connection });
  }
  return names;
}
