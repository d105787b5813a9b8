import { constants } from 'node:os';
import type { ParseArgsConfig } from 'node:util';

/** Where a command writes. Tests pass buffers; the real CLI passes the process streams. */
export interface CommandIo {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  /** Current directory for relative paths. */
  cwd: string;
  /** Set by --debug: print stack traces. */
  debug: boolean;
  /** Aborted on SIGINT/SIGTERM. */
  signal: AbortSignal;
}

/** One `monotable VERB`. Adding a verb is one file in commands/ and one line in commands/index.ts. */
export interface Command {
  name: string;
  /** Full usage text for `monotable VERB --help`. */
  usage: string;
  options: NonNullable<ParseArgsConfig['options']>;
  /**
   * Runs until stopped (`engine`, `serve`): Ctrl-C or SIGTERM is its normal end (exit 0). Any other verb stopped by a
   * signal exits 128 + the signal's number (130 for SIGINT, 143 for SIGTERM), after saying what it did.
   */
  runsUntilStopped?: true;
  /** Returns the exit code: 0 ok, 1 the input has errors (e.g. validation), 2 bad arguments/file/runtime failure. */
  run(args: { values: Record<string, unknown>; positionals: string[] }, io: CommandIo): Promise<number>;
}

/** Exit codes shared by every verb. */
export const EXIT = { OK: 0, FINDINGS: 1, FAILURE: 2 } as const;

/** The exit code of a command stopped by a signal, as shells report it: 128 + its number (SIGINT 130, SIGTERM 143). */
export function signalExitCode(signal: NodeJS.Signals): number {
  return 128 + (constants.signals[signal] ?? 0);
}
