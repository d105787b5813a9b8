import type { Model } from '../../../../shared/model/schema.js';
import { ApiFailure, callApi } from '../../files/api-call.js';
import { getDocument } from '../../state/model-store.js';
import { createStore, useStore } from '../../state/store.js';
import type { ReadSpec } from '../results/results-store.js';
import { operationsFolder } from './saved-operations.js';

/** One read that was run: what, where and when, enough to run it again. */
export interface HistoryEntry {
  title: string;
  table: string;
  spec: ReadSpec;
  at: string;
}

/** Entries shown (and kept in memory); the file beside the model keeps every run. */
const HISTORY_SHOWN = 200;
const store = createStore<readonly HistoryEntry[]>([]);
let writes: Promise<void> = Promise.resolve();

export function useHistory(): readonly HistoryEntry[] {
  return useStore(store);
}

/** `<model>.operations/history.jsonl`: one run per line, oldest first, without the model (it is the file beside). */
export function historyPath(modelPath: string): string {
  const folder = operationsFolder(modelPath);
  return `${folder}${folder.includes('\\') && !folder.includes('/') ? '\\' : '/'}history.jsonl`;
}

function historyLine(entry: HistoryEntry): string {
  const { model: _model, ...input } = entry.spec.input;
  return `${JSON.stringify({ at: entry.at, title: entry.title, table: entry.table, method: entry.spec.method, input })}\n`;
}

const METHODS: readonly string[] = ['operation.runPattern', 'operation.query', 'operation.scan'];

function entryOf(line: string, model: Model): HistoryEntry | undefined {
  try {
    const raw: unknown = JSON.parse(line);
    if (typeof raw !== 'object' || raw === null) return undefined;
    const { at, title, table, method, input } = raw as Record<string, unknown>;
    if (typeof at !== 'string' || typeof title !== 'string' || typeof table !== 'string') return undefined;
    if (typeof method !== 'string' || !METHODS.includes(method) || typeof input !== 'object' || input === null)
      return undefined;
    // The backend validates the input when the entry is run again; here only its shape is checked.
    const spec = { method, input: { ...input, model } } as ReadSpec;
    return { at, title, table, spec };
  } catch {
    return undefined;
  }
}

async function readHistoryText(path: string): Promise<string> {
  try {
    return (await callApi('file.readText', { path })).text;
  } catch (error) {
    if (error instanceof ApiFailure && error.code === 'FILE_NOT_FOUND') return '';
    throw error;
  }
}

/** Shows the runs kept beside the model (newest first), with the open model attached to each. */
export async function loadHistory(modelPath: string, model: Model): Promise<void> {
  await writes;
  const text = await readHistoryText(historyPath(modelPath));
  const entries = text
    .split('\n')
    .filter((l) => l.trim())
    .flatMap((l) => entryOf(l, model) ?? [])
    .reverse()
    .slice(0, HISTORY_SHOWN);
  store.set(entries);
}

/** Adds a run to the history (newest first) and, when the model has a file, appends it to the file beside it. */
export function recordRun(entry: Omit<HistoryEntry, 'at'>): void {
  const full = { ...entry, at: new Date().toISOString() };
  store.update((h) => [full, ...h].slice(0, HISTORY_SHOWN));
  const modelPath = getDocument().path;
  if (!modelPath) return;
  const path = historyPath(modelPath);
  // One write at a time, so that quick runs never overwrite each other's line.
  writes = writes
    .then(async () => {
      const before = await readHistoryText(path);
      await callApi('file.writeText', { path, text: before + historyLine(full), force: true, createFolders: true });
    })
    .catch(() => undefined);
}
