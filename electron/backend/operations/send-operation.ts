import {
  BatchGetItemCommand,
  DeleteItemCommand,
  ExecuteStatementCommand,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  ScanCommand,
  TransactGetItemsCommand,
  TransactWriteItemsCommand,
  UpdateItemCommand,
  type BatchGetItemCommandInput,
  type DeleteItemCommandInput,
  type ExecuteStatementCommandInput,
  type GetItemCommandInput,
  type PutItemCommandInput,
  type QueryCommandInput,
  type ScanCommandInput,
  type TransactGetItemsCommandInput,
  type TransactWriteItemsCommandInput,
  type UpdateItemCommandInput,
} from '@aws-sdk/client-dynamodb';
import { MonotableError } from '../../../shared/errors/monotable-error.js';
import { OPERATIONS, type LowLevelRequest, type OperationName } from '../../../shared/api/methods/operations.js';
import type { OpenConnection } from '../connections/connection.js';
import { toMonotableError } from '../connections/aws-errors.js';
import { assertConfirmed, assertSupported } from '../connections/guards.js';
import { fromSdkOutput, toSdkInput } from './wire-format.js';
import { checkQueryKeyValues, checkRequestLimits } from './write-limits.js';

export type { LowLevelRequest, OperationName };
/** Every operation Monotable sends (the contract's list). */
export const OPERATION_NAMES: readonly OperationName[] = OPERATIONS;

export interface SendOptions {
  signal?: AbortSignal;
  /** Production connections: the table name typed back, required for writes. */
  confirm?: string;
}

type Client = OpenConnection['client'];
type Send = (client: Client, input: Record<string, unknown>, signal: AbortSignal | undefined) => Promise<object>;

// The typed JSON body was converted to the SDK's shapes just before; the engine validates the rest.
const SENDERS: Record<OperationName, Send> = {
  GetItem: (c, i, abortSignal) => c.send(new GetItemCommand(i as unknown as GetItemCommandInput), { abortSignal }),
  Query: (c, i, abortSignal) => c.send(new QueryCommand(i as unknown as QueryCommandInput), { abortSignal }),
  Scan: (c, i, abortSignal) => c.send(new ScanCommand(i as unknown as ScanCommandInput), { abortSignal }),
  PutItem: (c, i, abortSignal) => c.send(new PutItemCommand(i as unknown as PutItemCommandInput), { abortSignal }),
  UpdateItem: (c, i, abortSignal) =>
    c.send(new UpdateItemCommand(i as unknown as UpdateItemCommandInput), { abortSignal }),
  DeleteItem: (c, i, abortSignal) =>
    c.send(new DeleteItemCommand(i as unknown as DeleteItemCommandInput), { abortSignal }),
  BatchGetItem: (c, i, abortSignal) =>
    c.send(new BatchGetItemCommand(i as unknown as BatchGetItemCommandInput), { abortSignal }),
  TransactWriteItems: (c, i, abortSignal) =>
    c.send(new TransactWriteItemsCommand(i as unknown as TransactWriteItemsCommandInput), { abortSignal }),
  TransactGetItems: (c, i, abortSignal) =>
    c.send(new TransactGetItemsCommand(i as unknown as TransactGetItemsCommandInput), { abortSignal }),
  ExecuteStatement: (c, i, abortSignal) =>
    c.send(new ExecuteStatementCommand(i as unknown as ExecuteStatementCommandInput), { abortSignal }),
};

const WRITES = new Set<OperationName>(['PutItem', 'UpdateItem', 'DeleteItem', 'TransactWriteItems']);

/** Whether a request changes data (a PartiQL statement counts by its verb). */
export function isWrite(request: LowLevelRequest): boolean {
  if (request.operation === 'ExecuteStatement') return !/^\s*select\b/i.test(String(request.input['Statement'] ?? ''));
  return WRITES.has(request.operation);
}

/** The table a request is about, for messages and the production guard. */
export function tableOf(request: LowLevelRequest): string | undefined {
  const name = request.input['TableName'];
  if (typeof name === 'string') return name;
  const requestItems = request.input['RequestItems'];
  if (typeof requestItems === 'object' && requestItems !== null) return Object.keys(requestItems)[0];
  const transact = request.input['TransactItems'];
  if (Array.isArray(transact)) {
    const first = Object.values((transact[0] ?? {}) as Record<string, { TableName?: string }>)[0];
    return first?.TableName;
  }
  const statement = String(request.input['Statement'] ?? '');
  return /(?:from|into|update)\s+"([^"]+)"/i.exec(statement)?.[1];
}

/**
 * Sends one request with ReturnConsumedCapacity TOTAL, honouring the connection's capabilities (transactions and
 * PartiQL on the embedded engine are ENGINE_UNSUPPORTED before anything is sent), read-only and production marks.
 * Returns the response as typed JSON; every failure is a MonotableError.
 */
export async function sendOperation(
  connection: OpenConnection,
  request: LowLevelRequest,
  options: SendOptions = {},
): Promise<Record<string, unknown>> {
  const { operation } = request;
  const table = tableOf(request);
  if (operation === 'TransactWriteItems' || operation === 'TransactGetItems')
    assertSupported(connection, 'transactions');
  if (operation === 'ExecuteStatement') assertSupported(connection, 'partiql');
  if (isWrite(request))
    assertConfirmed(connection, table ?? '', options.confirm, `${operation}${table ? ` on table "${table}"` : ''}`);
  let input: Record<string, unknown>;
  try {
    input = { ...toSdkInput(request.input), ReturnConsumedCapacity: 'TOTAL' };
  } catch (error) {
    throw new MonotableError(
      'BAD_INPUT',
      `${operation}: the request holds a malformed typed value (${error instanceof Error ? error.message : String(error)}).`,
      {
        operation,
        hint: 'Write values as DynamoDB-typed JSON: {"S":"text"}, {"N":"42"}, {"B":"<base64>"}, {"SS":["a"]}, {"M":{...}}.',
      },
    );
  }
  // After the conversion, which refuses malformed typed values: the limits count well-formed ones.
  if (isWrite(request)) await checkRequestLimits(connection, request);
  checkQueryKeyValues(request);
  try {
    const output = await SENDERS[operation](connection.client, input, options.signal);
    return fromSdkOutput(output);
  } catch (error) {
    throw toMonotableError(error, { operation, connection, ...(table !== undefined && { table }) });
  }
}
