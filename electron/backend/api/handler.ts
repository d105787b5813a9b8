import type { z } from 'zod';
import type { EventOf, MethodSpec, MethodTable } from '../../../shared/api/define.js';
import type { FileScope } from '../files/file-scope.js';

/**
 * What a handler gets besides its parsed input: the caller's cancel signal and `emit` for the method's events
 * (seed progress, engine status). The dispatcher validates each event against the method's `events` schema.
 */
export interface HandlerContext<E = unknown> {
  signal: AbortSignal;
  /**
   * Sends one event to the caller. The promise settles when the caller's transport has taken it (the in-process
   * client awaits the caller's `onEvent`): a handler streaming pages awaits it, so a slow reader holds it back.
   */
  emit(event: E): unknown;
  /**
   * Where the file methods may read and write: each transport passes its own (the server: the root it was started
   * in, confined); absent (the in-process client of the CLI and tests), the file methods use `defaultFileScope()`.
   */
  files?: FileScope;
}

/** One handler: the zod-parsed input in, the output (checked against the contract by the dispatcher) out. */
export type Handler<M extends MethodSpec> = (
  input: z.output<M['input']>,
  ctx: HandlerContext<EventOf<M>>,
) => Promise<z.input<M['output']>>;

/** One async function per method of a method table; a missing handler is a type error. */
export type Handlers<T extends MethodTable> = { [K in keyof T]: Handler<T[K]> };
