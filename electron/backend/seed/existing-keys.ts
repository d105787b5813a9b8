import {
  BatchGetItemCommand,
  ScanCommand,
  type BatchGetItemCommandOutput,
  type DynamoDBClient,
  type KeysAndAttributes,
} from '@aws-sdk/client-dynamodb';
import type { PlannedItem } from '../../../shared/seed/seed-types.js';
import { backoffDelay, sleep } from '../retry/backoff.js';
import { keyId } from './key-id.js';
import { toSdkItem } from './sdk-item.js';

function keysOnly(
  keyNames: readonly string[],
): Pick<KeysAndAttributes, 'ProjectionExpression' | 'ExpressionAttributeNames'> {
  return {
    ProjectionExpression: keyNames.map((_, i) => `#k${i}`).join(', '),
    ExpressionAttributeNames: Object.fromEntries(keyNames.map((n, i) => [`#k${i}`, n])),
  };
}

/** True when the table has no item at all (one Scan page of one key): a fresh table needs no existence checks. */
export async function tableIsEmpty(
  client: DynamoDBClient,
  table: string,
  keyNames: readonly string[],
  signal: AbortSignal,
): Promise<boolean> {
  const out = await client.send(new ScanCommand({ TableName: table, Limit: 1, ...keysOnly(keyNames) }), {
    abortSignal: signal,
  });
  return (out.Items?.length ?? 0) === 0 && out.LastEvaluatedKey === undefined;
}

/**
 * The key ids (see keyId) of those planned items that already exist: one BatchGetItem of keys only (≤ 100 keys),
 * strongly consistent, resending UnprocessedKeys with backoff.
 */
export async function existingKeys(
  client: DynamoDBClient,
  table: string,
  keyNames: readonly string[],
  items: readonly PlannedItem[],
  signal: AbortSignal,
  retry: { maxAttempts: number; baseDelayMs: number; maxDelayMs: number },
): Promise<Set<string>> {
  const found = new Set<string>();
  let request: KeysAndAttributes | undefined = {
    Keys: items.map((p) => toSdkItem(p.key)),
    ConsistentRead: true,
    ...keysOnly(keyNames),
  };
  for (let attempt = 0; request?.Keys?.length; attempt++) {
    if (attempt >= retry.maxAttempts)
      throw new Error(`BatchGetItem left ${request.Keys.length} keys unprocessed after ${attempt} attempts`);
    if (attempt > 0) await sleep(backoffDelay(attempt, retry.baseDelayMs, retry.maxDelayMs), signal);
    const out: BatchGetItemCommandOutput = await client.send(
      new BatchGetItemCommand({ RequestItems: { [table]: request } }),
      { abortSignal: signal },
    );
    for (const item of out.Responses?.[table] ?? []) found.add(keyId(keyNames, item));
    request = out.UnprocessedKeys?.[table];
  }
  return found;
}
