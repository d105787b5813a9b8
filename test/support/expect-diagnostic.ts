import type { Diagnostic } from '../../shared/model/diagnostic.js';
import type { Model } from '../../shared/model/schema.js';
import { validate } from '../../shared/rules/validate.js';
import { cruddurModel } from './cruddur-model.js';

const described = (d: Diagnostic): string => `${d.severity} ${d.code} ${d.path} ${d.message}`;

/**
 * What one mutation adds to the findings of the Cruddur model (production settings on): the diagnostics of the
 * mutated model that the model itself does not have. The template may carry an info of its own; a test of one
 * rule sees only what its mutation causes.
 */
export function validateMutated(mutate: (model: Model) => void): Diagnostic[] {
  const own = new Set(validate(cruddurModel({ production: true })).map(described));
  const model = cruddurModel({ production: true });
  mutate(model);
  return validate(model).filter((d) => !own.has(described(d)));
}

/** The one diagnostic with this code, or a readable failure listing what was found instead. */
export function findDiagnostic(diagnostics: readonly Diagnostic[], code: string): Diagnostic {
  const found = diagnostics.filter((d) => d.code === code);
  if (found.length !== 1) {
    throw new Error(
      `expected exactly one "${code}", found ${found.length} among:\n${diagnostics.map((d) => `  ${d.severity} ${d.code} ${d.path}: ${d.message}`).join('\n')}`,
    );
  }
  return found[0]!;
}
