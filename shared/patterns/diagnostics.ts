import type { Model } from '../model/schema.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { resolveAll } from './resolve.js';

/** Every finding of pattern resolution across the model: unservable keys, scans, parameter mistakes. */
export function patternDiagnostics(model: Model): Diagnostic[] {
  return resolveAll(model).flatMap((resolved) => resolved.diagnostics);
}
