import { parseTemplate } from '../../keys/template.js';
import type { ValueSpec } from '../../patterns/resolved-pattern.js';
import { bareParameter, type AttributeKind } from './parameter-kinds.js';

/** TypeScript source for values: template literals from key templates, types from DynamoDB types. */

export const TS_TYPES: Record<AttributeKind, string> = {
  S: 'string',
  N: 'number',
  B: 'Uint8Array',
  BOOL: 'boolean',
  NULL: 'null',
  SS: 'Set<string>',
  NS: 'Set<number>',
  BS: 'Set<Uint8Array>',
  L: 'unknown[]',
  M: 'Record<string, unknown>',
};

export function tsString(text: string): string {
  return `'${text
    .replace(/\\/g, '\\\\')
    .replace(/'/g, "\\'")
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')}'`;
}

/** `name` as an object property: bare when it is an identifier, quoted otherwise. */
export function tsProperty(name: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? name : tsString(name);
}

function templateLiteralText(text: string): string {
  // A raw CR in a template literal would be read as LF, so line breaks are escaped.
  return text
    .replace(/\\/g, '\\\\')
    .replace(/`/g, '\\`')
    .replace(/\$\{/g, '\\${')
    .replace(/\r/g, '\\r')
    .replace(/\n/g, '\\n');
}

function constant(text: string, type: AttributeKind): string {
  if (type === 'N') return /^-?(0|[1-9][0-9]{0,14})(\.[0-9]{1,6})?$/.test(text) ? text : `Number(${tsString(text)})`;
  if (type === 'BOOL' && (text === 'true' || text === 'false')) return text;
  if (type === 'NULL') return 'null';
  return tsString(text);
}

/**
 * The expression for one value: `params.score`, `` `MSG#${params.messageGroupUuid}` ``, `'PROFILE'`.
 * `ref` gives the expression of a parameter, `kinds` what type that expression has.
 */
export function tsValue(
  spec: ValueSpec,
  kinds: ReadonlyMap<string, AttributeKind>,
  ref: (parameter: string) => string,
): string {
  const template = parseTemplate(spec.template);
  const bare = bareParameter(template);
  if (bare !== undefined) {
    const kind = kinds.get(bare) ?? 'S';
    if (kind === spec.type) return ref(bare);
    if (spec.type === 'S') return `String(${ref(bare)})`;
    if (spec.type === 'N') return `Number(${ref(bare)})`;
    return ref(bare);
  }
  if (template.params.length === 0)
    return constant(template.segments.map((s) => (s.kind === 'literal' ? s.text : '')).join(''), spec.type);
  const body = template.segments
    .map((s) => (s.kind === 'literal' ? templateLiteralText(s.text) : `\${${ref(s.name)}}`))
    .join('');
  return spec.type === 'N' ? `Number(\`${body}\`)` : `\`${body}\``;
}
