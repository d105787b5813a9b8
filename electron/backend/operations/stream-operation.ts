import type { Item } from '../../../shared/model/attribute-value.js';
import type { OpenConnection } from '../connections/connection.js';
import { readPages } from './read-pages.js';
import { runOperation, type OperationResult, type RunOptions } from './run-operation.js';
import type { LowLevelRequest } from './send-operation.js';

/** An OperationResult without the items, which went to the caller page by page. */
export type StreamSummary = Omit<OperationResult, 'items'>;

/**
 * Runs a request and hands its items to `onItems` one page at a time, awaiting it before the next page is
 * requested (so a slow consumer, e.g. a file being written, holds the reading back and memory stays flat).
 * Query/Scan follow LastEvaluatedKey with `all` and stop at `maxItems` (no cap by default: nothing is kept).
 */
export async function streamOperation(
  connection: OpenConnection,
  request: LowLevelRequest,
  options: RunOptions,
  onItems: (items: Item[]) => void | Promise<void>,
): Promise<StreamSummary> {
  const { operation, input } = request;
  if (operation !== 'Query' && operation !== 'Scan') {
    const { items, ...summary } = await runOperation(connection, request, options);
    await onItems(items);
    return summary;
  }
  const summary: StreamSummary = {
    operation,
    count: 0,
    scannedCount: 0,
    pages: 0,
    consumedCapacity: 0,
    truncated: false,
  };
  let read = 0;
  for await (const page of readPages(connection, { operation, input }, options)) {
    summary.count += page.count;
    summary.scannedCount += page.scannedCount;
    summary.pages += 1;
    summary.consumedCapacity += page.consumedCapacity;
    read += page.items.length;
    if (page.lastEvaluatedKey) summary.lastEvaluatedKey = page.lastEvaluatedKey;
    else delete summary.lastEvaluatedKey;
    await onItems(page.items);
  }
  summary.truncated =
    options.all === true &&
    options.maxItems !== undefined &&
    read >= options.maxItems &&
    summary.lastEvaluatedKey !== undefined;
  return summary;
}
