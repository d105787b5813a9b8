import type { SeedFailure, SeedProgress, SeedSummary } from '../../../shared/api/methods/seed.js';

/**
 * The api's types (the zod schemas of shared/api/methods/seed.ts are the one definition):
 * SeedProgress is sent at most every ~100 ms while a seed runs, and once at the end (`etaSeconds` absent before
 * anything was written). SeedSummary is what a seed did: `written + failed + skippedExisting + unknown + notStarted
 * === planned`; `unknown` counts items in a request that was in flight when the seed stopped (cancelled or the
 * connection failed): they may or may not have been written, and a re-run checks and writes what is missing.
 * `failures` lists at most MAX_LISTED_FAILURES entries; `failed` has the full count.
 */
export type { SeedFailure, SeedProgress, SeedSummary };

export { MAX_LISTED_FAILURES } from '../../../shared/api/methods/seed.js';
