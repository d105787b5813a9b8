import type { ResolvedPattern, ValueSpec } from '../../patterns/resolved-pattern.js';
import type { AttributeKind } from './parameter-kinds.js';
import { pyString, pyValue } from './python-values.js';

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
  const dict = dictOf(Object.entries(specs).map(([name, spec]) => [pyString(name), pyValue(spec, ctx.kinds, ctx.ref)]), indent);
  return ctx.typed ? `_typed(${dict})` : dict;
}

/** The arguments of get_item/query/scan/put_item/update_item/delete_item (no TableName: the Table resource has it). */
export function requestEntries(resolved: ResolvedPattern, ctx: PyContext): [string, string][] {
  const inner = `${ctx.indent}    `;
  const out: [string, string][] = [];
  if (resolved.indexName !== undefined && (resolved.operation === 'Query' || resolved.operation === 'Scan')) out.push(['"IndexName"', pyString(resolved.indexName)]);
  if (resolved.key) out.push(['"Key"', values(resolved.key, ctx, inner)]);
  if (resolved.item) out.push(['"Item"', values(resolved.item, ctx, inner)]);
  const text = (field: string, value: string | undefined): void => {
    if (value !== undefined) out.push([`"${field}"`, pyString(value)]);
  };
  text('KeyConditionExpression', resolved.keyConditionExpression);
  text('FilterExpression', resolved.filterExpression);
  text('ProjectionExpression', resolved.projectionExpression);
  text('UpdateExpression', resolved.updateExpression);
  text('ConditionExpression', resolved.conditionExpression);
  const names = Object.entries(resolved.expressionAttributeNames);
  if (names.length) out.push(['"ExpressionAttributeNames"', dictOf(names.map(([k, v]) => [pyString(k), pyString(v)]), inner)]);
  if (Object.keys(resolved.expressionAttributeValues).length) out.push(['"ExpressionAttributeValues"', values(resolved.expressionAttributeValues, ctx, inner)]);
  if (resolved.scanIndexForward !== undefined) out.push(['"ScanIndexForward"', resolved.scanIndexForward ? 'True' : 'False']);
  if (resolved.limit !== undefined) out.push(['"Limit"', String(resolved.limit)]);
  if (resolved.consistentRead !== undefined) out.push(['"ConsistentRead"', resolved.consistentRead ? 'True' : 'False']);
  return out;
}

/** One write of transact_write_items for the low-level client: `{"Put": {...}}` etc. */
export function pyTransactItem(write: ResolvedPattern, ctx: PyContext, tableName: string): string {
  const action =
    write.operation === 'PutItem' ? 'Put' : write.operation === 'UpdateItem' ? 'Update' : write.operation === 'DeleteItem' ? 'Delete' : 'ConditionCheck';
  const inner = { ...ctx, indent: `${ctx.indent}    `, typed: true };
  return dictOf([[pyString(action), dictOf([['"TableName"', tableName], ...requestEntries(write, inner)], inner.indent)]], ctx.indent);
}
