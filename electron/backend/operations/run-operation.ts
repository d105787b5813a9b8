import type { OperationResult, PageEvent } from '../../../shared/api/methods/operations.js';
import { MonotableError } from '../../../shared/errors/monotable-error.js';
import type { Item } from '../../../shared/model/attribute-value.js';
import type { OpenConnection } from '../connections/connection.js';
import { batchGet } from './batch-get.js';
import { capacityUnits } from './consumed-capacity.js';
import { sendOperation, isWrite, type LowLevelRequest } from './send-operation.js';
import { streamPages, type StreamOptions } from './stream-operation.js';

export type { OperationResult, PageEvent };

export interface RunOptions extends StreamOptions {
  /** Production connections: the table name, typed back, to allow a write. */
  confirm?: string;
  /**
   * Query/Scan: each page's items go to `onPage` (as `pageItems`) instead of the result, with no default cap on
   * `all`, so memory stays bounded by a page.
   */
  stream?: boolean;
  /** Query/Scan: after each page, its figures and the totals so far; awaited before the next page is read. */
  onPage?(event: PageEvent): unknown;
}

/** Default cap for "fetch all" when the caller gives none: results are held in memory. */
export const DEFAULT_MAX_ITEMS = 10_000;

function single(
  request: LowLevelRequest,
  items: Item[],
  consumed: unknown,
  extra: Partial<OperationResult> = {},
): OperationResult {
  return {
    operation: request.operation,
    items,
    count: items.length,
    scannedCount: items.length,
    pages: 1,
    consumedCapacity: capacityUnits(consumed),
    truncated: false,
    ...extra,
  };
}

/** Items a write request writes: one for Put/Update/Delete, one per Put/Update/Delete of a transaction. */
function itemsWritten(request: LowLevelRequest): number {
  if (request.operation !== 'TransactWriteItems') return 1;
  const items = request.input['TransactItems'];
  if (!Array.isArray(items)) return 0;
  return items.filter((i) => typeof i === 'object' && i !== null && !('ConditionCheck' in i)).length;
}

/**
 * Runs one low-level request (typed JSON in, typed JSON out): Query/Scan page by page (one page, or all up to
 * `maxItems` with `all`), BatchGet in calls of 100 with the UnprocessedKeys loop, the rest as one call.
 */
export async function runOperation(
  connection: OpenConnection,
  request: LowLevelRequest,
  options: RunOptions = {},
): Promise<OperationResult> {
  const { operation, input } = request;
  if (operation === 'Query' || operation === 'Scan') {
    const stream = options.stream === true;
    if ((options.segments ?? 1) > 1 && !stream)
      throw new MonotableError('BAD_INPUT', 'A parallel Scan (segments) streams its pages: it needs stream.', {
        hint: 'Pass stream: true and read the pages from the events.',
      });
    const maxItems = options.maxItems ?? (options.all && !stream ? DEFAULT_MAX_ITEMS : undefined);
    const items: Item[] = [];
    const parallel = (options.segments ?? 1) > 1;
    const summary = await streamPages(
      connection,
      { operation, input },
      { ...options, maxItems },
      async (page, totals) => {
        if (!stream) items.push(...page.items);
        await options.onPage?.({
          pages: totals.pages,
          items: totals.items,
          count: page.count,
          scannedCount: page.scannedCount,
          consumedCapacity: page.consumedCapacity,
          ...(page.lastEvaluatedKey && !parallel && { lastEvaluatedKey: page.lastEvaluatedKey }),
          ...(stream && { pageItems: page.items }),
        });
      },
    );
    return { ...summary, items };
  }
  if (operation === 'BatchGetItem') {
    const outcome = await batchGet(connection, input['RequestItems'] as Parameters<typeof batchGet>[1], options);
    return {
      operation,
      items: outcome.items,
      count: outcome.items.length,
      scannedCount: outcome.items.length,
      pages: outcome.calls,
      consumedCapacity: outcome.consumedCapacity,
      truncated: false,
    };
  }
  const output = await sendOperation(connection, request, options);
  if (operation === 'GetItem')
    return single(request, output['Item'] ? [output['Item'] as Item] : [], output['ConsumedCapacity']);
  if (operation === 'TransactGetItems') {
    const responses = (output['Responses'] as { Item?: Item }[] | undefined) ?? [];
    return single(
      request,
      responses.flatMap((r) => (r.Item ? [r.Item] : [])),
      output['ConsumedCapacity'],
    );
  }
  if (operation === 'ExecuteStatement') {
    const next = typeof output['NextToken'] === 'string' ? { nextToken: output['NextToken'] } : {};
    return { ...single(request, (output['Items'] as Item[] | undefined) ?? [], output['ConsumedCapacity']), ...next };
  }
  const attributes = output['Attributes'] as Item | undefined;
  return single(request, [], output['ConsumedCapacity'], {
    ...(attributes && { attributes }),
    ...(isWrite(request) && { itemsWritten: itemsWritten(request) }),
  });
}
