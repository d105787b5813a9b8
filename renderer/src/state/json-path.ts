/** JSON paths as the validator writes them (`$.tables[0].keys["State#Date"]`), parsed back into segments. */
export type PathSegment = string | number;

export function parsePath(path: string): PathSegment[] {
  const segments: PathSegment[] = [];
  let i = path.startsWith('$') ? 1 : 0;
  while (i < path.length) {
    const ch = path[i];
    if (ch === '.') {
      const match = /^[A-Za-z_$][\w$]*/.exec(path.slice(i + 1));
      if (!match) break;
      segments.push(match[0]);
      i += 1 + match[0].length;
    } else if (ch === '[') {
      const end = findBracketEnd(path, i);
      if (end < 0) break;
      const inner = path.slice(i + 1, end);
      if (/^\d+$/.test(inner)) segments.push(Number(inner));
      else {
        try {
          segments.push(String(JSON.parse(inner)));
        } catch {
          break;
        }
      }
      i = end + 1;
    } else break;
  }
  return segments;
}

function findBracketEnd(path: string, open: number): number {
  if (path[open + 1] !== '"') return path.indexOf(']', open);
  let i = open + 2;
  while (i < path.length) {
    if (path[i] === '\\') i += 2;
    else if (path[i] === '"') return path[i + 1] === ']' ? i + 1 : -1;
    else i++;
  }
  return -1;
}

/** The path one level up (`$.a.b[2]` → `$.a.b`), or undefined at the root. */
export function parentPath(path: string): string | undefined {
  if (path === '$' || path === '') return undefined;
  const segments = parsePath(path);
  if (segments.length === 0) return undefined;
  return formatSegments(segments.slice(0, -1));
}

export function formatSegments(segments: readonly PathSegment[]): string {
  let out = '$';
  for (const s of segments) {
    if (typeof s === 'number') out += `[${s}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(s)) out += `.${s}`;
    else out += `[${JSON.stringify(s)}]`;
  }
  return out;
}

/** Builds a path from a base path and more segments: `joinPath('$.tables[0]', 'entities', 1)`. */
export function joinPath(base: string, ...more: PathSegment[]): string {
  return formatSegments([...parsePath(base), ...more]);
}
