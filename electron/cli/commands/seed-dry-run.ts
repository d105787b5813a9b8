import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { MonotableError } from '../../../shared/errors/monotable-error.js';
import type { SeedPlan } from '../../../shared/seed/seed-types.js';
import type { CommandIo } from '../command.js';
import { MAX_LISTED_FAILURES, type SeedFailure } from '../../../shared/api/methods/seed.js';

/** What a dry run did: items planned (each printed as a line, except the `failed` ones); nothing was written. */
export interface DryRunSummary {
  dryRun: true;
  table: string;
  planned: number;
  failed: number;
  seconds: number;
  file?: string;
  failures: SeedFailure[];
}

/** Ctrl-C or SIGTERM between two chunks: how many items had gone out. */
class DryRunCancelled extends Error {
  constructor(readonly printed: number) {
    super('cancelled');
  }
}

async function writeLines(
  plan: SeedPlan,
  out: NodeJS.WritableStream,
  failures: SeedFailure[],
  signal: AbortSignal | undefined,
): Promise<{ failed: number }> {
  let failed = 0;
  let printed = 0;
  let buffer = '';
  for (const p of plan.items()) {
    if (p.problem) {
      failed++;
      if (failures.length < MAX_LISTED_FAILURES) failures.push({ key: p.keyText, reason: p.problem });
      continue;
    }
    buffer += `${JSON.stringify(p.item)}\n`;
    printed++;
    if (buffer.length >= 1 << 16) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
      // Let Ctrl-C / SIGTERM be heard between chunks: generating is synchronous and would otherwise hold the loop.
      await new Promise((resolve) => setImmediate(resolve));
      if (signal?.aborted) throw new DryRunCancelled(printed);
    }
  }
  if (buffer) out.write(buffer);
  return { failed };
}

/**
 * `--dry-run`: the planned items as JSON lines (DynamoDB JSON), streamed to `-o FILE` (a temp file renamed into place
 * when complete) or to stdout. Items with a problem are not written; they are counted and listed in the summary.
 */
export async function dryRun(plan: SeedPlan, outFile: string | undefined, io: CommandIo): Promise<DryRunSummary> {
  const started = performance.now();
  const failures: SeedFailure[] = [];
  if (outFile === undefined) {
    let counts: { failed: number };
    try {
      counts = await writeLines(plan, io.stdout, failures, io.signal);
    } catch (error) {
      if (!(error instanceof DryRunCancelled)) throw error;
      throw new MonotableError(
        'CANCELLED',
        `The dry run was cancelled after ${error.printed.toLocaleString('en-US')} of ${plan.planned.toLocaleString('en-US')} items were printed (the output is incomplete).`,
        { hint: 'Run it again to print every item (the same options give the same items).' },
      );
    }
    return {
      dryRun: true,
      table: plan.table,
      planned: plan.planned,
      ...counts,
      seconds: Math.round(performance.now() - started) / 1000,
      failures,
    };
  }
  const path = resolve(io.cwd, outFile);
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  const stream = createWriteStream(temp, { flags: 'wx' });
  try {
    await once(stream, 'open');
    const counts = await writeLines(plan, stream, failures, io.signal);
    stream.end();
    await once(stream, 'finish');
    await rename(temp, path);
    return {
      dryRun: true,
      table: plan.table,
      planned: plan.planned,
      ...counts,
      seconds: Math.round(performance.now() - started) / 1000,
      file: path,
      failures,
    };
  } catch (error) {
    stream.destroy();
    await rm(temp, { force: true });
    if (error instanceof DryRunCancelled)
      throw new MonotableError(
        'CANCELLED',
        `The dry run was cancelled after ${error.printed.toLocaleString('en-US')} of ${plan.planned.toLocaleString('en-US')} items; ${outFile} was not written (its temp file is removed).`,
        { file: outFile, hint: 'Run it again to write the items (the same options give the same items).' },
      );
    if (error instanceof MonotableError) throw error;
    const code = error instanceof Error && 'code' in error ? String(error.code) : 'unknown error';
    throw new MonotableError('FILE_UNREADABLE', `Cannot write ${outFile} (${code}).`, {
      file: outFile,
      hint: 'Check that the folder exists and is writable.',
    });
  }
}
