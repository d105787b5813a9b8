import type { KeyTemplate } from './template.js';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const matcherCache = new Map<string, RegExp>();

function matcher(template: KeyTemplate): RegExp {
  let re = matcherCache.get(template.source);
  if (!re) {
    const seen = new Set<string>();
    const last = template.segments.length - 1;
    const body = template.segments
      .map((s, i) => {
        if (s.kind === 'literal') return escapeRegExp(s.text);
        if (seen.has(s.name)) return `\\k<p${template.params.indexOf(s.name)}>`;
        seen.add(s.name);
        return `(?<p${template.params.indexOf(s.name)}>[\\s\\S]${i === last ? '*' : '*?'})`;
      })
      .join('');
    // No `u` flag: matching works on UTF-16 code units, exactly as rendering concatenates them, so even a lone
    // surrogate split between a value and a literal matches back.
    re = new RegExp(`^${body}$`);
    if (matcherCache.size > 5000) matcherCache.clear();
    matcherCache.set(template.source, re);
  }
  return re;
}

/** The same matching by a regular expression with backreferences: used for templates that repeat a parameter. */
export function matchTemplateByRegex(template: KeyTemplate, key: string): Record<string, string> | undefined {
  const m = matcher(template).exec(key);
  if (!m) return undefined;
  const out: Record<string, string> = {};
  template.params.forEach((name, i) => {
    out[name] = m.groups![`p${i}`] ?? '';
  });
  return out;
}

/** literals[0] {params[0]} literals[1] … {params[n-1]} literals[n]; literals may be empty. */
interface Shape {
  literals: string[];
  params: string[];
  repeated: boolean;
}

const shapeCache = new WeakMap<KeyTemplate, Shape>();

function shapeOf(template: KeyTemplate): Shape {
  let shape = shapeCache.get(template);
  if (!shape) {
    const literals = [''];
    const params: string[] = [];
    for (const segment of template.segments) {
      if (segment.kind === 'literal') literals[literals.length - 1] += segment.text;
      else {
        params.push(segment.name);
        literals.push('');
      }
    }
    shape = { literals, params, repeated: new Set(params).size !== params.length };
    shapeCache.set(template, shape);
  }
  return shape;
}

/**
 * Matches a stored key back to parameter values, or undefined when the key does not fit the template.
 * Each parameter takes the shortest text that lets the rest match (the last one takes the remainder), so a
 * value may contain the delimiter (`#`) as long as the literal that follows the parameter does not appear
 * earlier than where the value ends (see `valueBreaksMatch`):
 * `ORDER#{id}#ITEM#{line}` matches `ORDER#a#b#ITEM#3` as id `a#b`, line `3`; but id `a#ITEM` renders
 * `ORDER#a#ITEM#ITEM#3`, which matches back as id `a`, line `ITEM#3` (the key itself is ambiguous).

 *
 * Linear time: the first and last literals are checked at the ends, and each literal in between is placed at its
 * earliest occurrence (placing it earlier never prevents the rest from matching, because the next parameter can
 * absorb the difference), so no backtracking is needed. A regular expression with lazy groups gives the same
 * answer but takes quadratic or worse time on keys full of delimiters.
 */
export function matchTemplate(template: KeyTemplate, key: string): Record<string, string> | undefined {
  const { literals, params, repeated } = shapeOf(template);
  if (repeated) return matchTemplateByRegex(template, key);
  const n = params.length;
  if (n === 0) return key === literals[0] ? {} : undefined;
  const first = literals[0]!;
  const last = literals[n]!;
  if (key.length < first.length + last.length || !key.startsWith(first) || !key.endsWith(last)) return undefined;
  const end = key.length - last.length;
  const out: Record<string, string> = {};
  let pos = first.length;
  for (let i = 0; i < n - 1; i++) {
    const literal = literals[i + 1]!;
    const at = key.indexOf(literal, pos);
    if (at < 0 || at + literal.length > end) return undefined;
    out[params[i]!] = key.slice(pos, at);
    pos = at + literal.length;
  }
  out[params[n - 1]!] = key.slice(pos, end);
  return out;
}
