import type { Model } from '../model/schema.js';
import { patternDiagnostics } from '../patterns/diagnostics.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { checkDesignLints } from './design-lints.js';
import { checkEntities } from './entities.js';
import { checkKeyTemplates } from './entity-keys.js';
import { checkIndexes } from './indexes.js';
import { checkIndexUsage } from './index-usage.js';
import { checkKeyCollisions } from './key-collisions.js';
import { checkKeyAttributes } from './keys.js';
import { checkNames } from './names.js';
import { RuleContext, type Rule } from './rule-context.js';
import { checkSampleItems } from './sample-items.js';
import { checkSeedGenerators } from './seed-generators.js';
import { checkTableSettings } from './table-settings.js';
import { checkTemplateLints } from './template-lints.js';
import { checkTimestampSortKeys } from './timestamp-sort-keys.js';

/** The model rules in the order their findings are listed: hard DynamoDB limits first, design lints last. */
export const MODEL_RULES: readonly Rule[] = [
  checkNames,
  checkKeyAttributes,
  checkIndexes,
  checkTableSettings,
  checkKeyTemplates,
  checkEntities,
  checkSeedGenerators,
  checkIndexUsage,
  checkSampleItems,
  checkTemplateLints,
  checkKeyCollisions,
  checkTimestampSortKeys,
  checkDesignLints,
];

/**
 * Every finding about a model: DynamoDB hard limits and model consistency (errors), design lints (warnings,
 * infos), then the access-pattern findings of `patternDiagnostics`. Each has a stable code, a JSON path and a hint.
 */
export function validate(model: Model): Diagnostic[] {
  const context = new RuleContext(model);
  for (const rule of MODEL_RULES) guarded(context, rule.name, () => rule(context));
  guarded(context, 'patternDiagnostics', () => context.diagnostics.push(...patternDiagnostics(model)));
  return context.diagnostics;
}

/**
 * The UI validates on every keystroke: a bug in one rule must not take the others (or the editor) down. It
 * becomes an error diagnostic that names the rule, so it is seen and reported, never silently skipped.
 */
function guarded(context: RuleContext, name: string, run: () => void): void {
  try {
    run();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    context.report(
      'validator-failed',
      'error',
      [],
      `Monotable's check "${name}" failed on this model: ${message}`,
      'This is a bug in Monotable; the other checks still ran. Please report it with the model file.',
    );
  }
}
