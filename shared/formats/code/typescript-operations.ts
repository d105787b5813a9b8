import type { ResolvedPattern, ValueSpec } from '../../patterns/resolved-pattern.js';
import type { AttributeKind } from './parameter-kinds.js';
import { requestFields, transactAction } from './request-fields.js';
import { tsProperty, tsString, tsValue } from './typescript-values.js';

/** The request object of one DynamoDB operation as TypeScript source, for the document client. */
export interface OperationContext {
  kinds: ReadonlyMap<string, AttributeKind>;
  /** Expression of a parameter value: `params.userUuid`. */
  ref: (parameter: string) => string;
  /** Expression of the table name: `TABLE_NAMES['cruddur-messages']`. */
  tableName: string;
  indent: string;
}

function objectOf(entries: [string, string][], indent: string): string {
  if (entries.length === 0) return '{}';
  return `{\n${entries.map(([k, v]) => `${indent}  ${k}: ${v},`).join('\n')}\n${indent}}`;
}

function values(specs: Record<string, ValueSpec>, ctx: OperationContext, indent: string): string {
  return objectOf(
    Object.entries(specs).map(([name, spec]) => [tsProperty(name), tsValue(spec, ctx.kinds, ctx.ref)]),
    indent,
  );
}

/** The input of Get/Query/Scan/Put/Update/Delete (and of one write inside a transaction). */
export function requestObject(
  resolved: ResolvedPattern,
  ctx: OperationContext,
  extra: [string, string][] = [],
): string {
  const inner = `${ctx.indent}  `;
  const fields = requestFields(resolved).map((field): [string, string] => {
    switch (field.kind) {
      case 'text':
        return [field.name, tsString(field.value)];
      case 'values':
        return [field.name, values(field.value, ctx, inner)];
      case 'names':
        return [
          field.name,
          objectOf(
            field.value.map(([k, v]) => [tsString(k), tsString(v)]),
            inner,
          ),
        ];
      case 'boolean':
      case 'number':
        return [field.name, String(field.value)];
    }
  });
  return objectOf([['TableName', ctx.tableName], ...fields, ...extra], ctx.indent);
}

/** One write of a TransactWriteItems: `{ Put: {...} }`, `{ Update: ... }`, `{ Delete: ... }` or `{ ConditionCheck: ... }`. */
export function transactItem(write: ResolvedPattern, ctx: OperationContext): string {
  return objectOf([[transactAction(write), requestObject(write, { ...ctx, indent: `${ctx.indent}  ` })]], ctx.indent);
}

/** The key (and projection) object of a BatchGetItem for one table. */
export function batchGetKeys(resolved: ResolvedPattern, ctx: OperationContext): string {
  const inner = `${ctx.indent}  `;
  const fields: [string, string][] = [
    ['Keys', `keys.map((params) => (${values(resolved.key ?? {}, ctx, `${inner}`)}))`],
  ];
  if (resolved.projectionExpression !== undefined)
    fields.push(['ProjectionExpression', tsString(resolved.projectionExpression)]);
  const names = Object.entries(resolved.expressionAttributeNames);
  if (names.length)
    fields.push([
      'ExpressionAttributeNames',
      objectOf(
        names.map(([k, v]) => [tsString(k), tsString(v)]),
        inner,
      ),
    ]);
  if (resolved.consistentRead !== undefined) fields.push(['ConsistentRead', String(resolved.consistentRead)]);
  return objectOf(fields, ctx.indent);
}

/** The primary key of a write as an object literal (for the error naming the item): from its Key, or its Item. */
export function keyLiteral(write: ResolvedPattern, keyNames: readonly string[], ctx: OperationContext): string {
  const source = write.key ?? write.item ?? {};
  const specs = Object.fromEntries(keyNames.flatMap((n) => (source[n] ? [[n, source[n]]] : [])));
  return values(specs, ctx, ctx.indent);
}
