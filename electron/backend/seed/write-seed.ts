import { setMaxListeners } from 'node:events';
import { BatchWriteItemCommand } from '@aws-sdk/client-dynamodb';
import { MonotableError } from '../../../shared/errors/monotable-error.js';
import type { PlannedItem, SeedPlan } from '../../../shared/seed/seed-types.js';
import { toMonotableError } from '../connections/aws-errors.js';
import type { OpenConnection } from '../connections/connection.js';
import { backoffDelay, sleep } from '../retry/backoff.js';
import { existingKeys, tableIsEmpty } from './existing-keys.js';
import { chunks } from './seed-chunks.js';
import { preflight } from './preflight.js';
import { keyId } from './key-id.js';
import { toSdkItem } from './sdk-item.js';
import { SeedTally } from './seed-tally.js';
import type { SeedProgress, SeedSummary } from './seed-types.js';

export const DEFAULT_CONCURRENCY = 8;

export interface WriteSeedOptions {
  /** Production connections: the table name typed back. */
  confirm?: string | undefined;
  /** Cancel: no new request starts; requests in flight are aborted and their items counted as `unknown`. */
  signal?: AbortSignal;
  onProgress?: (progress: SeedProgress) => void;
  /**
   * Requests in flight at once; default 8. Measured on the embedded engine (bench/seed-throughput.mjs): generating
   * the items costs the client about as much CPU as sending them, so with 4 in flight the engine waits between
   * batches; 8 keep it busy (e.g. 16-18k vs 9-14k items/s on 2 cores).
   */
  concurrency?: number;
  /**
   * Skip planned items whose key already exists (BatchGetItem of keys only, before each batch):
   * 'auto' (default) checks only when the table is not empty at the start, so a first seed runs at full speed and a
   * re-run after a failure or cancel writes only what is missing; 'always'; 'never' overwrites.
   */
  existing?: 'auto' | 'always' | 'never';
  /** Attempts per batch for throttling, 5xx and UnprocessedItems (on top of the SDK's own retries); default 10. */
  maxAttempts?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  progressIntervalMs?: number;
}

type Outcome = 'abort' | 'retry' | 'invalid' | 'fatal';

/** Why a request is sent again, for the progress line: `throttled (ProvisionedThroughputExceededException)`. */
function retryReason(mapped: MonotableError, error: unknown): string {
  const name = (error as { name?: string }).name ?? mapped.code;
  if (mapped.code === 'THROTTLED') return `throttled (${name})`;
  if (mapped.code === 'NETWORK') return `connection dropped or server error (${name})`;
  return `server error (${name})`;
}

/**
 * Writes a seed plan with BatchWriteItem: chunks of 25, bounded concurrency, exponential backoff with full jitter on
 * throttling, 5xx, dropped connections and UnprocessedItems (only the unprocessed items are resent, attempts capped). Returns the summary;
 * a connection failure throws CONNECTION_FAILED (or the mapped code) with the partial summary in `details.summary`.
 */
export async function writeSeed(
  connection: OpenConnection,
  plan: SeedPlan,
  options: WriteSeedOptions = {},
): Promise<SeedSummary> {
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? DEFAULT_CONCURRENCY));
  const retry = {
    maxAttempts: options.maxAttempts ?? 10,
    baseDelayMs: options.baseDelayMs ?? 50,
    maxDelayMs: options.maxDelayMs ?? 5000,
  };
  const tally = new SeedTally(plan.table, plan.planned, options.onProgress, options.progressIntervalMs ?? 100);
  const stop = new AbortController();
  // Every request in flight (and its SDK retry wait) listens on this signal: with concurrency N that is up to
  // about 2N listeners by design, not a leak, so Node's default warning threshold of 10 is raised to match.
  setMaxListeners(2 * concurrency + 10, stop.signal);
  const cancel = (): void => {
    tally.cancelled = true;
    stop.abort();
  };
  if (options.signal?.aborted) cancel();
  options.signal?.addEventListener('abort', cancel, { once: true });
  const { client } = connection;
  const table = plan.table;
  const context = { table, operation: 'BatchWriteItem', connection };
  let fatal: MonotableError | undefined;

  const classify = (error: unknown): { outcome: Outcome; mapped: MonotableError } => {
    const mapped = toMonotableError(error, context);
    if (stop.signal.aborted) return { outcome: 'abort', mapped };
    const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode ?? 0;
    // Throttling, 5xx and a dropped connection (ECONNRESET and the like) are transient: the SDK's own attempts may
    // all hit them in a row, so the seeder backs off and resends (puts are idempotent). A refused connection
    // (nothing listens: the engine is gone) or a timeout is not retried here: it ends the seed with the summary.
    if (mapped.code === 'THROTTLED' || mapped.code === 'NETWORK' || status >= 500) return { outcome: 'retry', mapped };
    if (mapped.code === 'VALIDATION' || mapped.code === 'ITEM_TOO_LARGE') return { outcome: 'invalid', mapped };
    return { outcome: 'fatal', mapped };
  };

  const giveUp = (items: readonly PlannedItem[], reason: string): void => {
    for (const p of items) tally.fail(p.keyText, reason);
  };

  const writeBatch = async (batch: PlannedItem[]): Promise<void> => {
    let requests = batch;
    for (let attempt = 0; requests.length > 0; ) {
      if (stop.signal.aborted) return;
      let unprocessed;
      try {
        const out = await client.send(
          new BatchWriteItemCommand({
            RequestItems: { [table]: requests.map((p) => ({ PutRequest: { Item: toSdkItem(p.item) } })) },
          }),
          { abortSignal: stop.signal },
        );
        unprocessed = out.UnprocessedItems?.[table] ?? [];
        const sdkRetries = (out.$metadata.attempts ?? 1) - 1;
        if (sdkRetries > 0) {
          tally.retries += sdkRetries;
          tally.lastRetry ??= 'throttled or busy, retried by the SDK';
        }
      } catch (error) {
        const { outcome, mapped } = classify(error);
        if (outcome === 'abort' || outcome === 'fatal') {
          tally.unknown += requests.length;
          if (outcome === 'fatal') throw mapped;
          return;
        }
        if (outcome === 'invalid') {
          if (requests.length === 1) return giveUp(requests, mapped.message);
          for (const one of requests) await writeBatch([one]); // find the item DynamoDB refuses
          return;
        }
        tally.retries += (error as { $metadata?: { attempts?: number } }).$metadata?.attempts ?? 1;
        tally.lastRetry = retryReason(mapped, error);
        tally.tick();
        if (++attempt >= retry.maxAttempts)
          return giveUp(requests, `${mapped.message} (gave up after ${attempt} attempts)`);
        await sleep(backoffDelay(attempt, retry.baseDelayMs, retry.maxDelayMs), stop.signal);
        continue;
      }
      const left = new Set(unprocessed.map((w) => keyId(plan.keyNames, w.PutRequest?.Item ?? {})));
      const next = left.size === 0 ? [] : requests.filter((p) => left.has(keyId(plan.keyNames, p.key)));
      tally.written += requests.length - next.length;
      tally.tick();
      requests = next;
      if (requests.length === 0) return;
      tally.retries++;
      tally.lastRetry = `${requests.length} unprocessed item(s) sent again (UnprocessedItems: throttled)`;
      if (++attempt >= retry.maxAttempts)
        return giveUp(requests, `still in UnprocessedItems after ${attempt} attempts (throttled)`);
      await sleep(backoffDelay(attempt, retry.baseDelayMs, retry.maxDelayMs), stop.signal);
    }
  };

  const writeChunk = async (chunk: PlannedItem[]): Promise<void> => {
    let pending = chunk;
    if (tally.checkedExisting) {
      for (let attempt = 0; ; ) {
        try {
          const found = await existingKeys(client, table, plan.keyNames, chunk, stop.signal, retry);
          pending = chunk.filter((p) => !found.has(keyId(plan.keyNames, p.key)));
          tally.skippedExisting += chunk.length - pending.length;
          break;
        } catch (error) {
          const { outcome, mapped } = classify(error);
          if (outcome === 'abort') return;
          if (outcome !== 'retry') throw mapped;
          if (++attempt >= retry.maxAttempts)
            return giveUp(chunk, `could not check whether the item exists: ${mapped.message}`);
          await sleep(backoffDelay(attempt, retry.baseDelayMs, retry.maxDelayMs), stop.signal);
        }
      }
    }
    await writeBatch(pending);
  };

  const source = chunks(plan, tally);
  const take = (): PlannedItem[] | undefined => {
    if (stop.signal.aborted) return undefined;
    const next = source.next();
    return next.done ? undefined : next.value;
  };
  // Each worker generates its next chunk while its current request is in flight, so the engine is not kept
  // waiting for Faker (generation costs about as much client CPU as the SDK call itself).
  const worker = async (): Promise<void> => {
    try {
      let chunk = take();
      while (chunk) {
        const inFlight = writeChunk(chunk);
        await new Promise((resolve) => setImmediate(resolve)); // let the request leave first
        chunk = take();
        await inFlight;
      }
    } catch (error) {
      fatal ??= toMonotableError(error, context);
      stop.abort();
    }
  };

  try {
    try {
      await preflight(connection, plan, stop.signal, options.confirm);
    } catch (error) {
      if (!stop.signal.aborted) throw error; // cancelled before the first write: the summary says so
    }
    const mode = options.existing ?? 'auto';
    if (mode === 'always') tally.checkedExisting = true;
    else if (mode === 'auto' && !stop.signal.aborted) {
      try {
        tally.checkedExisting = !(await tableIsEmpty(client, table, plan.keyNames, stop.signal));
      } catch (error) {
        if (!stop.signal.aborted) throw toMonotableError(error, { ...context, operation: 'Scan' });
      }
    }
    await Promise.all(Array.from({ length: concurrency }, worker));
  } finally {
    options.signal?.removeEventListener('abort', cancel);
  }
  tally.tick(true);
  const summary = tally.summary();
  if (fatal) {
    const code = fatal.code === 'NETWORK' ? 'CONNECTION_FAILED' : fatal.code;
    throw new MonotableError(
      code,
      `Seeding "${table}" stopped: ${fatal.message} ${summary.written} of ${summary.planned} items were written${summary.unknown ? `, ${summary.unknown} were in flight (outcome unknown)` : ''}.`,
      {
        ...fatal.details,
        hint: `${fatal.details.hint ?? ''} Then run the same seed command again (or Seed… again in the app): it continues, skipping the items that exist, and writes only the missing ones.`.trim(),
        summary,
      },
    );
  }
  return summary;
}
