import type { Model } from '../../model/schema.js';
import type { Diagnostic } from '../../model/diagnostic.js';
import { validate } from '../validate.js';
import { cruddurLikeModel } from './cruddur-like-model.js';

/** Validates the base model after one mutation. */
export function validateMutated(mutate: (model: Model) => void): Diagnostic[] {
  const model = cruddurLikeModel();
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
