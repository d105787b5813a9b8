import { MonotableError } from '../../../shared/errors/monotable-error.js';
import type { Item } from '../../../shared/model/attribute-value.js';
import { MAX_BATCH_GET_KEYS } from '../../../shared/patterns/build-request.js';
import type { OpenConnection } from '../connections/connection.js';
import { backoffDelay, sleep } from '../retry/backoff.js';
import { capacityUnits } from './consumed-capacity.js';
import { sendOperation } from './send-operation.js';

const MAX_ROUNDS = 10;
const BASE_DELAY_MS = 50;
const MAX_DELAY_MS = 2_000;

type TableRequest = Record<string, unknown> & { Keys: Item[] };

export interface BatchGetOutcome {
  items: Item[];
  calls: number;
  consumedCapacity: number;
}

/** A key's identity regardless of attribute order, to drop duplicates (DynamoDB rejects a batch that has any). */
function keyId(key: Item): string {
  return JSON.stringify(
    Object.keys(key)
      .sort()
      .map((name) => [name, key[name]]),
  );
}

/** Splits `RequestItems` into calls of at most 100 keys (duplicates removed), keeping each table's options. */
function chunk(requestItems: Record<string, TableRequest>): Record<string, TableRequest>[] {
  const calls: Record<string, TableRequest>[] = [];
  let current: Record<string, TableRequest> = {};
  let size = 0;
  for (const [table, request] of Object.entries(requestItems)) {
    const seen = new Set<string>();
    for (const key of request.Keys) {
      const id = keyId(key);
      if (seen.has(id)) continue;
      seen.add(id);
      if (size === MAX_BATCH_GET_KEYS) {
        calls.push(current);
        current = {};
        size = 0;
      }
      const entry = (current[table] ??= { ...request, Keys: [] });
      entry.Keys.push(key);
      size += 1;
    }
  }
  if (size > 0) calls.push(current);
  return calls;
}

/**
 * BatchGetItem for any number of keys: at most 100 per call, duplicates removed, UnprocessedKeys resent with
 * exponential backoff and full jitter until none are left (at most 10 rounds per call, then THROTTLED naming how
 * many keys are still unread). Items come back in no particular order, as from DynamoDB.
 */
export async function batchGet(
  connection: OpenConnection,
  requestItems: Record<string, TableRequest>,
  options: { signal?: AbortSignal } = {},
): Promise<BatchGetOutcome> {
  const outcome: BatchGetOutcome = { items: [], calls: 0, consumedCapacity: 0 };
  for (const call of chunk(requestItems)) {
    let pending: Record<string, TableRequest> | undefined = call;
    for (let round = 0; pending; round += 1) {
      if (round === MAX_ROUNDS) {
        const left = Object.values(pending).reduce((n, r) => n + r.Keys.length, 0);
        throw new MonotableError(
          'THROTTLED',
          `BatchGetItem: ${left} key(s) were still unprocessed after ${MAX_ROUNDS} attempts (${outcome.items.length} item(s) read).`,
          {
            operation: 'BatchGetItem',
            hint: 'The table is throttling reads: retry later or raise its read capacity.',
          },
        );
      }
      if (round > 0) await sleep(backoffDelay(round, BASE_DELAY_MS, MAX_DELAY_MS), options.signal);
      if (options.signal?.aborted)
        throw new MonotableError('CANCELLED', `BatchGetItem: cancelled after ${outcome.items.length} item(s).`, {
          operation: 'BatchGetItem',
          hint: 'Run it again to read the rest.',
        });
      const output = await sendOperation(
        connection,
        { operation: 'BatchGetItem', input: { RequestItems: pending } },
        options,
      );
      outcome.calls += 1;
      outcome.consumedCapacity += capacityUnits(output['ConsumedCapacity']);
      for (const items of Object.values((output['Responses'] ?? {}) as Record<string, Item[]>))
        outcome.items.push(...items);
      const unprocessed = output['UnprocessedKeys'] as Record<string, TableRequest> | undefined;
      pending = unprocessed && Object.keys(unprocessed).length > 0 ? unprocessed : undefined;
    }
  }
  return outcome;
}
