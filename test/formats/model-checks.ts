import { ModelSchema, type Model } from '../../shared/model/schema.js';
import type { Diagnostic } from '../../shared/rules/diagnostic.js';

/** The model checks the format tests apply. TODO(lead): switch to `validate` once shared/rules/validate.ts lands. */
export function modelChecks(model: Model): Diagnostic[] {
  ModelSchema.parse(model);
  return [];
}
