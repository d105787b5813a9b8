/** Sent at most every ~100 ms while a seed runs, and once at the end. */
export interface SeedProgress {
  planned: number;
  written: number;
  failed: number;
  skippedExisting: number;
  /** Items written per second since the start. */
  ratePerSecond: number;
  /** Seconds until done at the current rate; undefined before anything was written. */
  etaSeconds: number | undefined;
}

export interface SeedFailure {
  /** The primary key, as `pk=... sk=...`. */
  key: string;
  reason: string;
}

/**
 * What a seed did. `written + failed + skippedExisting + unknown + notStarted === planned`.
 * `unknown`: items in a request that was in flight when the seed stopped (cancelled or the connection failed): they
 * may or may not have been written; a re-run checks and writes what is missing.
 */
export interface SeedSummary {
  table: string;
  planned: number;
  written: number;
  failed: number;
  skippedExisting: number;
  unknown: number;
  notStarted: number;
  cancelled: boolean;
  seconds: number;
  ratePerSecond: number;
  /** Whether existing keys were looked up before writing (a re-run, or `existing: 'always'`). */
  checkedExisting: boolean;
  /** At most MAX_LISTED_FAILURES entries; `failed` has the full count. */
  failures: SeedFailure[];
}

export const MAX_LISTED_FAILURES = 1000;
