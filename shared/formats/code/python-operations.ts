import type { ResolvedPattern, ValueSpec } from '../../patterns/resolved-pattern.js';
import type { AttributeKind } from './parameter-kinds.js';
import { pyString, pyValue } from './python-values.js';
import { requestFields, transactAction } from './request-fields.js';

/** The keyword arguments of one boto3 call as a Python dict literal. */
export interface PyContext {
  kinds: ReadonlyMap<string, AttributeKind>;
  ref: (parameter: string) => string;
  indent: string;
  /** Wrap item/key/value dicts for the low-level client (transactions): `_typed({...})`. */
  typed?: boolean;
}

export function dictOf(entries: [string, string][], indent: string): string {
  if (entries.length === 0) return '{}';
  return `{\n${entries.map(([k, v]) => `${indent}    ${k}: ${v},`).join('\n')}\n${indent}}`;
}

function values(specs: Record<string, ValueSpec>, ctx: PyContext, indent: string): string {
  const dict = dictOf(
    Object.entries(specs).map(([name, spec]) => [pyString(name), pyValue(spec, ctx.kinds, ctx.ref)]),
    indent,
  );
  return ctx.typed ? `_typed(${dict})` : dict;
}

/** The arguments of get_item/query/scan/put_item/update_item/delete_item (no TableName: the Table resource has it). */
export function requestEntries(resolved: ResolvedPattern, ctx: PyContext): [string, string][] {
  const inner = `${ctx.indent}    `;
  return requestFields(resolved).map((field): [string, string] => {
    const name = `"${field.name}"`;
    switch (field.kind) {
      case 'text':
        return [name, pyString(field.value)];
      case 'values':
        return [name, values(field.value, ctx, inner)];
      case 'names':
        return [
          name,
          dictOf(
            field.value.map(([k, v]) => [pyString(k), pyString(v)]),
            inner,
          ),
        ];
      case 'boolean':
        return [name, field.value ? 'True' : 'False'];
      case 'number':
        return [name, String(field.value)];
    }
  });
}

/** One write of transact_write_items for the low-level client: `{"Put": {...}}` etc. */
export function pyTransactItem(write: ResolvedPattern, ctx: PyContext, tableName: string): string {
  const inner = { ...ctx, indent: `${ctx.indent}    `, typed: true };
  return dictOf(
    [
      [
        pyString(transactAction(write)),
        dictOf([['"TableName"', tableName], ...requestEntries(write, inner)], inner.indent),
      ],
    ],
    ctx.indent,
  );
}

/** The primary key of a write as a dict literal (for the error naming the item): from its Key, or its Item. */
export function pyKeyLiteral(write: ResolvedPattern, keyNames: readonly string[], ctx: PyContext): string {
  const source = write.key ?? write.item ?? {};
  const specs = Object.fromEntries(keyNames.flatMap((n) => (source[n] ? [[n, source[n]]] : [])));
  return values(specs, { ...ctx, typed: false }, ctx.indent);
}
