// TransactWriteItems and TransactGetItems with DynamoDB's rules: 1-100 actions, 4 MB in all, no two actions on one
// item, all conditions checked together, all or nothing, ClientRequestToken idempotency for 10 minutes,
// TransactionCanceledException with one CancellationReason per action in request order. The whole transaction holds
// the engine lock alone, so no other request reads or writes between its checks and its last write.
import { ApiError, dynamoError, validationError } from './errors.js';
import { db } from './load-dynalite.js';

export const MAX_TRANSACTION_ACTIONS = 100;
export const MAX_TRANSACTION_BYTES = 4 * 1024 * 1024;
export const IDEMPOTENCY_WINDOW_MS = 10 * 60_000;

const WRITE_KINDS = ['ConditionCheck', 'Put', 'Delete', 'Update'];
/** Each transaction action is validated as the single-item request it resembles. */
const VALIDATE_AS = {
  ConditionCheck: 'DeleteItem',
  Put: 'PutItem',
  Delete: 'DeleteItem',
  Update: 'UpdateItem',
  Get: 'GetItem',
};

/** Size of an attribute value in UTF-8 bytes (DynamoDB's rules: names and strings in bytes, numbers ~ digits/2). */
function valueBytes(value) {
  if (!value || typeof value !== 'object') return 0;
  const [type] = Object.keys(value);
  const v = value[type];
  switch (type) {
    case 'S':
      return Buffer.byteLength(v, 'utf8');
    case 'N':
      return Math.ceil(String(v).replace(/^-|\.|e.*$/gi, '').length / 2) + 1;
    case 'B':
      return Buffer.from(v, 'base64').length;
    case 'SS':
    case 'NS':
    case 'BS':
      return v.reduce((sum, x) => sum + valueBytes({ [type[0]]: x }), 0);
    case 'L':
      return 3 + v.reduce((sum, x) => sum + 1 + valueBytes(x), 0);
    case 'M':
      return 3 + itemBytes(v);
    default:
      return 1;
  }
}

export function itemBytes(item) {
  if (!item || typeof item !== 'object') return 0;
  return Object.entries(item).reduce(
    (sum, [name, value]) => sum + Buffer.byteLength(name, 'utf8') + valueBytes(value),
    0,
  );
}

function checkActionList(data, kinds, operation) {
  const list = data.TransactItems;
  if (list == null) {
    throw validationError(
      "1 validation error detected: Value null at 'transactItems' failed to satisfy constraint: Member must not be null",
    );
  }
  if (!Array.isArray(list)) throw new ApiError(400, { __type: 'com.amazon.coral.service#SerializationException' });
  if (list.length < 1 || list.length > MAX_TRANSACTION_ACTIONS) {
    throw validationError(
      `1 validation error detected: Value '[${list.length} items]' at 'transactItems' failed to satisfy constraint: Member must have length ${list.length < 1 ? 'greater than or equal to 1' : `less than or equal to ${MAX_TRANSACTION_ACTIONS}`}`,
    );
  }
  return list.map((entry, index) => {
    const present = entry && typeof entry === 'object' ? kinds.filter((kind) => entry[kind] != null) : [];
    if (present.length !== 1) {
      throw validationError(
        `${operation}: TransactItems[${index}] must contain exactly one of ${kinds.join(', ')}; it contains ${present.length ? present.join(', ') : 'none'}.`,
      );
    }
    const kind = present[0];
    const request = entry[kind];
    if (!request || typeof request !== 'object' || Array.isArray(request)) {
      throw new ApiError(400, { __type: 'com.amazon.coral.service#SerializationException' });
    }
    return { kind, request };
  });
}

function checkReturnValues(request) {
  const value = request.ReturnValuesOnConditionCheckFailure;
  if (value != null && value !== 'ALL_OLD' && value !== 'NONE') {
    throw validationError(
      `1 validation error detected: Value '${value}' at 'returnValuesOnConditionCheckFailure' failed to satisfy constraint: Member must satisfy enum value set: [ALL_OLD, NONE]`,
    );
  }
  return value === 'ALL_OLD';
}

function reasonsMessage(reasons) {
  return `Transaction cancelled, please refer cancellation reasons for specific reasons [${reasons.map((r) => r.Code).join(', ')}]`;
}

function capacityEntries(units, mode) {
  if (mode !== 'TOTAL' && mode !== 'INDEXES') return undefined;
  return [...units].map(([TableName, CapacityUnits]) => ({
    TableName,
    CapacityUnits,
    ...(mode === 'INDEXES' ? { Table: { CapacityUnits } } : {}),
  }));
}

export function createTransactions(engine) {
  /** token → { fingerprint, response, completedAt } of successful TransactWriteItems calls. */
  const tokens = new Map();
  const tokensInProgress = new Set();

  /** Validates every action, resolves its table and key; throws the request-level ValidationException on a bad one. */
  async function prepare(actions, operation) {
    const seen = new Set();
    let bytes = 0;
    const prepared = [];
    for (const [index, { kind, request }] of actions.entries()) {
      const returnOld = kind === 'Get' ? false : checkReturnValues(request);
      if (kind === 'ConditionCheck' && request.ConditionExpression == null) {
        throw validationError(
          `${operation}: TransactItems[${index}].ConditionCheck needs a ConditionExpression (1 validation error detected: Value null at 'transactItems.${index + 1}.member.conditionCheck.conditionExpression' failed to satisfy constraint: Member must not be null)`,
        );
      }
      const validated = engine.validate(VALIDATE_AS[kind], { ...request });
      const table = await engine.getTable(validated.TableName);
      const invalid =
        kind === 'Put'
          ? db.validateItem(validated.Item, table)
          : db.validateKey(validated.Key, table) ||
            (kind === 'Update' ? db.validateUpdates(validated.AttributeUpdates, validated._updates, table) : null);
      if (invalid) throw new ApiError(invalid.statusCode, invalid.body);
      const key = db.createKey(kind === 'Put' ? validated.Item : validated.Key, table);
      const identity = `${validated.TableName}\u0000${key}`;
      if (seen.has(identity))
        throw validationError('Transaction request cannot include multiple operations on one item');
      seen.add(identity);
      bytes += kind === 'Put' ? itemBytes(validated.Item) : itemBytes(validated.Key);
      if (validated.ExpressionAttributeValues) bytes += itemBytes(validated.ExpressionAttributeValues);
      prepared.push({ kind, validated, table, key, returnOld });
    }
    if (bytes > MAX_TRANSACTION_BYTES) {
      throw validationError(
        `Transaction request size has exceeded the maximum allowed size of 4 MB; size: ${bytes} bytes`,
      );
    }
    return prepared;
  }

  /** The write one action makes, as a dynalite request without its condition (already checked). */
  function writeRequest({ kind, validated }) {
    if (kind === 'Put') return ['PutItem', { TableName: validated.TableName, Item: validated.Item }];
    if (kind === 'Delete') return ['DeleteItem', { TableName: validated.TableName, Key: validated.Key }];
    const { ConditionExpression, _condition, Expected, ConditionalOperator, ReturnValues, ...update } = validated;
    return ['UpdateItem', update];
  }

  /** Puts an item back as it was before the transaction (absent → deleted). */
  async function restore(action, before) {
    const { TableName } = action.validated;
    if (before) await engine.runAction('PutItem', { TableName, Item: before });
    else {
      const Key = Object.fromEntries(
        action.table.KeySchema.map(({ AttributeName }) => [
          AttributeName,
          (action.kind === 'Put' ? action.validated.Item : action.validated.Key)[AttributeName],
        ]),
      );
      await engine.runAction('DeleteItem', { TableName, Key });
    }
  }

  async function write(data) {
    const actions = checkActionList(data, WRITE_KINDS, 'TransactWriteItems');
    const token = data.ClientRequestToken;
    if (token != null && (typeof token !== 'string' || token.length < 1 || token.length > 36)) {
      throw validationError(
        `1 validation error detected: Value '${token}' at 'clientRequestToken' failed to satisfy constraint: Member must have length ${typeof token === 'string' && token.length > 36 ? 'less than or equal to 36' : 'greater than or equal to 1'}`,
      );
    }
    const prepared = await prepare(actions, 'TransactWriteItems');
    const fingerprint = token == null ? undefined : JSON.stringify({ ...data, ClientRequestToken: undefined });
    if (token != null) {
      for (const [old, entry] of tokens)
        if (engine.now() - entry.completedAt > IDEMPOTENCY_WINDOW_MS) tokens.delete(old);
      const earlier = tokens.get(token);
      if (earlier) {
        if (earlier.fingerprint !== fingerprint) {
          throw dynamoError(
            'IdempotentParameterMismatchException',
            'Request with the same client token was already processed with different parameters within the idempotency window',
          );
        }
        return earlier.response;
      }
      if (tokensInProgress.has(token)) {
        throw dynamoError(
          'TransactionInProgressException',
          'A transaction with the same client request token is in progress',
        );
      }
      tokensInProgress.add(token);
    }
    const release = await engine.acquire('exclusive');
    try {
      const befores = [];
      const reasons = [];
      for (const action of prepared) {
        const before = await engine.getItem(action.validated.TableName, action.key);
        befores.push(before);
        const failed = db.checkConditional(action.validated, before);
        if (!failed) reasons.push({ Code: 'None' });
        else if (failed.body?.__type?.endsWith('#ConditionalCheckFailedException')) {
          reasons.push({
            Code: 'ConditionalCheckFailed',
            Message: 'The conditional request failed',
            ...(action.returnOld && before ? { Item: before } : {}),
          });
        } else reasons.push({ Code: 'ValidationError', Message: failed.body?.message ?? failed.message });
      }
      if (reasons.some((r) => r.Code !== 'None')) {
        throw dynamoError('TransactionCanceledException', reasonsMessage(reasons), { CancellationReasons: reasons });
      }
      const units = new Map();
      for (const [index, action] of prepared.entries()) {
        if (action.kind === 'ConditionCheck') continue;
        const [operation, request] = writeRequest(action);
        try {
          await engine.runAction(operation, request);
        } catch (error) {
          for (let undo = index - 1; undo >= 0; undo--) {
            if (prepared[undo].kind !== 'ConditionCheck') await restore(prepared[undo], befores[undo]);
          }
          if (!(error instanceof ApiError)) throw error;
          const cancelled = prepared.map((_, i) =>
            i === index ? { Code: 'ValidationError', Message: error.body?.message ?? error.message } : { Code: 'None' },
          );
          throw dynamoError('TransactionCanceledException', reasonsMessage(cancelled), {
            CancellationReasons: cancelled,
          });
        }
      }
      for (const [index, action] of prepared.entries()) {
        const size = Math.max(itemBytes(befores[index]), action.kind === 'Put' ? itemBytes(action.validated.Item) : 0);
        const tableName = action.validated.TableName;
        units.set(tableName, (units.get(tableName) ?? 0) + 2 * Math.max(1, Math.ceil(size / 1024)));
      }
      const consumed = capacityEntries(units, data.ReturnConsumedCapacity);
      const response = consumed ? { ConsumedCapacity: consumed } : {};
      if (token != null) tokens.set(token, { fingerprint, response, completedAt: engine.now() });
      return response;
    } finally {
      release();
      if (token != null) tokensInProgress.delete(token);
    }
  }

  async function get(data) {
    const actions = checkActionList(data, ['Get'], 'TransactGetItems');
    const prepared = await prepare(actions, 'TransactGetItems');
    const release = await engine.acquire('exclusive');
    try {
      const responses = [];
      const units = new Map();
      let bytes = 0;
      for (const action of prepared) {
        const { ReturnConsumedCapacity, ...request } = action.validated;
        const result = await engine.runAction('GetItem', request);
        const item = await engine.getItem(request.TableName, action.key);
        bytes += itemBytes(item);
        units.set(
          request.TableName,
          (units.get(request.TableName) ?? 0) + 2 * Math.max(1, Math.ceil(itemBytes(item) / 4096)),
        );
        responses.push(result.Item ? { Item: result.Item } : {});
      }
      if (bytes > MAX_TRANSACTION_BYTES) {
        throw validationError(
          `Transaction request size has exceeded the maximum allowed size of 4 MB; size: ${bytes} bytes`,
        );
      }
      const consumed = capacityEntries(units, data.ReturnConsumedCapacity);
      return { Responses: responses, ...(consumed ? { ConsumedCapacity: consumed } : {}) };
    } finally {
      release();
    }
  }

  return { write, get };
}
