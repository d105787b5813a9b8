import type { TableProgress } from '../../../shared/api/methods/table.js';

/** Prints control-plane progress to stderr, one line per change of phase or status (no spam while polling). */
export function progressPrinter(stderr: NodeJS.WritableStream): (progress: TableProgress) => void {
  let last = '';
  return (progress) => {
    const key = `${progress.table}|${progress.phase}|${progress.status ?? ''}|${progress.index ?? ''}`;
    if (key === last) return;
    last = key;
    stderr.write(`  ${progress.message}\n`);
  };
}
