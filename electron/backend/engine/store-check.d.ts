// Types for store-check.js (plain JavaScript: it runs inside the engine process).
export interface StoreTable {
  name: string;
  /** Items of the table that could be read. */
  items: number;
}

export interface StoreCheck {
  /** No store in the folder yet. */
  fresh: boolean;
  /** Something could not be read: `tables` holds what could (read from a copy), `problems` what could not. */
  damaged: boolean;
  /** LevelDB's message when another process holds the store. */
  locked?: string;
  tables: StoreTable[];
  problems: string[];
  /** What was found and is not damage: a write the engine never finished (killed while writing), left out. */
  notes: string[];
  /** LevelDB entries read (tables, items, index entries). */
  entries: number;
  ms: number;
}

export function checkStore(dir: string): Promise<StoreCheck>;
export function readLogRecords(
  bytes: Buffer,
  name: string,
): { records: Buffer[]; problems: string[]; unfinished?: string };
export function salvageStore(
  dir: string,
  options?: { now?: Date },
): Promise<{ keptAt: string; before: StoreCheck; after: StoreCheck }>;
