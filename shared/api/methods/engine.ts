import { z } from 'zod';
import { defineMethods } from '../define.js';
import { EmptyInputSchema } from '../common-schemas.js';

/** What the integrity check of an on-disk engine folder read: every table and item, or what could not be read. */
export const EngineStoreSchema = z.strictObject({
  /** `empty`: no data yet; `ok`: every entry was read; `damaged`: some could not be (see problems). */
  state: z.enum(['empty', 'ok', 'damaged']),
  /** The tables and how many of their items could be read. */
  tables: z.array(z.strictObject({ name: z.string(), items: z.number().int().min(0) })),
  /** What could not be read, one line each (file, offset, LevelDB's message). */
  problems: z.array(z.string()),
  /** Found and not damage: e.g. a write the engine never finished because it was killed (left out, never acknowledged). */
  notes: z.array(z.string()).optional(),
  /** The damage report, when damaged: what could be read and what could not. */
  message: z.string().optional(),
  /** The way out, when damaged (salvage, move the folder aside, restore a backup; permissions). */
  hint: z.string().optional(),
});
export type EngineStore = z.output<typeof EngineStoreSchema>;

export const EngineStatusSchema = z.strictObject({
  running: z.boolean(),
  endpoint: z.string().optional(),
  port: z.number().int().optional(),
  pid: z.number().int().optional(),
  /** The engine folder (state file; LevelDB data unless inMemory). */
  dataDir: z.string(),
  inMemory: z.boolean(),
  /** On disk: the integrity check of the data (at the engine's start, or now when none runs). */
  store: EngineStoreSchema.optional(),
});
export type EngineStatus = z.output<typeof EngineStatusSchema>;

/** The embedded engine (dynalite on 127.0.0.1) that the app starts on demand and stops on quit. */
export const engineMethods = defineMethods({
  'engine.start': {
    summary: 'Start the embedded engine (or report the one already running on that folder).',
    input: z.strictObject({
      port: z.number().int().min(0).max(65_535).optional(),
      /** Default: $MONOTABLE_DATA_DIR or the user data folder. */
      dataDir: z.string().min(1).optional(),
      inMemory: z.boolean().optional(),
      /** An engine already running on the folder: `report` it (default), or `fail` (ENGINE_START_FAILED). */
      ifRunning: z.enum(['report', 'fail']).optional(),
    }),
    output: EngineStatusSchema,
  },
  'engine.status': {
    summary:
      "Whether the embedded engine runs on the folder (default: this backend's, else $MONOTABLE_DATA_DIR or the user data folder), where, and the integrity of its data: the check made at its start, or, when none runs, a check made now on a copy (the folder is never changed).",
    input: z.strictObject({ dataDir: z.string().min(1).optional() }),
    output: EngineStatusSchema,
  },
  'engine.salvage': {
    summary:
      "Salvage a damaged engine folder (explicit, never automatic): LevelDB's repair runs on a copy; the damaged folder is kept beside it as DIR.damaged-STAMP and the repaired copy takes its place. Refused while an engine runs on it, and for a sound folder.",
    input: z.strictObject({ dataDir: z.string().min(1).optional() }),
    output: z.strictObject({
      /** Where the damaged original is kept, unchanged. */
      keptAt: z.string(),
      /** What the check could read before, and what the repaired store holds now. */
      before: EngineStoreSchema,
      after: EngineStoreSchema,
    }),
  },
  'engine.watch': {
    summary:
      'Wait while the engine this backend started runs: returns when it stops on its own (`exited`, with its exit code or signal), when the call is cancelled, or at once when there is none.',
    input: EmptyInputSchema,
    output: z.strictObject({
      outcome: z.enum(['exited', 'cancelled', 'not-running']),
      exitCode: z.number().int().optional(),
      signal: z.string().optional(),
    }),
  },
  'engine.stop': {
    summary: 'Stop the embedded engine this backend started.',
    input: EmptyInputSchema,
    output: z.strictObject({ stopped: z.boolean() }),
  },
});
