import type { PlannedItem, SeedPlan } from '../../../shared/seed/seed-types.js';
import type { SeedTally } from './seed-tally.js';

export const BATCH_SIZE = 25;
/** BatchWriteItem's request limit is 16 MB; items are ≤ 400 KB each so 25 fit, but the check keeps it true. */
export const MAX_BATCH_BYTES = 16 * 1024 * 1024 - 64 * 1024;

/** Sendable chunks of ≤ 25 items and ≤ MAX_BATCH_BYTES; items with a problem are counted as failed, never sent. */
export function* chunks(plan: SeedPlan, tally: SeedTally): Generator<PlannedItem[]> {
  let chunk: PlannedItem[] = [];
  let bytes = 0;
  for (const planned of plan.items()) {
    if (planned.problem) {
      tally.fail(planned.keyText, planned.problem);
      continue;
    }
    if (chunk.length === BATCH_SIZE || bytes + planned.size > MAX_BATCH_BYTES) {
      yield chunk;
      chunk = [];
      bytes = 0;
    }
    chunk.push(planned);
    bytes += planned.size;
  }
  if (chunk.length > 0) yield chunk;
}
