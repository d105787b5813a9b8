import type { AttributeValue } from '../model/attribute-value.js';
import { compareScalars } from '../model/compare-values.js';
import { MonotableError } from '../errors/monotable-error.js';
import type { ExpressionValues } from './evaluate-condition.js';
import type { ConditionNode, Operand } from './expression-parser.js';
import type { IndexEntry } from './table-data.js';

/** First index whose sort value is > v (strict) or >= v, in entries sorted ascending by `sortName`. */
function bound(entries: IndexEntry[], sortName: string, v: AttributeValue, strict: boolean): number {
  let lo = 0;
  let hi = entries.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const order = compareScalars(entries[mid]!.full[sortName]!, v) ?? 0;
    if (order > 0 || (!strict && order === 0)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function isSortPath(operand: Operand, sortName: string): boolean {
  return operand.kind === 'path' && operand.path.length === 1 && operand.path[0] === sortName;
}

function operandValue(operand: Operand | undefined, values: ExpressionValues): AttributeValue | undefined {
  return operand?.kind === 'value' ? values[operand.name] : undefined;
}

/**
 * The entries a sort-key condition selects, found by binary search over the sorted partition (the way
 * DynamoDB reads a key range instead of testing every item). Undefined when the condition is not a plain
 * sort-key condition; the caller then tests each entry.
 */
export function sortKeyRange(
  entries: IndexEntry[],
  sortName: string,
  node: ConditionNode,
  values: ExpressionValues,
): IndexEntry[] | undefined {
  const n = entries.length;
  const sample = entries[0]?.full[sortName];
  const comparable = (v: AttributeValue | undefined): v is AttributeValue =>
    !!v && (!sample || compareScalars(sample, v) !== undefined);
  if (node.kind === 'compare' && isSortPath(node.left, sortName)) {
    const v = operandValue(node.right, values);
    if (!comparable(v)) return v ? [] : undefined;
    switch (node.operator) {
      case '=':
        return entries.slice(bound(entries, sortName, v, false), bound(entries, sortName, v, true));
      case '<':
        return entries.slice(0, bound(entries, sortName, v, false));
      case '<=':
        return entries.slice(0, bound(entries, sortName, v, true));
      case '>':
        return entries.slice(bound(entries, sortName, v, true), n);
      case '>=':
        return entries.slice(bound(entries, sortName, v, false), n);
      default:
        return undefined;
    }
  }
  if (node.kind === 'between' && isSortPath(node.operand, sortName)) {
    const low = operandValue(node.low, values);
    const high = operandValue(node.high, values);
    if (!comparable(low) || !comparable(high)) return low && high ? [] : undefined;
    if ((compareScalars(low, high) ?? 0) > 0) {
      throw new MonotableError(
        'BAD_INPUT',
        'BETWEEN on the sort key has a lower bound greater than its upper bound; DynamoDB refuses such a key condition.',
        {
          hint: 'Swap the two values.',
        },
      );
    }
    return entries.slice(
      bound(entries, sortName, low, false),
      Math.max(bound(entries, sortName, low, false), bound(entries, sortName, high, true)),
    );
  }
  if (node.kind === 'function' && node.name === 'begins_with' && node.path.length === 1 && node.path[0] === sortName) {
    const prefix = operandValue(node.argument, values);
    if (!prefix || !('S' in prefix)) return undefined;
    const start = bound(entries, sortName, prefix, false);
    let end = start;
    while (end < n) {
      const v = entries[end]!.full[sortName]!;
      if (!('S' in v) || !v.S.startsWith(prefix.S)) break;
      end++;
    }
    return entries.slice(start, end);
  }
  return undefined;
}
