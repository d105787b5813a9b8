import { randomUUID } from 'node:crypto';
import { isMonotableError, MonotableError } from '../../../shared/errors/monotable-error.js';
import type { SeedPlan } from '../../../shared/seed/seed-types.js';
import type { OpenConnection } from '../connections/connection.js';
import type { SeedProgress, SeedSummary } from './seed-types.js';
import { writeSeed } from './write-seed.js';

export interface SeedJobError {
  code: MonotableError['code'];
  message: string;
  details: Record<string, unknown>;
}

/** A seed running in the backend, independent of the caller that started it (a page may reload meanwhile). */
export interface SeedJob {
  jobId: string;
  table: string;
  planned: number;
  connectionId: string;
  startedAt: string;
  state: 'running' | 'done' | 'failed' | 'cancelled';
  progress?: SeedProgress;
  summary?: SeedSummary;
  error?: SeedJobError;
}

interface Running {
  job: SeedJob;
  stop: AbortController;
  listeners: Set<(progress: SeedProgress) => void>;
  ended: Promise<void>;
}

const jobs = new Map<string, Running>();
/** Finished jobs kept for a page that comes back to read the summary. */
const KEEP_FINISHED = 20;

function snapshot(run: Running): SeedJob {
  return structuredClone(run.job);
}

function toJobError(error: unknown): SeedJobError {
  if (isMonotableError(error)) return { code: error.code, message: error.message, details: { ...error.details } };
  return { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error), details: {} };
}

function forgetOldJobs(): void {
  const finished = [...jobs.values()].filter((r) => r.job.state !== 'running');
  for (const run of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) jobs.delete(run.job.jobId);
}

/** Starts writing the plan as a job and returns at once. */
export function startSeedJob(
  connection: OpenConnection,
  connectionId: string,
  plan: SeedPlan,
  options: { concurrency?: number; confirm?: string | undefined } = {},
): SeedJob {
  const stop = new AbortController();
  const job: SeedJob = {
    jobId: randomUUID(),
    table: plan.table,
    planned: plan.planned,
    connectionId,
    startedAt: new Date().toISOString(),
    state: 'running',
  };
  const listeners = new Set<(progress: SeedProgress) => void>();
  const run: Running = { job, stop, listeners, ended: Promise.resolve() };
  run.ended = writeSeed(connection, plan, {
    signal: stop.signal,
    onProgress(progress) {
      job.progress = progress;
      for (const listener of [...listeners]) listener(progress);
    },
    ...(options.concurrency !== undefined ? { concurrency: options.concurrency } : {}),
    confirm: options.confirm,
  }).then(
    (summary) => {
      job.summary = summary;
      job.state = summary.cancelled ? 'cancelled' : 'done';
    },
    (error: unknown) => {
      job.error = toJobError(error);
      const partial = job.error.details.summary as SeedSummary | undefined;
      if (partial) job.summary = partial;
      job.state = stop.signal.aborted ? 'cancelled' : 'failed';
    },
  );
  jobs.set(job.jobId, run);
  forgetOldJobs();
  return snapshot(run);
}

function find(jobId: string): Running {
  const run = jobs.get(jobId);
  if (!run) {
    throw new MonotableError('NOT_FOUND', `No seed job "${jobId}" in this backend.`, {
      hint: 'Jobs live as long as the backend (monotable serve or the app); list them with seed.status.',
    });
  }
  return run;
}

export function listSeedJobs(): SeedJob[] {
  return [...jobs.values()].map(snapshot).reverse();
}

/** Calls `onProgress` with the job's progress (now, then as it comes) until the job ends or `signal` aborts. */
export async function watchSeedJob(
  jobId: string,
  onProgress: (progress: SeedProgress) => void,
  signal?: AbortSignal,
): Promise<SeedJob> {
  const run = find(jobId);
  if (run.job.progress) onProgress(run.job.progress);
  if (run.job.state !== 'running') return snapshot(run);
  run.listeners.add(onProgress);
  try {
    await new Promise<void>((resolve) => {
      void run.ended.then(resolve);
      signal?.addEventListener('abort', () => resolve(), { once: true });
    });
  } finally {
    run.listeners.delete(onProgress);
  }
  return snapshot(run);
}

export async function cancelSeedJob(jobId: string): Promise<SeedJob> {
  const run = find(jobId);
  run.stop.abort();
  await run.ended;
  return snapshot(run);
}
