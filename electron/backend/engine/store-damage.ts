import { MonotableError } from '../../../shared/errors/monotable-error.js';
import type { EngineStore } from '../../../shared/api/methods/engine.js';
import type { StoreCheck, StoreTable } from './store-check.js';

/** What the start-time check found in a damaged store: what could be read, and what could not. */
export interface StoreDamage {
  tables: StoreTable[];
  problems: string[];
}

const count = (n: number, one: string): string => `${n.toLocaleString('en-US')} ${one}${n === 1 ? '' : 's'}`;

/** "table Things: 1,023 items readable; …" */
export function readableText(tables: readonly StoreTable[]): string {
  if (tables.length === 0) return 'nothing (no table could be read)';
  return tables.map((t) => `table ${t.name}: ${count(t.items, 'item')}`).join('; ');
}

/**
 * The error a damaged engine folder gives at start: the folder, what could be read (tables and their item counts),
 * what could not, and the way out. The folder is left exactly as it was.
 */
export function storeDamagedError(dataDir: string, damage: StoreDamage): MonotableError {
  const lines = [
    `The engine's data folder ${dataDir} is damaged; the engine did not start on it, so that nothing more is lost and no table shows fewer items than it holds.`,
    `Could be read: ${readableText(damage.tables)}.`,
    `Could not be read: ${damage.problems.join('; ')}.`,
  ];
  const permissions = damage.problems.some((p) => /\b(EACCES|EPERM)\b/.test(p))
    ? 'Some files may not be read by this user: check their owner and permissions. Otherwise: '
    : '';
  return new MonotableError('ENGINE_DATA_DAMAGED', lines.join('\n'), {
    file: dataDir,
    hint: `${permissions}Nothing in the folder was changed. To keep what can be read, run \`monotable engine salvage\` (LevelDB's repair on a copy; the damaged folder is kept beside it). Or move it aside (e.g. mv "${dataDir}" "${dataDir}.damaged") to start with an empty engine, or restore it from a backup.`,
    damage,
  });
}

/** The summary of a check a running engine made at start (every entry read). */
export function storeOf(summary: { tables: StoreTable[]; entries: number; notes?: string[] }): EngineStore {
  return {
    state: summary.entries === 0 ? 'empty' : 'ok',
    tables: summary.tables,
    problems: [],
    ...(summary.notes?.length && { notes: summary.notes }),
  };
}

/** A check's result as the api reports it; a damaged store carries the report with its way out. */
export function storeStatus(dataDir: string, check: StoreCheck): EngineStore {
  if (!check.damaged) return storeOf(check);
  const error = storeDamagedError(dataDir, check);
  return {
    state: 'damaged',
    tables: check.tables,
    problems: check.problems,
    message: error.message,
    ...(error.details.hint && { hint: error.details.hint }),
  };
}
