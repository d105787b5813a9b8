import { DescribeTableCommand, type TableDescription } from '@aws-sdk/client-dynamodb';
import { MonotableError } from '../../../shared/errors/monotable-error.js';
import { toMonotableError } from '../connections/aws-errors.js';
import { sleep } from '../retry/backoff.js';
import type { OpenConnection } from '../connections/connection.js';
import type { TableWorkOptions } from './table-progress.js';

export interface WaitOptions extends TableWorkOptions {
  /** Default: 50 ms on local engines, 2 s on AWS. */
  pollMs?: number;
  /** Default: 60 s locally, 30 min on AWS (index backfills take long). */
  timeoutMs?: number;
}

function isLocal(connection: OpenConnection): boolean {
  return connection.spec.kind !== 'aws';
}

/** A wait cancelled, between polls or during one: the same words either way (the server-side change goes on). */
export function waitCancelled(): MonotableError {
  return new MonotableError('CANCELLED', 'Cancelled while waiting for the table.', {
    hint: 'The control-plane change continues on the server; run the command again to see its state.',
  });
}

/** Waits between polls; a cancel ends the wait at once with CANCELLED (the server-side change goes on). */
export async function pollPause(ms: number, signal?: AbortSignal): Promise<void> {
  await sleep(ms, signal);
  if (signal?.aborted) throw waitCancelled();
}

function pendingParts(table: TableDescription): string[] {
  const pending: string[] = [];
  if (table.TableStatus !== 'ACTIVE') pending.push(`table ${table.TableStatus ?? 'unknown'}`);
  for (const gsi of table.GlobalSecondaryIndexes ?? []) {
    if (gsi.IndexStatus && gsi.IndexStatus !== 'ACTIVE') pending.push(`index ${gsi.IndexName} ${gsi.IndexStatus}`);
  }
  return pending;
}

/** Polls DescribeTable until the table and all its GSIs are ACTIVE; bounded, cancellable, reports progress. */
export async function waitForActive(
  connection: OpenConnection,
  tableName: string,
  options: WaitOptions = {},
): Promise<TableDescription> {
  const pollMs = options.pollMs ?? (isLocal(connection) ? 50 : 2_000);
  const timeoutMs = options.timeoutMs ?? (isLocal(connection) ? 60_000 : 30 * 60_000);
  const started = Date.now();
  for (;;) {
    let table: TableDescription | undefined;
    try {
      table = (
        await connection.client.send(new DescribeTableCommand({ TableName: tableName }), {
          abortSignal: options.signal,
        })
      ).Table;
    } catch (error) {
      if (options.signal?.aborted) throw waitCancelled();
      throw toMonotableError(error, { table: tableName, operation: 'DescribeTable', connection });
    }
    const pending = table ? pendingParts(table) : ['table unknown'];
    const elapsedMs = Date.now() - started;
    if (table && pending.length === 0) {
      options.onProgress?.({
        table: tableName,
        phase: 'done',
        status: 'ACTIVE',
        elapsedMs,
        message: `${tableName} is ACTIVE`,
      });
      return table;
    }
    options.onProgress?.({
      table: tableName,
      phase: 'waiting',
      status: table?.TableStatus,
      elapsedMs,
      message: `${tableName}: waiting for ${pending.join(', ')}`,
    });
    if (elapsedMs > timeoutMs) {
      throw new MonotableError(
        'TABLE_NOT_ACTIVE',
        `Table "${tableName}" is still not ACTIVE after ${Math.round(elapsedMs / 1000)} s (${pending.join(', ')}).`,
        {
          table: tableName,
          hint: 'It may still become ACTIVE: check again later with `monotable drift`, or look at the table in the AWS console.',
        },
      );
    }
    await pollPause(pollMs, options.signal);
  }
}
