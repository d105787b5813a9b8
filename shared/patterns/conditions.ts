import type { FilterOperator } from '../model/schema.js';
import type { Expressions } from './pattern-context.js';
import type { ValueSpec } from './resolved-pattern.js';

/** One condition on one attribute, before it is written as expression text. */
export interface Condition {
  attribute: string;
  operator: FilterOperator;
  value?: ValueSpec;
  /** Upper bound for `between`. */
  to?: ValueSpec;
}

export const VALUELESS_OPERATORS: ReadonlySet<FilterOperator> = new Set(['attribute_exists', 'attribute_not_exists']);

/** Writes a condition with aliased names and value placeholders: `#k0 = :v0`, `begins_with(#k1, :v1)`. */
export function writeCondition(ex: Expressions, condition: Condition, prefix: 'k' | 'f' | 'c'): string {
  const name = ex.name(condition.attribute, prefix);
  const { operator } = condition;
  if (operator === 'attribute_exists' || operator === 'attribute_not_exists') return `${operator}(${name})`;
  const value = ex.value(condition.value!);
  if (operator === 'begins_with' || operator === 'contains') return `${operator}(${name}, ${value})`;
  if (operator === 'between') return `${name} BETWEEN ${value} AND ${ex.value(condition.to!)}`;
  return `${name} ${operator} ${value}`;
}

const HAS_PARAMETER = /\{[^{}]+\}/;
const DOUBLED_OPEN = /\{\{/g;
const DOUBLED_CLOSE = /\}\}/g;

/** A value for humans: a template with parameters as it is, a constant quoted with its braces undoubled. */
function show(spec: ValueSpec | undefined): string {
  const text = spec?.template ?? '';
  return HAS_PARAMETER.test(text) ? text : JSON.stringify(text.replace(DOUBLED_OPEN, '{').replace(DOUBLED_CLOSE, '}'));
}

/** The condition for humans: `pk = MSG#{message_group_uuid}`, `begins_with(sk, "MSG#")`. */
export function describeCondition(condition: Condition): string {
  const { attribute, operator } = condition;
  if (operator === 'attribute_exists' || operator === 'attribute_not_exists') return `${operator}(${attribute})`;
  if (operator === 'begins_with' || operator === 'contains')
    return `${operator}(${attribute}, ${show(condition.value)})`;
  if (operator === 'between') return `${attribute} between ${show(condition.value)} and ${show(condition.to)}`;
  return `${attribute} ${operator} ${show(condition.value)}`;
}

/** Conditions written and joined with AND (a loop: this runs for every pattern, usually on one or two). */
export function writeConditions(ex: Expressions, conditions: readonly Condition[], prefix: 'k' | 'f' | 'c'): string {
  let text = '';
  for (let i = 0; i < conditions.length; i++) text += (i ? ' AND ' : '') + writeCondition(ex, conditions[i]!, prefix);
  return text;
}

/** Conditions for humans, joined with "and". */
export function describeConditions(conditions: readonly Condition[]): string {
  let text = '';
  for (let i = 0; i < conditions.length; i++) text += (i ? ' and ' : '') + describeCondition(conditions[i]!);
  return text;
}

/** A key for humans: `pk = USER#{id} and sk = PROFILE` ('' for no attribute). */
export function describeKey(key: Record<string, ValueSpec>): string {
  const names = Object.keys(key);
  let text = '';
  for (let i = 0; i < names.length; i++)
    text += (i ? ' and ' : '') + describeCondition({ attribute: names[i]!, operator: '=', value: key[names[i]!] });
  return text;
}
