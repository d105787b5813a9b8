import { z } from 'zod';
import { defineMethods } from '../define.js';
import { EmptyInputSchema } from '../common-schemas.js';

export const EngineStatusSchema = z.strictObject({
  running: z.boolean(),
  endpoint: z.string().optional(),
  port: z.number().int().optional(),
  pid: z.number().int().optional(),
  /** The engine folder (state file; LevelDB data unless inMemory). */
  dataDir: z.string(),
  inMemory: z.boolean(),
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
    summary: 'Whether the embedded engine of this backend runs, and where.',
    input: EmptyInputSchema,
    output: EngineStatusSchema,
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
