import { MonotableError } from '../errors/monotable-error.js';
import { checkStructure, structureLooksSafe } from '../model/safe-json.js';

/**
 * The dispatcher's structure guard for every api input: a fast walk without path bookkeeping; only when it finds
 * a problem does the path-reporting `checkStructure` run again to say where (FORBIDDEN_KEY / NESTING_TOO_DEEP).
 */
export function assertSafeInput(value: unknown): void {
  if (structureLooksSafe(value)) return;
  checkStructure(value);
  throw new MonotableError('BAD_INPUT', 'The request has a forbidden key or nests too deeply.', {
    hint: 'Send plain JSON without __proto__/constructor/prototype keys.',
  });
}
