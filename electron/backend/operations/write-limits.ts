import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import type { AttributeValue, Item } from '../../../shared/model/attribute-value.js';
import { checkPartitionValue, checkWriteLimits, type KeyNames } from '../../../shared/model/write-limits.js';
import type { OpenConnection } from '../connections/connection.js';
import type { LowLevelRequest } from './send-operation.js';

const keyCache = new WeakMap<object, Map<string, KeyNames | undefined>>();

/**
 * The primary key names of a table, read once per connection client with DescribeTable. Undefined when the table
 * cannot be described (missing, or no permission): then only the size and name checks run and the engine speaks
 * for the rest.
 */
export async function tableKeyNames(connection: OpenConnection, table: string): Promise<KeyNames | undefined> {
  let cache = keyCache.get(connection.client);
  if (!cache) keyCache.set(connection.client, (cache = new Map()));
  if (cache.has(table)) return cache.get(table);
  let keys: KeyNames | undefined;
  try {
    const described = await connection.client.send(new DescribeTableCommand({ TableName: table }));
    const schema = described.Table?.KeySchema ?? [];
    const partition = schema.find((k) => k.KeyType === 'HASH')?.AttributeName;
    const sort = schema.find((k) => k.KeyType === 'RANGE')?.AttributeName;
    keys = partition ? { partition, ...(sort !== undefined && { sort }) } : undefined;
  } catch {
    keys = undefined;
  }
  if (keys) cache.set(table, keys);
  return keys;
}

/** The items and keys a write request carries, with the table each goes to. */
function writtenValues(request: LowLevelRequest): { table: string; item: Item; what: string }[] {
  const input = request.input as Record<string, unknown>;
  const table = typeof input['TableName'] === 'string' ? input['TableName'] : '';
  switch (request.operation) {
    case 'PutItem':
      return input['Item'] ? [{ table, item: input['Item'] as Item, what: 'PutItem' }] : [];
    case 'UpdateItem':
    case 'DeleteItem':
      return input['Key'] ? [{ table, item: input['Key'] as Item, what: request.operation }] : [];
    case 'TransactWriteItems': {
      const actions = Array.isArray(input['TransactItems'])
        ? (input['TransactItems'] as Record<string, unknown>[])
        : [];
      return actions.flatMap((action, i) =>
        Object.entries(action).flatMap(([kind, body]) => {
          const b = (body ?? {}) as { TableName?: string; Item?: Item; Key?: Item };
          const item = b.Item ?? b.Key;
          return item ? [{ table: b.TableName ?? '', item, what: `TransactWriteItems action ${i + 1} (${kind})` }] : [];
        }),
      );
    }
    default:
      return [];
  }
}

/** Refuses, before sending, a write whose item or key DynamoDB would refuse by its UTF-8 byte limits. */
export async function checkRequestLimits(connection: OpenConnection, request: LowLevelRequest): Promise<void> {
  for (const { table, item, what } of writtenValues(request)) {
    if (typeof item !== 'object' || item === null) continue;
    checkWriteLimits(item, table ? await tableKeyNames(connection, table) : undefined, what);
  }
}

/** The same checks for BatchWriteItem puts and delete keys. */
export async function checkBatchLimits(
  connection: OpenConnection,
  table: string,
  puts: readonly Item[],
  deletes: readonly Item[],
): Promise<void> {
  const keys = await tableKeyNames(connection, table);
  puts.forEach((item, i) => checkWriteLimits(item, keys, `Put ${i + 1} of ${puts.length}`));
  deletes.forEach((key, i) => checkWriteLimits(key, keys, `Delete ${i + 1} of ${deletes.length}`));
}

/**
 * A Query's key equalities (`#pk = :v`): DynamoDB refuses an empty key value and one longer than a key can be
 * (2,048 UTF-8 bytes), where the embedded engine counts characters.
 */
export function checkQueryKeyValues(request: LowLevelRequest): void {
  if (request.operation !== 'Query') return;
  const input = request.input as Record<string, unknown>;
  const condition = typeof input['KeyConditionExpression'] === 'string' ? input['KeyConditionExpression'] : '';
  const values = (input['ExpressionAttributeValues'] ?? {}) as Record<string, AttributeValue>;
  const names = (input['ExpressionAttributeNames'] ?? {}) as Record<string, string>;
  for (const m of condition.matchAll(/([#\w.]+)\s*=\s*(:\w+)/g)) {
    const value = values[m[2]!];
    if (!value || !('S' in value || 'B' in value)) continue;
    const attribute = names[m[1]!] ?? m[1]!;
    const text = 'S' in value ? value.S : value.B;
    if ('B' in value && text !== '') continue;
    checkPartitionValue(text, attribute, 'Query');
  }
}
