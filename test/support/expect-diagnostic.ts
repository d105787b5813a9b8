import type { Diagnostic } from '../../shared/model/diagnostic.js';
import type { Model } from '../../shared/model/schema.js';
import { validate } from '../../shared/rules/validate.js';
import { cruddurModel } from './cruddur-model.js';

/** Validates the Cruddur model (production settings on, so it validates clean) after one mutation. */
export function validateMutated(mutate: (model: Model) => void): Diagnostic[] {
  const model = cruddurModel({ production: true });
  mutate(model);
  return validate(model);
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
