import type { Model } from '../../../../shared/model/schema.js';
import { showScreen } from '../../state/navigation.js';
import { ensureConnection } from '../connections/connection-store.js';
import { runRead } from '../results/results-store.js';
import { recordRun } from './history-store.js';

/** The table a pattern belongs to. */
export function patternTable(model: Model, pattern: string): string | undefined {
  return model.tables.find((t) => t.accessPatterns.some((p) => p.name === pattern))?.name;
}

/** Runs an access pattern with parameter values on the active connection; its rows go to the results. */
export async function runPattern(model: Model, pattern: string, params: Record<string, string>): Promise<void> {
  const connection = await ensureConnection();
  const table = patternTable(model, pattern) ?? '';
  const spec = { method: 'operation.runPattern', input: { model, pattern, params } } as const;
  recordRun({ title: pattern, table, spec });
  const limit = model.tables.flatMap((t) => t.accessPatterns).find((p) => p.name === pattern)?.limit;
  showScreen('data');
  await runRead(pattern, table, connection.connectionId, spec, limit);
}
