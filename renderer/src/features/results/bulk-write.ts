import type { Item } from '../../../../shared/model/attribute-value.js';
import type { Table } from '../../../../shared/model/schema.js';
import { callStreaming } from '../tables/streaming-call.js';

/** Items per api call: each call still writes in BatchWriteItem requests of 25 in the backend. */
const PER_CALL = 1000;

export interface BulkProgress {
  total: number;
  done: number;
  failed: number;
}

export function primaryKey(table: Table | undefined, item: Item): Item {
  const names = table
    ? [table.partitionKey.name, ...(table.sortKey ? [table.sortKey.name] : [])]
    : Object.keys(item).slice(0, 2);
  return Object.fromEntries(names.flatMap((n) => (item[n] ? [[n, item[n]]] : [])));
}

/** Writes puts or deletes through item.writeBatch in calls of 1,000 items, with progress over all of them. */
export async function bulkWrite(
  connectionId: string,
  table: string,
  work: { puts?: readonly Item[]; deletes?: readonly Item[] },
  confirm: string | undefined,
  signal: AbortSignal,
  onProgress: (p: BulkProgress) => void,
): Promise<BulkProgress> {
  const all = work.puts ?? work.deletes ?? [];
  const kind = work.puts ? 'puts' : 'deletes';
  const total = all.length;
  let done = 0;
  let failed = 0;
  for (let i = 0; i < total && !signal.aborted; i += PER_CALL) {
    const chunk = all.slice(i, i + PER_CALL);
    const base = { done, failed };
    const summary = await callStreaming(
      'item.writeBatch',
      { connectionId, table, [kind]: chunk, ...(confirm ? { confirm } : {}) },
      {
        signal,
        onEvent: (e) => onProgress({ total, done: base.done + e.done, failed: base.failed + e.failed }),
      },
    );
    done += summary.done;
    failed += summary.failed;
    onProgress({ total, done, failed });
  }
  return { total, done, failed };
}
