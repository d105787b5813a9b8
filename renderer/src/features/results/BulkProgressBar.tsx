import type { BulkProgress } from './bulk-write.js';

/** The progress of a batch write (bulk edit, import): a labelled progressbar and "N of M <verb>, K failed". */
export function BulkProgressBar({
  label,
  progress,
  verb,
  announce,
}: {
  /** The progressbar's accessible name, e.g. "Import progress". */
  label: string;
  progress: BulkProgress;
  /** What happened to the done items: "written", "done". */
  verb: string;
  /** The counts line is a live status for screen readers. */
  announce?: boolean;
}) {
  const handled = progress.done + progress.failed;
  return (
    <div>
      <div
        className="progress"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={progress.total}
        aria-valuenow={handled}
      >
        <div className="progress-fill" style={{ width: `${(100 * handled) / Math.max(1, progress.total)}%` }} />
      </div>
      <p className="muted" role={announce ? 'status' : undefined}>
        {progress.done.toLocaleString('en-US')} of {progress.total.toLocaleString('en-US')} {verb}
        {progress.failed ? `, ${progress.failed.toLocaleString('en-US')} failed` : ''}
      </p>
    </div>
  );
}
