// Types for the parts of load-dynalite.js that TypeScript tests use.
export function patchedSource(file: string): { filename: string; source: string };
/** dynalite's store (db/index.js): its LevelDB (`db`) and table lookups, callback style. */
export interface DynaliteStore {
  db: { close(callback: (error?: unknown) => void): void };
  getTable(name: string, callback: (error: unknown, table?: unknown) => void): void;
}
export const db: { create(options: { path?: string }): DynaliteStore };
