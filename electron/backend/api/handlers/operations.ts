import type { Contract } from '../../../../shared/api/contract.js';
import type { Item } from '../../../../shared/model/attribute-value.js';
import { buildAdHocQuery, buildAdHocScan, type AdHocRead } from '../../../../shared/operations/ad-hoc-request.js';
import { getConnection } from '../../connections/connection-registry.js';
import { patternRequest } from '../../operations/run-pattern.js';
import { runOperation, type RunOptions } from '../../operations/run-operation.js';
import type { HandlerContext, Handlers } from '../handler.js';

type OperationsArea = Pick<Contract, 'operation.runPattern' | 'operation.query' | 'operation.scan' | 'operation.run'>;
type Paging = {
  all?: boolean | undefined;
  maxItems?: number | undefined;
  exclusiveStartKey?: Item | undefined;
  confirm?: string | undefined;
};

function runOptions(input: Paging, ctx: HandlerContext<{ pages: number; items: number }>): RunOptions {
  return {
    signal: ctx.signal,
    onPage: ctx.emit,
    ...(input.all !== undefined && { all: input.all }),
    ...(input.maxItems !== undefined && { maxItems: input.maxItems }),
    ...(input.exclusiveStartKey !== undefined && { exclusiveStartKey: input.exclusiveStartKey }),
    ...(input.confirm !== undefined && { confirm: input.confirm }),
  };
}

function adHoc(input: {
  table: string;
  index?: string | undefined;
  filters?: AdHocRead['filters'] | undefined;
  projection?: string[] | undefined;
  limit?: number | undefined;
  consistentRead?: boolean | undefined;
}): AdHocRead {
  return {
    table: input.table,
    ...(input.index !== undefined && { index: input.index }),
    ...(input.filters !== undefined && { filters: input.filters }),
    ...(input.projection !== undefined && { projection: input.projection }),
    ...(input.limit !== undefined && { limit: input.limit }),
    ...(input.consistentRead !== undefined && { consistentRead: input.consistentRead }),
  };
}

export const operationHandlers: Handlers<OperationsArea> = {
  async 'operation.runPattern'(input, ctx) {
    const connection = getConnection(input.connectionId);
    const { pattern, request } = patternRequest(input.model, input.pattern, input.params);
    if (input.limit !== undefined) request.input['Limit'] = input.limit;
    const result = await runOperation(connection, request, runOptions(input, ctx));
    return { request, result, summary: pattern.summary };
  },
  async 'operation.query'(input, ctx) {
    const connection = getConnection(input.connectionId);
    const request = buildAdHocQuery(input.model, {
      ...adHoc(input),
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
    return { request, result: await runOperation(connection, request, runOptions(input, ctx)) };
  },
  async 'operation.scan'(input, ctx) {
    const connection = getConnection(input.connectionId);
    const request = buildAdHocScan(input.model, adHoc(input));
    return { request, result: await runOperation(connection, request, runOptions(input, ctx)) };
  },
  async 'operation.run'(input, ctx) {
    const connection = getConnection(input.connectionId);
    return runOperation(connection, { operation: input.operation, input: input.input }, runOptions(input, ctx));
  },
};
