import type { AttributeValue, Item } from '../model/attribute-value.js';
import { typeOf } from '../model/attribute-value.js';
import { utf8Length } from '../model/item-size.js';
import { MonotableError } from '../errors/monotable-error.js';
import { base64Bytes, compareBinary, compareScalars, valuesEqual } from '../model/compare-values.js';
import type { ConditionNode, Operand, PathSegment } from './expression-parser.js';

export type ExpressionValues = Readonly<Record<string, AttributeValue>>;

/** The value at a document path, or undefined when the item does not have it. */
export function valueAt(item: Item, path: readonly PathSegment[]): AttributeValue | undefined {
  let current: AttributeValue | undefined = item[path[0] as string];
  for (const segment of path.slice(1)) {
    if (current === undefined) return undefined;
    if (typeof segment === 'number') current = 'L' in current ? current.L[segment] : undefined;
    else current = 'M' in current ? current.M[segment] : undefined;
  }
  return current;
}

function operandValue(item: Item, operand: Operand, values: ExpressionValues): AttributeValue | undefined {
  if (operand.kind === 'path') return valueAt(item, operand.path);
  if (operand.kind === 'value') {
    const value = values[operand.name];
    if (!value)
      throw new MonotableError(
        'BAD_INPUT',
        `The expression uses ${operand.name}, which is not in ExpressionAttributeValues.`,
        { hint: `Add ${operand.name} to ExpressionAttributeValues.` },
      );
    return value;
  }
  const target = valueAt(item, operand.path);
  if (!target) return undefined;
  return { N: String(sizeOf(target)) };
}

function sizeOf(value: AttributeValue): number {
  if ('S' in value) return utf8Length(value.S);
  if ('B' in value) return base64Bytes(value.B).length;
  if ('SS' in value) return value.SS.length;
  if ('NS' in value) return value.NS.length;
  if ('BS' in value) return value.BS.length;
  if ('L' in value) return value.L.length;
  if ('M' in value) return Object.keys(value.M).length;
  return 0;
}

function compare(operator: string, a: AttributeValue | undefined, b: AttributeValue | undefined): boolean {
  if (operator === '=') return !!a && !!b && valuesEqual(a, b);
  if (operator === '<>') return !a || !b || !valuesEqual(a, b);
  if (!a || !b) return false;
  const order = compareScalars(a, b);
  if (order === undefined) return false;
  return operator === '<' ? order < 0 : operator === '<=' ? order <= 0 : operator === '>' ? order > 0 : order >= 0;
}

function beginsWith(a: AttributeValue | undefined, prefix: AttributeValue | undefined): boolean {
  if (!a || !prefix) return false;
  if ('S' in a && 'S' in prefix) return a.S.startsWith(prefix.S);
  if ('B' in a && 'B' in prefix) {
    const bytes = base64Bytes(a.B);
    const head = base64Bytes(prefix.B);
    return head.length <= bytes.length && head.every((b, i) => bytes[i] === b);
  }
  return false;
}

function contains(a: AttributeValue | undefined, member: AttributeValue | undefined): boolean {
  if (!a || !member) return false;
  if ('S' in a && 'S' in member) return a.S.includes(member.S);
  if ('SS' in a && 'S' in member) return a.SS.includes(member.S);
  if ('NS' in a && 'N' in member) return a.NS.some((n) => valuesEqual({ N: n }, member));
  if ('BS' in a && 'B' in member) return a.BS.some((b) => compareBinary(b, member.B) === 0);
  if ('L' in a) return a.L.some((v) => valuesEqual(v, member));
  return false;
}

/** Evaluates a parsed condition on an item with DynamoDB semantics (a missing attribute fails comparisons except <>). */
export function evaluateCondition(node: ConditionNode, item: Item, values: ExpressionValues): boolean {
  switch (node.kind) {
    case 'and':
      return evaluateCondition(node.left, item, values) && evaluateCondition(node.right, item, values);
    case 'or':
      return evaluateCondition(node.left, item, values) || evaluateCondition(node.right, item, values);
    case 'not':
      return !evaluateCondition(node.operand, item, values);
    case 'compare':
      return compare(node.operator, operandValue(item, node.left, values), operandValue(item, node.right, values));
    case 'between': {
      const v = operandValue(item, node.operand, values);
      return (
        compare('>=', v, operandValue(item, node.low, values)) &&
        compare('<=', v, operandValue(item, node.high, values))
      );
    }
    case 'in': {
      const v = operandValue(item, node.operand, values);
      return !!v && node.list.some((o) => compare('=', v, operandValue(item, o, values)));
    }
    case 'function': {
      const v = valueAt(item, node.path);
      const arg = node.argument ? operandValue(item, node.argument, values) : undefined;
      switch (node.name) {
        case 'attribute_exists':
          return v !== undefined;
        case 'attribute_not_exists':
          return v === undefined;
        case 'begins_with':
          return beginsWith(v, arg);
        case 'contains':
          return contains(v, arg);
        case 'attribute_type':
          return !!v && !!arg && 'S' in arg && typeOf(v) === arg.S;
      }
    }
  }
}

/** The top-level attribute names a condition reads. */
export function pathHeads(node: ConditionNode): string[] {
  const heads = (o: Operand | undefined): string[] => (o && o.kind !== 'value' ? [String(o.path[0])] : []);
  switch (node.kind) {
    case 'and':
    case 'or':
      return [...pathHeads(node.left), ...pathHeads(node.right)];
    case 'not':
      return pathHeads(node.operand);
    case 'compare':
      return [...heads(node.left), ...heads(node.right)];
    case 'between':
      return [...heads(node.operand), ...heads(node.low), ...heads(node.high)];
    case 'in':
      return [...heads(node.operand), ...node.list.flatMap(heads)];
    case 'function':
      return [String(node.path[0]), ...heads(node.argument)];
  }
}
