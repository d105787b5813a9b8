import { parseTemplate } from '../../keys/template.js';
import type { ValueSpec } from '../../patterns/resolved-pattern.js';
import { bareParameter, type AttributeKind } from './parameter-kinds.js';

/** Python source for values: f-strings from key templates, Decimal for numbers (boto3 refuses float). */

export const PY_TYPES: Record<AttributeKind, string> = {
  S: 'str',
  N: 'int | Decimal',
  B: 'bytes',
  BOOL: 'bool',
  NULL: 'None',
  SS: 'set[str]',
  NS: 'set[int | Decimal]',
  BS: 'set[bytes]',
  L: 'list',
  M: 'dict',
};

function escapePython(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function pyString(text: string): string {
  return `"${escapePython(text)}"`;
}

function constant(text: string, type: AttributeKind): string {
  if (type === 'N') return `Decimal(${pyString(text)})`;
  if (type === 'BOOL' && (text === 'true' || text === 'false')) return text === 'true' ? 'True' : 'False';
  if (type === 'NULL') return 'None';
  return pyString(text);
}

/** The expression for one value: `score`, `f"MSG#{message_group_uuid}"`, `"PROFILE"`. */
export function pyValue(
  spec: ValueSpec,
  kinds: ReadonlyMap<string, AttributeKind>,
  ref: (parameter: string) => string,
): string {
  const template = parseTemplate(spec.template);
  const bare = bareParameter(template);
  if (bare !== undefined) {
    const kind = kinds.get(bare) ?? 'S';
    if (spec.type === 'N') return `_number(${ref(bare)})`;
    if (spec.type === 'S' && kind !== 'S') return `str(${ref(bare)})`;
    return ref(bare);
  }
  if (template.params.length === 0)
    return constant(template.segments.map((s) => (s.kind === 'literal' ? s.text : '')).join(''), spec.type);
  const body = template.segments
    .map((s) =>
      s.kind === 'literal' ? escapePython(s.text).replace(/\{/g, '{{').replace(/\}/g, '}}') : `{${ref(s.name)}}`,
    )
    .join('');
  return spec.type === 'N' ? `_number(f"${body}")` : `f"${body}"`;
}

/** A JSON value as a Python literal (for CreateTable arguments). */
export function pyLiteral(value: unknown, indent = ''): string {
  if (value === null || value === undefined) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'None';
  if (typeof value === 'string') return pyString(value);
  const inner = `${indent}    `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((v) => `${inner}${pyLiteral(v, inner)},`).join('\n')}\n${indent}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return '{}';
  return `{\n${entries.map(([k, v]) => `${inner}${pyString(k)}: ${pyLiteral(v, inner)},`).join('\n')}\n${indent}}`;
}
