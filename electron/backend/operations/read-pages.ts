import { MonotableError, isMonotableError } from '../../../shared/errors/monotable-error.js';
import type { Item } from '../../../shared/model/attribute-value.js';
import type { OpenConnection } from '../connections/connection.js';
import { capacityUnits } from './consumed-capacity.js';
import { sendOperation } from './send-operation.js';

export interface PagedRequest {
  operation: 'Query' | 'Scan';
  /** The DynamoDB API JSON body; its `Limit` is the page size. */
  input: Record<string, unknown>;
}

export interface ReadOptions {
  signal?: AbortSignal;
  /** Start after this key (a previous result's `lastEvaluatedKey`). */
  exclusiveStartKey?: Item;
  /** Follow LastEvaluatedKey until the end (or `maxItems`); otherwise one page. */
  all?: boolean;
  /** Stop once this many items were read; the result then says `truncated: true`. */
  maxItems?: number;
}

export interface Page {
  items: Item[];
  count: number;
  scannedCount: number;
  consumedCapacity: number;
  lastEvaluatedKey?: Item;
}

export interface Progress {
  pages: number;
  items: number;
}

/** Adds what was loaded before a failure to the error, so the caller can say it and continue from there. */
function withProgress(error: unknown, progress: Progress, lastEvaluatedKey: Item | undefined): MonotableError {
  const e = isMonotableError(error)
    ? error
    : new MonotableError('INTERNAL', error instanceof Error ? error.message : String(error));
  const resume = lastEvaluatedKey ? '; continue from the lastEvaluatedKey in the details' : '';
  const loaded =
    progress.pages > 0
      ? ` ${progress.items} item(s) in ${progress.pages} page(s) were loaded before this${resume}.`
      : '';
  return new MonotableError(e.code, `${e.message}${loaded}`, {
    ...e.details,
    pagesLoaded: progress.pages,
    itemsLoaded: progress.items,
    ...(lastEvaluatedKey && { lastEvaluatedKey }),
  });
}

/**
 * Reads a Query or Scan page by page (LastEvaluatedKey → ExclusiveStartKey). With `maxItems` each request's Limit
 * is lowered to what is still wanted, so the cap is never overshot and the last key is an exact resume point.
 * Checks the signal before every page; an abort is not retried and no further page is requested.
 */
export async function* readPages(
  connection: OpenConnection,
  request: PagedRequest,
  options: ReadOptions = {},
): AsyncGenerator<Page> {
  const progress: Progress = { pages: 0, items: 0 };
  const pageLimit = typeof request.input['Limit'] === 'number' ? request.input['Limit'] : undefined;
  let startKey = options.exclusiveStartKey;
  for (;;) {
    const remaining = options.maxItems === undefined ? undefined : options.maxItems - progress.items;
    const limit = remaining === undefined ? pageLimit : Math.min(pageLimit ?? remaining, remaining);
    const input = {
      ...request.input,
      ...(limit !== undefined && { Limit: limit }),
      ...(startKey && { ExclusiveStartKey: startKey }),
    };
    let output: Record<string, unknown>;
    try {
      if (options.signal?.aborted)
        throw new MonotableError('CANCELLED', `${request.operation}: cancelled.`, {
          hint: 'Run it again to read the rest.',
        });
      output = await sendOperation(connection, { operation: request.operation, input }, { signal: options.signal });
    } catch (error) {
      throw withProgress(error, progress, startKey);
    }
    const items = (output['Items'] as Item[] | undefined) ?? [];
    const lastEvaluatedKey = output['LastEvaluatedKey'] as Item | undefined;
    progress.pages += 1;
    progress.items += items.length;
    yield {
      items,
      count: typeof output['Count'] === 'number' ? output['Count'] : items.length,
      scannedCount: typeof output['ScannedCount'] === 'number' ? output['ScannedCount'] : items.length,
      consumedCapacity: capacityUnits(output['ConsumedCapacity']),
      ...(lastEvaluatedKey && { lastEvaluatedKey }),
    };
    startKey = lastEvaluatedKey;
    if (!startKey || !options.all) return;
    if (options.maxItems !== undefined && progress.items >= options.maxItems) return;
  }
}
