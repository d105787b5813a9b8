import type { Item } from '../../../shared/model/attribute-value.js';
import type { OpenConnection } from '../connections/connection.js';
import { batchGet } from './batch-get.js';
import { capacityUnits } from './consumed-capacity.js';
import { readPages, type ReadOptions } from './read-pages.js';
import { sendOperation, type LowLevelRequest } from './send-operation.js';

export interface RunOptions extends ReadOptions {
  /** Production connections: the table name, typed back, to allow a write. */
  confirm?: string;
  /** Query/Scan: after each page, the totals so far (for progress). */
  onPage?(progress: { pages: number; items: number }): void;
}

/** What every operation returns; reads fill `items`, writes may fill `attributes` (ReturnValues). */
export interface OperationResult {
  operation: LowLevelRequest['operation'];
  items: Item[];
  count: number;
  scannedCount: number;
  /** Requests sent (pages of a Query/Scan, calls of a BatchGet). */
  pages: number;
  /** Capacity units consumed, summed over the requests (ReturnConsumedCapacity TOTAL). */
  consumedCapacity: number;
  /** Query/Scan: where to continue (pass as `exclusiveStartKey`); absent when everything was read. */
  lastEvaluatedKey?: Item;
  /** True when `maxItems` stopped the read before the end. */
  truncated: boolean;
  /** Put/Update/Delete with ReturnValues. */
  attributes?: Item;
  /** ExecuteStatement: the token for the next page. */
  nextToken?: string;
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
    const maxItems = options.maxItems ?? (options.all ? DEFAULT_MAX_ITEMS : undefined);
    const result: OperationResult = {
      operation,
      items: [],
      count: 0,
      scannedCount: 0,
      pages: 0,
      consumedCapacity: 0,
      truncated: false,
    };
    for await (const page of readPages(connection, { operation, input }, { ...options, maxItems })) {
      result.items.push(...page.items);
      result.count += page.count;
      result.scannedCount += page.scannedCount;
      result.pages += 1;
      result.consumedCapacity += page.consumedCapacity;
      if (page.lastEvaluatedKey) result.lastEvaluatedKey = page.lastEvaluatedKey;
      else delete result.lastEvaluatedKey;
      options.onPage?.({ pages: result.pages, items: result.items.length });
    }
    result.truncated =
      options.all === true &&
      maxItems !== undefined &&
      result.items.length >= maxItems &&
      result.lastEvaluatedKey !== undefined;
    return result;
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
  return single(request, [], output['ConsumedCapacity'], attributes ? { attributes } : {});
}
