import type { AttributeValue, Item } from '../model/attribute-value.js';
import { valueAt } from './evaluate-condition.js';
import type { PathSegment } from './expression-parser.js';

/** Keeps only the projected paths (nested paths keep their enclosing maps and lists). */
export function applyProjection(item: Item, paths: PathSegment[][]): Item {
  const out: Item = {};
  for (const path of paths) {
    const value = valueAt(item, path);
    if (value === undefined) continue;
    if (path.length === 1) out[path[0] as string] = value;
    else out[path[0] as string] = mergeNested(out[path[0] as string], item[path[0] as string]!, path.slice(1), value);
  }
  return out;
}

function mergeNested(
  existing: AttributeValue | undefined,
  source: AttributeValue,
  rest: PathSegment[],
  value: AttributeValue,
): AttributeValue {
  if (rest.length === 0) return value;
  const [head, ...tail] = rest;
  if (typeof head === 'number' && 'L' in source) {
    const list = existing && 'L' in existing ? existing.L : [];
    const next = mergeNested(list[list.length - 1], source.L[head]!, tail, value);
    return { L: [...list, next] };
  }
  const map = existing && 'M' in existing ? existing.M : {};
  const child = 'M' in source ? source.M[head as string]! : source;
  return { M: { ...map, [head as string]: mergeNested(map[head as string], child, tail, value) } };
}
