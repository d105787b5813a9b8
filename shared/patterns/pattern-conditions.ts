import type { KeyCondition } from '../model/schema.js';
import { VALUELESS_OPERATORS, type Condition } from './conditions.js';
import { defaultPrefix, entityTemplate, fitsNumberKey, keyType } from './key-values.js';
import { comparisonType, report, templateValue, type PatternContext } from './pattern-context.js';
import type { ValueSpec } from './resolved-pattern.js';

/** The key condition as conditions with value templates: defaults from the entity's templates, errors reported. */
export function keyConditionsOf(ctx: PatternContext, kc: KeyCondition): Condition[] {
  const out: Condition[] = [];
  const partitionTemplate = kc.partition.value ?? entityTemplate(ctx, kc.partition.attribute);
  if (partitionTemplate === undefined) {
    report(
      ctx,
      'error',
      'pattern-missing-value',
      '.keyCondition.partition',
      `the partition key "${kc.partition.attribute}" has no value: the pattern gives none and entity "${ctx.pattern.entity}" has no template for it.`,
      `Add "value" (e.g. "{${kc.partition.attribute}}") to keyCondition.partition, or a template for "${kc.partition.attribute}" to the entity's keys.`,
    );
  } else {
    out.push({
      attribute: kc.partition.attribute,
      operator: '=',
      value: keyValue(ctx, kc.partition.attribute, partitionTemplate, '.keyCondition.partition.value'),
    });
  }
  const sort = kc.sort;
  if (!sort) return out;
  const type = keyType(ctx, sort.attribute);
  if (sort.operator === 'begins_with' && type === 'N') {
    report(
      ctx,
      'error',
      'pattern-begins-with-number',
      '.keyCondition.sort.operator',
      `begins_with cannot be used on the Number sort key "${sort.attribute}".`,
      'Use between, <, <=, > or >= for a Number key.',
    );
  }
  const template =
    sort.value ??
    (sort.operator === 'begins_with' ? defaultPrefix(ctx, sort.attribute) : entityTemplate(ctx, sort.attribute));
  if (template === undefined) {
    report(
      ctx,
      'error',
      'pattern-missing-value',
      '.keyCondition.sort',
      `the sort key condition on "${sort.attribute}" has no value${sort.operator === 'begins_with' ? " and the entity's template for it has no literal prefix" : ''}.`,
      `Add "value" to keyCondition.sort, e.g. "{${sort.attribute}}".`,
    );
    return out;
  }
  const condition: Condition = {
    attribute: sort.attribute,
    operator: sort.operator,
    value: keyValue(ctx, sort.attribute, template, '.keyCondition.sort.value'),
  };
  if (sort.operator === 'between') {
    if (sort.to === undefined) {
      report(
        ctx,
        'error',
        'pattern-missing-value',
        '.keyCondition.sort.to',
        `"between" on "${sort.attribute}" has no upper bound.`,
        'Add "to", e.g. "{to}".',
      );
      return out;
    }
    condition.to = keyValue(ctx, sort.attribute, sort.to, '.keyCondition.sort.to');
  }
  out.push(condition);
  return out;
}

function keyValue(ctx: PatternContext, attribute: string, template: string, path: string): ValueSpec {
  const type = keyType(ctx, attribute);
  if (type === 'N' && !fitsNumberKey(template)) {
    report(
      ctx,
      'error',
      'pattern-value-type',
      path,
      `"${template}" cannot be a value of the Number key "${attribute}".`,
      'A Number key value must be one parameter ("{n}") or a number; text around it makes a String.',
    );
  }
  return templateValue(ctx, template, type, path);
}

export function filterConditions(ctx: PatternContext): Condition[] {
  return (ctx.pattern.filter ?? []).flatMap((f, i): Condition[] => {
    const path = `.filter[${i}]`;
    if (VALUELESS_OPERATORS.has(f.operator)) return [{ attribute: f.attribute, operator: f.operator }];
    const template = f.value ?? `{${f.attribute}}`;
    const type = comparisonType(ctx, f.attribute, template);
    const condition: Condition = {
      attribute: f.attribute,
      operator: f.operator,
      value: templateValue(ctx, template, type, `${path}.value`),
    };
    if (f.operator === 'between') {
      if (f.to === undefined) {
        report(
          ctx,
          'error',
          'pattern-missing-value',
          `${path}.to`,
          `the filter "between" on "${f.attribute}" has no upper bound.`,
          'Add "to", e.g. "{to}".',
        );
        return [];
      }
      condition.to = templateValue(ctx, f.to, type, `${path}.to`);
    }
    return [condition];
  });
}
