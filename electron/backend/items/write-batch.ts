import { BatchWriteItemCommand, type WriteRequest } from '@aws-sdk/client-dynamodb';
import { isMonotableError } from '../../../shared/errors/monotable-error.js';
import type { Item } from '../../../shared/model/attribute-value.js';
import { toMonotableError } from '../connections/aws-errors.js';
import type { OpenConnection } from '../connections/connection.js';
import { assertConfirmed } from '../connections/guards.js';
import { backoffDelay, sleep } from '../retry/backoff.js';
import { checkBatchLimits } from '../operations/write-limits.js';
import { toSdkItem } from '../seed/sdk-item.js';

export interface BatchProgress {
  total: number;
  done: number;
  failed: number;
  retried: number;
}

export interface BatchSummary extends BatchProgress {
  table: string;
  put: number;
  deleted: number;
  cancelled: boolean;
  seconds: number;
  failures: { key: string; reason: string }[];
}

export interface WriteBatchOptions {
  signal?: AbortSignal;
  onProgress?: (progress: BatchProgress) => void;
  /** Attempts per request for throttling and unprocessed items; default 10. */
  maxAttempts?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Requests in flight at once; default 4. */
  concurrency?: number;
}

const BATCH = 25;
const RETRYABLE = new Set(['THROTTLED', 'NETWORK', 'TIMEOUT', 'CONNECTION_FAILED']);

function keyText(request: WriteRequest): string {
  const item = (request.PutRequest?.Item ?? request.DeleteRequest?.Key ?? {}) as Item;
  return Object.entries(item)
    .slice(0, 2)
    .map(([k, v]) => `${k}=${Object.values(v)[0]}`)
    .join(' ');
}

/**
 * Puts and deletes many items with BatchWriteItem: requests of 25, bounded concurrency, the unprocessed items of
 * each answer (and throttled requests) sent again with exponential backoff and full jitter, attempts capped; what
 * still fails is counted and named in `failures`. Cancel stops new requests.
 */
export async function writeBatch(
  connection: OpenConnection,
  table: string,
  work: { puts?: Item[]; deletes?: Item[]; confirm?: string },
  options: WriteBatchOptions = {},
): Promise<BatchSummary> {
  const puts = work.puts ?? [];
  const deletes = work.deletes ?? [];
  assertConfirmed(connection, table, work.confirm, `Writing ${puts.length + deletes.length} items to ${table}`);
  await checkBatchLimits(connection, table, puts, deletes);
  const started = Date.now();
  const requests: WriteRequest[] = [
    ...puts.map((item) => ({ PutRequest: { Item: toSdkItem(item) } })),
    ...deletes.map((key) => ({ DeleteRequest: { Key: toSdkItem(key) } })),
  ] as WriteRequest[];
  const progress: BatchProgress = { total: requests.length, done: 0, failed: 0, retried: 0 };
  const failures: BatchSummary['failures'] = [];
  let put = 0;
  let deleted = 0;
  const maxAttempts = options.maxAttempts ?? 10;
  const chunks: WriteRequest[][] = [];
  for (let i = 0; i < requests.length; i += BATCH) chunks.push(requests.slice(i, i + BATCH));
  let next = 0;
  let lastEmit = 0;
  const emit = (force = false): void => {
    const now = Date.now();
    if (force || now - lastEmit > 100) {
      lastEmit = now;
      options.onProgress?.({ ...progress });
    }
  };
  const settle = (done: WriteRequest[]): void => {
    progress.done += done.length;
    for (const r of done) {
      if (r.PutRequest) put++;
      else deleted++;
    }
    emit();
  };
  const fail = (left: WriteRequest[], reason: string): void => {
    progress.failed += left.length;
    for (const r of left) if (failures.length < 100) failures.push({ key: keyText(r), reason });
    emit();
  };
  const worker = async (): Promise<void> => {
    while (next < chunks.length && !options.signal?.aborted) {
      let pending = chunks[next++]!;
      for (let attempt = 0; pending.length > 0; attempt++) {
        if (options.signal?.aborted) return;
        if (attempt >= maxAttempts) {
          fail(pending, `still unprocessed after ${maxAttempts} attempts`);
          break;
        }
        if (attempt > 0)
          await sleep(backoffDelay(attempt, options.baseDelayMs ?? 50, options.maxDelayMs ?? 5000), options.signal);
        try {
          const out = await connection.client.send(new BatchWriteItemCommand({ RequestItems: { [table]: pending } }), {
            abortSignal: options.signal,
          });
          const unprocessed = out.UnprocessedItems?.[table] ?? [];
          settle(pending.filter((r) => !unprocessed.includes(r)).slice(0, pending.length - unprocessed.length));
          if (unprocessed.length) progress.retried += unprocessed.length;
          pending = unprocessed;
        } catch (error) {
          if (options.signal?.aborted) return;
          const mapped = isMonotableError(error)
            ? error
            : toMonotableError(error, { table, operation: 'BatchWriteItem', connection });
          if (!RETRYABLE.has(mapped.code)) {
            fail(pending, mapped.message);
            break;
          }
          progress.retried += pending.length;
        }
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 4) }, worker));
  emit(true);
  return {
    ...progress,
    table,
    put,
    deleted,
    cancelled: options.signal?.aborted === true,
    seconds: (Date.now() - started) / 1000,
    failures,
  };
}
