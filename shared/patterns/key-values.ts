import { literalPrefix } from '../keys/template.js';
import { literalTemplate, parsedTemplate, report, templateValue, type PatternContext } from './pattern-context.js';
import type { ValueSpec } from './resolved-pattern.js';
import { tableFacts } from './table-facts.js';

/** The key type of a key attribute of the table or one of its indexes (S when the model does not say). */
export function keyType(ctx: PatternContext, attribute: string): 'S' | 'N' | 'B' {
  return tableFacts(ctx.table).keyTypes.get(attribute) ?? 'S';
}

/** The entity's template for a key attribute, or undefined (the entity is not in that index). */
export function entityTemplate(ctx: PatternContext, attribute: string): string | undefined {
  return ctx.entity?.keys[attribute];
}

/**
 * The table's primary key as value templates: the entity's templates, or the pattern's key condition values
 * (`=` only) where it gives them. Undefined when a template is missing (reported).
 */
export function primaryKeySpecs(ctx: PatternContext): Record<string, ValueSpec> | undefined {
  const key: Record<string, ValueSpec> = {};
  const kc = ctx.pattern.keyCondition;
  let complete = true;
  const primary = tableFacts(ctx.table).primaryKeyNames;
  for (let i = 0; i < primary.length; i++) {
    const attribute = primary[i]!;
    let template = entityTemplate(ctx, attribute);
    let path = '.entity';
    if (kc?.partition.attribute === attribute && kc.partition.value !== undefined) {
      template = kc.partition.value;
      path = '.keyCondition.partition.value';
    } else if (kc?.sort?.attribute === attribute && kc.sort.operator === '=' && kc.sort.value !== undefined) {
      template = kc.sort.value;
      path = '.keyCondition.sort.value';
    }
    if (template === undefined) {
      complete = false;
      report(
        ctx,
        'error',
        'pattern-missing-key-template',
        '.entity',
        `entity "${ctx.pattern.entity}" has no template for the table key "${attribute}", so the item's key cannot be built.`,
        `Add "${attribute}" to the entity's "keys", e.g. "${attribute}": "${ctx.pattern.entity.toUpperCase()}#{id}".`,
      );
      continue;
    }
    key[attribute] = templateValue(ctx, template, keyType(ctx, attribute), path);
  }
  return complete ? key : undefined;
}

/** `begins_with` without a value: the literal text before the first parameter of the entity's sort template. */
export function defaultPrefix(ctx: PatternContext, attribute: string): string | undefined {
  const template = entityTemplate(ctx, attribute);
  if (template === undefined) return undefined;
  try {
    const prefix = literalPrefix(parsedTemplate(template));
    return prefix === '' ? undefined : literalTemplate(prefix);
  } catch {
    return undefined; // the template error is reported where the template is used
  }
}

const BARE_PARAMETER = /^\{[^{}]+\}$/;
const NUMERIC_CONSTANT = /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/;

/** True for a template a Number key can hold: one bare parameter or a numeric constant. */
export function fitsNumberKey(template: string): boolean {
  return BARE_PARAMETER.test(template) || NUMERIC_CONSTANT.test(template);
}
