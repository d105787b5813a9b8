import type { SeedProgress } from '../../../shared/api/methods/seed.js';

const WIDTH = 30;

function eta(seconds: number | undefined): string {
  if (seconds === undefined) return '--';
  if (seconds < 60) return `${Math.ceil(seconds)}s`;
  return `${Math.floor(seconds / 60)}m${String(Math.ceil(seconds % 60)).padStart(2, '0')}s`;
}

export function progressLine(p: SeedProgress): string {
  const done = p.written + p.failed + p.skippedExisting;
  const percent = p.planned > 0 ? Math.floor((done / p.planned) * 100) : 100;
  const parts = [
    `${p.written.toLocaleString('en-US')}/${p.planned.toLocaleString('en-US')} written`,
    `${percent}%`,
    `${p.ratePerSecond.toLocaleString('en-US')} items/s`,
    `eta ${eta(p.etaSeconds)}`,
  ];
  if (p.skippedExisting > 0) parts.push(`${p.skippedExisting.toLocaleString('en-US')} already there`);
  if (p.failed > 0) parts.push(`${p.failed.toLocaleString('en-US')} failed`);
  return parts.join(', ');
}

/**
 * Progress on stderr: a bar redrawn in place on a terminal, otherwise a plain line at most every `plainEveryMs`
 * (logs and CI stay readable), and the final figures at the end. Call `done()` once at the end.
 */
export function seedProgressPrinter(
  stderr: NodeJS.WritableStream & { isTTY?: boolean },
  plainEveryMs = 1000,
): { update(p: SeedProgress): void; done(): void } {
  let last = 0;
  let drawn = false;
  let unprinted: SeedProgress | undefined; // the newest plain-mode progress not written yet
  return {
    update(p) {
      if (stderr.isTTY) {
        const done = p.written + p.failed + p.skippedExisting;
        const filled = p.planned > 0 ? Math.round((done / p.planned) * WIDTH) : WIDTH;
        stderr.write(`\r\x1b[2K[${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${progressLine(p)}`);
        drawn = true;
        return;
      }
      const now = Date.now();
      if (now - last < plainEveryMs) {
        unprinted = p;
        return;
      }
      last = now;
      unprinted = undefined;
      stderr.write(`seed: ${progressLine(p)}\n`);
    },
    done() {
      if (drawn) stderr.write('\n');
      if (unprinted) stderr.write(`seed: ${progressLine(unprinted)}\n`); // plain logs end on the final figures
      drawn = false;
      unprinted = undefined;
    },
  };
}
