import { ModelSchema, type Model } from '../../shared/model/schema.js';
import type { Diagnostic } from '../../shared/model/diagnostic.js';
import { validate } from '../../shared/rules/validate.js';

/** The model checks the format tests apply: the schema, then the repository's validator. */
export function modelChecks(model: Model): Diagnostic[] {
  return validate(ModelSchema.parse(model));
}
