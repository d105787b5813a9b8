import type { z } from 'zod';
import type { SeedJobSchema } from '../../../../shared/api/methods/seed-job.js';
import type { SeedProgressSchema } from '../../../../shared/api/methods/seed.js';
import type { Model } from '../../../../shared/model/schema.js';
import { callApi, failureText } from '../../files/api-call.js';
import { createStore, useStore } from '../../state/store.js';
import { suspectEngine } from '../connections/connection-store.js';
import { forgetLiveValues } from '../operations/live-values.js';
import { callStreaming } from '../tables/streaming-call.js';

export type SeedJob = z.output<typeof SeedJobSchema>;
export type SeedProgress = z.output<typeof SeedProgressSchema>;

export interface SeedState {
  job?: SeedJob;
  /** The page is following the job's progress. */
  watching: boolean;
  error?: string;
}

const store = createStore<SeedState>({ watching: false });

export function useSeed(): SeedState {
  return useStore(store);
}

export interface SeedRequest {
  table: string;
  counts?: Record<string, number>;
  seed?: number;
  locale?: string;
  /** Production connections: the table name typed back. */
  confirm?: string;
}

let watchController: AbortController | undefined;
const finishedListeners = new Set<(job: SeedJob) => void>();

/** Called when a watched job ends (tables refresh their counts, value pickers resample). */
export function onSeedFinished(listener: (job: SeedJob) => void): () => void {
  finishedListeners.add(listener);
  return () => finishedListeners.delete(listener);
}

/** Starts a seed as a backend job (it goes on if the page reloads) and follows its progress. */
export async function startSeed(model: Model, connectionId: string, request: SeedRequest): Promise<SeedJob> {
  store.set({ watching: false });
  const job = await callApi('seed.start', {
    model,
    connectionId,
    table: request.table,
    ...(request.counts ? { counts: request.counts } : {}),
    ...(request.seed !== undefined ? { seed: request.seed } : {}),
    ...(request.locale ? { locale: request.locale } : {}),
    ...(request.confirm !== undefined ? { confirm: request.confirm } : {}),
  });
  store.set({ job, watching: true });
  return watch(job);
}

/** Follows a job until it ends; resolves with its end state. */
async function watch(job: SeedJob): Promise<SeedJob> {
  watchController?.abort();
  const own = new AbortController();
  watchController = own;
  store.update((s) => ({ ...s, job, watching: true, error: undefined }));
  try {
    const end = await callStreaming(
      'seed.attach',
      { jobId: job.jobId },
      {
        signal: own.signal,
        onEvent: (progress) => store.update((s) => (s.job ? { ...s, job: { ...s.job, progress } } : s)),
      },
    );
    if (!own.signal.aborted) {
      // The engine did not answer: the next action checks it and starts it again before going on.
      if (end.state === 'failed' && end.error?.code === 'CONNECTION_FAILED') suspectEngine();
      store.set({ job: end, watching: false });
      forgetLiveValues();
      for (const listener of [...finishedListeners]) listener(end);
    }
    return end;
  } catch (error) {
    store.update((s) => ({ ...s, watching: false, error: failureText(error) }));
    throw error;
  } finally {
    if (watchController === own) watchController = undefined;
  }
}

/** Stops the running job (what was written stays; a new seed writes only what is missing). */
export async function cancelSeed(): Promise<void> {
  const job = store.get().job;
  if (!job) return;
  await callApi('seed.cancel', { jobId: job.jobId });
}

/** After a reload: finds a seed job still running in the backend and follows it again. */
export async function reattachSeed(): Promise<void> {
  if (store.get().watching) return;
  const { jobs } = await callApi('seed.status', {});
  const running = jobs.find((j) => j.state === 'running');
  if (running) await watch(running).catch(() => undefined);
}

/** Forgets a finished seed's progress (the Dismiss of the tables panel). */
export function clearSeed(): void {
  if (!store.get().watching) store.set({ watching: false });
}
