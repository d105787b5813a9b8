import type { Contract } from '../../../../shared/api/contract.js';
import type { PageEvent } from '../../../../shared/api/methods/operations.js';
import { MonotableError } from '../../../../shared/errors/monotable-error.js';
import type { Item } from '../../../../shared/model/attribute-value.js';
import { selectOneTable } from '../../../../shared/model/find-table.js';
import type { Model } from '../../../../shared/model/schema.js';
import { buildAdHocQuery, buildAdHocScan, type AdHocRead } from '../../../../shared/operations/ad-hoc-request.js';
import { getConnection } from '../../connections/connection-registry.js';
import { runPattern } from '../../operations/run-pattern.js';
import { hideExpired } from '../../operations/hide-expired.js';
import { runOperation, type RunOptions } from '../../operations/run-operation.js';
import type { LowLevelRequest } from '../../operations/send-operation.js';
import type { HandlerContext, Handlers } from '../handler.js';

type OperationsArea = Pick<Contract, 'operation.runPattern' | 'operation.query' | 'operation.scan' | 'operation.run'>;

type Paging = {
  all?: boolean | undefined;
  maxItems?: number | undefined;
  exclusiveStartKey?: Item | undefined;
  confirm?: string | undefined;
  stream?: boolean | undefined;
  segments?: number | undefined;
};

/** Paging, streaming and cancelling, the same for every read method: pages become the method's events. */
function runOptions(input: Paging, ctx: HandlerContext<PageEvent>): RunOptions {
  return {
    signal: ctx.signal,
    onPage: (event) => ctx.emit(event),
    ...(input.all !== undefined && { all: input.all }),
    ...(input.maxItems !== undefined && { maxItems: input.maxItems }),
    ...(input.exclusiveStartKey !== undefined && { exclusiveStartKey: input.exclusiveStartKey }),
    ...(input.confirm !== undefined && { confirm: input.confirm }),
    ...(input.stream !== undefined && { stream: input.stream }),
    ...(input.segments !== undefined && { segments: input.segments }),
  };
}

/** The ad hoc read of a table or index; the table defaults to the model's only one. */
function adHoc(
  model: Model,
  input: {
    table?: string | undefined;
    index?: string | undefined;
    filters?: AdHocRead['filters'] | undefined;
    projection?: string[] | undefined;
    limit?: number | undefined;
    consistentRead?: boolean | undefined;
  },
): AdHocRead {
  return {
    table: selectOneTable(model, input.table).name,
    ...(input.index !== undefined && { index: input.index }),
    ...(input.filters !== undefined && { filters: input.filters }),
    ...(input.projection !== undefined && { projection: input.projection }),
    ...(input.limit !== undefined && { limit: input.limit }),
    ...(input.consistentRead !== undefined && { consistentRead: input.consistentRead }),
  };
}

/** With `hideExpired`, an ad hoc read of a table with a TTL attribute leaves out items whose TTL has passed. */
function withoutExpired(
  request: LowLevelRequest,
  input: { model: Model; table?: string | undefined; hideExpired?: boolean | undefined },
): LowLevelRequest {
  if (!input.hideExpired) return request;
  const ttl = selectOneTable(input.model, input.table).ttlAttribute;
  return ttl ? hideExpired(request, ttl, Date.now() / 1000) : request;
}

/**
 * The use cases of the operations area: each owns its method's checks and defaults (the pattern's parameters and
 * its `limit` as the request's Limit, the ad hoc table default, parallel segments, streaming), so the CLI, the UI
 * and every transport get the same behaviour.
 */
export const operationHandlers: Handlers<OperationsArea> = {
  async 'operation.runPattern'(input, ctx) {
    const connection = getConnection(input.connectionId);
    const options = {
      ...runOptions(input, ctx),
      ...(input.limit !== undefined && { limit: input.limit }),
      ...(input.hideExpired !== undefined && { hideExpired: input.hideExpired }),
    };
    const { pattern, request, result } = await runPattern(
      connection,
      input.model,
      input.pattern,
      input.params,
      options,
    );
    return { request, result, summary: pattern.summary };
  },
  async 'operation.query'(input, ctx) {
    if (input.sort?.to !== undefined && input.sort.operator !== 'between')
      throw new MonotableError('BAD_INPUT', 'A second sort key value (the upper bound) goes with "between" only.', {
        path: '$.sort.to',
        hint: 'Use the operator between with LOW and HIGH (CLI: --sk-op between --sk LOW --sk2 HIGH), or drop the upper bound.',
      });
    const connection = getConnection(input.connectionId);
    const built = buildAdHocQuery(input.model, {
      ...adHoc(input.model, input),
      partition: input.partition,
      ...(input.sort !== undefined && {
        sort: {
          operator: input.sort.operator,
          value: input.sort.value,
          ...(input.sort.to !== undefined && { to: input.sort.to }),
        },
      }),
      ...(input.descending !== undefined && { descending: input.descending }),
    });
    const request = withoutExpired(built, input);
    return { request, result: await runOperation(connection, request, runOptions(input, ctx)) };
  },
  async 'operation.scan'(input, ctx) {
    const connection = getConnection(input.connectionId);
    const request = withoutExpired(buildAdHocScan(input.model, adHoc(input.model, input)), input);
    return { request, result: await runOperation(connection, request, runOptions(input, ctx)) };
  },
  async 'operation.run'(input, ctx) {
    const connection = getConnection(input.connectionId);
    return runOperation(connection, { operation: input.operation, input: input.input }, runOptions(input, ctx));
  },
};
