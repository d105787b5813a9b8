import { MAX_LISTED_FAILURES, type SeedProgress, type SeedSummary } from './seed-types.js';

/** The running counts of a seed: failures kept (bounded), progress throttled, summary at the end. */
export class SeedTally {
  written = 0;
  failed = 0;
  skippedExisting = 0;
  unknown = 0;
  checkedExisting = false;
  cancelled = false;
  /** Requests sent again (the SDK's own attempts and the seeder's backoff), and why the last one was. */
  retries = 0;
  lastRetry: string | undefined;
  private readonly failures: SeedSummary['failures'] = [];
  private readonly started = performance.now();
  private lastProgress = 0;

  constructor(
    private readonly table: string,
    private readonly planned: number,
    private readonly onProgress: ((progress: SeedProgress) => void) | undefined,
    private readonly intervalMs: number,
  ) {}

  fail(key: string, reason: string): void {
    this.failed++;
    if (this.failures.length < MAX_LISTED_FAILURES) this.failures.push({ key, reason });
  }

  private seconds(): number {
    return (performance.now() - this.started) / 1000;
  }

  progress(): SeedProgress {
    const seconds = this.seconds();
    const rate = seconds > 0 ? this.written / seconds : 0;
    const left = this.planned - this.written - this.failed - this.skippedExisting;
    return {
      planned: this.planned,
      written: this.written,
      failed: this.failed,
      skippedExisting: this.skippedExisting,
      ratePerSecond: Math.round(rate),
      etaSeconds: rate > 0 ? Math.round((left / rate) * 10) / 10 : undefined,
      ...(this.retries > 0 ? { retries: this.retries } : {}),
      ...(this.lastRetry ? { lastRetry: this.lastRetry } : {}),
    };
  }

  /** Emits progress if the interval has passed (or always when `force`). */
  tick(force = false): void {
    if (!this.onProgress) return;
    const now = performance.now();
    if (!force && now - this.lastProgress < this.intervalMs) return;
    this.lastProgress = now;
    this.onProgress(this.progress());
  }

  summary(): SeedSummary {
    const seconds = this.seconds();
    return {
      table: this.table,
      planned: this.planned,
      written: this.written,
      failed: this.failed,
      skippedExisting: this.skippedExisting,
      unknown: this.unknown,
      notStarted: Math.max(0, this.planned - this.written - this.failed - this.skippedExisting - this.unknown),
      cancelled: this.cancelled,
      seconds: Math.round(seconds * 1000) / 1000,
      ratePerSecond: seconds > 0 ? Math.round(this.written / seconds) : 0,
      checkedExisting: this.checkedExisting,
      failures: [...this.failures],
    };
  }
}
