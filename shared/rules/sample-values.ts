import type { AttributeValue } from '../model/attribute-value.js';
import { isBase64 } from '../model/base64-text.js';
import { checkDynamoNumber, parseDynamoNumber } from '../model/numbers.js';
import type { PathSegment, Reporter } from './rule-context.js';

export const MAX_NESTING_DEPTH = 32;

/** A node of the walk; the path is rebuilt from parent links only when something is reported. */
interface Node {
  value: AttributeValue;
  segments: readonly PathSegment[];
  parent: Node | undefined;
  depth: number;
}

function pathOf(node: Node): PathSegment[] {
  const parts: (readonly PathSegment[])[] = [];
  for (let n: Node | undefined = node; n; n = n.parent) parts.push(n.segments);
  return parts.reverse().flat();
}

export { isBase64 };

export function reportBinary(context: Reporter, path: PathSegment[], label: string, text: string): void {
  context.report(
    'sample-binary-invalid',
    'error',
    path,
    `${label}: "${text.length > 40 ? `${text.slice(0, 40)}…` : text}" is not base64.`,
    'Binary values are written as standard base64 text with padding, e.g. "aGVsbG8=".',
  );
}

/** Canonical text of a number, so that 1, 1.0 and 10E-1 count as the same set element. */
function numberIdentity(text: string): string {
  const n = parseDynamoNumber(text);
  return n ? `${n.negative ? '-' : ''}${n.digits}e${n.exponent}` : text;
}

function checkSet(
  context: Reporter,
  node: Node,
  type: 'SS' | 'NS' | 'BS',
  elements: readonly string[],
  label: string,
): void {
  if (elements.length === 0) {
    context.report(
      'sample-empty-set',
      'error',
      pathOf(node),
      `${label}: an empty ${type} set; DynamoDB does not store empty sets.`,
      'Leave the attribute out, or use an empty list (L) if it must exist.',
    );
    return;
  }
  const seen = new Set<string>();
  elements.forEach((element, i) => {
    if (type === 'NS') {
      const problem = checkDynamoNumber(element);
      if (problem) {
        context.report(
          'sample-number-invalid',
          'error',
          [...pathOf(node), type, i],
          `${label}: ${problem}.`,
          'Write the number as decimal text with at most 38 significant digits.',
        );
      }
    }
    const id = type === 'NS' ? numberIdentity(element) : type === 'BS' ? `${element.replace(/=+$/, '')}` : element;
    if (seen.has(id)) {
      context.report(
        'sample-set-duplicate',
        'error',
        [...pathOf(node), type, i],
        `${label}: the ${type} set contains "${element}" twice; set elements must be unique.`,
        'Remove the duplicate, or use a list (L) if order and repeats matter.',
      );
    }
    seen.add(id);
    if (type === 'BS' && !isBase64(element)) reportBinary(context, [...pathOf(node), type, i], label, element);
  });
}

/**
 * Checks one attribute value and everything nested in it, iteratively and without descending past the
 * depth limit: numbers, sets (not empty, no duplicates), nesting depth.
 */
export function checkSampleValue(
  context: Reporter,
  root: AttributeValue,
  rootPath: readonly PathSegment[],
  label: string,
): void {
  const stack: Node[] = [{ value: root, segments: rootPath, parent: undefined, depth: 0 }];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const value = node.value;
    if ('B' in value) {
      if (!isBase64(value.B)) reportBinary(context, [...pathOf(node), 'B'], label, value.B);
    } else if ('N' in value) {
      const problem = checkDynamoNumber(value.N);
      if (problem)
        context.report(
          'sample-number-invalid',
          'error',
          [...pathOf(node), 'N'],
          `${label}: ${problem}.`,
          'Write the number as decimal text with at most 38 significant digits.',
        );
    } else if ('SS' in value) checkSet(context, node, 'SS', value.SS, label);
    else if ('NS' in value) checkSet(context, node, 'NS', value.NS, label);
    else if ('BS' in value) checkSet(context, node, 'BS', value.BS, label);
    else if ('L' in value || 'M' in value) {
      const depth = node.depth + 1;
      if (depth > MAX_NESTING_DEPTH) {
        context.report(
          'sample-nesting-too-deep',
          'error',
          pathOf(node),
          `${label}: lists and maps are nested more than ${MAX_NESTING_DEPTH} levels deep; DynamoDB allows ${MAX_NESTING_DEPTH}.`,
          'Flatten the structure, or store the deep part as a JSON string.',
        );
        continue;
      }
      if ('L' in value)
        value.L.forEach((child, i) => stack.push({ value: child, segments: ['L', i], parent: node, depth }));
      else
        for (const name of Object.keys(value.M))
          stack.push({ value: value.M[name]!, segments: ['M', name], parent: node, depth });
    }
  }
}
