import type { ResolvedPattern, ValueSpec } from '../../patterns/resolved-pattern.js';
import type { AttributeKind } from './parameter-kinds.js';
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
  return objectOf(Object.entries(specs).map(([name, spec]) => [tsProperty(name), tsValue(spec, ctx.kinds, ctx.ref)]), indent);
}

/** The fields every expression-bearing request shares; empty maps are left out (DynamoDB rejects them). */
function expressionFields(resolved: ResolvedPattern, ctx: OperationContext, indent: string): [string, string][] {
  const out: [string, string][] = [];
  const text = (field: string, value: string | undefined): void => {
    if (value !== undefined) out.push([field, tsString(value)]);
  };
  text('KeyConditionExpression', resolved.keyConditionExpression);
  text('FilterExpression', resolved.filterExpression);
  text('ProjectionExpression', resolved.projectionExpression);
  text('UpdateExpression', resolved.updateExpression);
  text('ConditionExpression', resolved.conditionExpression);
  const names = Object.entries(resolved.expressionAttributeNames);
  if (names.length) out.push(['ExpressionAttributeNames', objectOf(names.map(([k, v]) => [tsString(k), tsString(v)]), indent)]);
  if (Object.keys(resolved.expressionAttributeValues).length) {
    out.push(['ExpressionAttributeValues', objectOf(Object.entries(resolved.expressionAttributeValues).map(([k, v]) => [tsString(k), tsValue(v, ctx.kinds, ctx.ref)]), indent)]);
  }
  return out;
}

/** The input of Get/Query/Scan/Put/Update/Delete (and of one write inside a transaction). */
export function requestObject(resolved: ResolvedPattern, ctx: OperationContext, extra: [string, string][] = []): string {
  const inner = `${ctx.indent}  `;
  const fields: [string, string][] = [['TableName', ctx.tableName]];
  if (resolved.indexName !== undefined && (resolved.operation === 'Query' || resolved.operation === 'Scan')) fields.push(['IndexName', tsString(resolved.indexName)]);
  if (resolved.key) fields.push(['Key', values(resolved.key, ctx, inner)]);
  if (resolved.item) fields.push(['Item', values(resolved.item, ctx, inner)]);
  fields.push(...expressionFields(resolved, ctx, inner));
  if (resolved.scanIndexForward !== undefined) fields.push(['ScanIndexForward', String(resolved.scanIndexForward)]);
  if (resolved.limit !== undefined) fields.push(['Limit', String(resolved.limit)]);
  if (resolved.consistentRead !== undefined) fields.push(['ConsistentRead', String(resolved.consistentRead)]);
  fields.push(...extra);
  return objectOf(fields, ctx.indent);
}

/** One write of a TransactWriteItems: `{ Put: {...} }`, `{ Update: ... }`, `{ Delete: ... }` or `{ ConditionCheck: ... }`. */
export function transactItem(write: ResolvedPattern, ctx: OperationContext): string {
  const action =
    write.operation === 'PutItem' ? 'Put' : write.operation === 'UpdateItem' ? 'Update' : write.operation === 'DeleteItem' ? 'Delete' : 'ConditionCheck';
  return objectOf([[action, requestObject(write, { ...ctx, indent: `${ctx.indent}  ` })]], ctx.indent);
}

/** The key (and projection) object of a BatchGetItem for one table. */
export function batchGetKeys(resolved: ResolvedPattern, ctx: OperationContext): string {
  const inner = `${ctx.indent}  `;
  const fields: [string, string][] = [['Keys', `keys.map((params) => (${values(resolved.key ?? {}, ctx, `${inner}`)}))`]];
  if (resolved.projectionExpression !== undefined) fields.push(['ProjectionExpression', tsString(resolved.projectionExpression)]);
  const names = Object.entries(resolved.expressionAttributeNames);
  if (names.length) fields.push(['ExpressionAttributeNames', objectOf(names.map(([k, v]) => [tsString(k), tsString(v)]), inner)]);
  if (resolved.consistentRead !== undefined) fields.push(['ConsistentRead', String(resolved.consistentRead)]);
  return objectOf(fields, ctx.indent);
}
