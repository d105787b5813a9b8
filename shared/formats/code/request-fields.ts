import type { ResolvedPattern, ValueSpec } from '../../patterns/resolved-pattern.js';

/**
 * The fields of one request (no TableName), in the order both code generators write them; each generator only
 * renders the values in its language. Empty name/value maps are left out (DynamoDB rejects them).
 */
export type RequestField =
  | { name: string; kind: 'text'; value: string }
  | { name: string; kind: 'values'; value: Record<string, ValueSpec> }
  | { name: string; kind: 'names'; value: [string, string][] }
  | { name: string; kind: 'boolean'; value: boolean }
  | { name: string; kind: 'number'; value: number };

export function requestFields(resolved: ResolvedPattern): RequestField[] {
  const out: RequestField[] = [];
  const text = (name: string, value: string | undefined): void => {
    if (value !== undefined) out.push({ name, kind: 'text', value });
  };
  if (resolved.operation === 'Query' || resolved.operation === 'Scan') text('IndexName', resolved.indexName);
  if (resolved.key) out.push({ name: 'Key', kind: 'values', value: resolved.key });
  if (resolved.item) out.push({ name: 'Item', kind: 'values', value: resolved.item });
  text('KeyConditionExpression', resolved.keyConditionExpression);
  text('FilterExpression', resolved.filterExpression);
  text('ProjectionExpression', resolved.projectionExpression);
  text('UpdateExpression', resolved.updateExpression);
  text('ConditionExpression', resolved.conditionExpression);
  const names = Object.entries(resolved.expressionAttributeNames);
  if (names.length) out.push({ name: 'ExpressionAttributeNames', kind: 'names', value: names });
  if (Object.keys(resolved.expressionAttributeValues).length)
    out.push({ name: 'ExpressionAttributeValues', kind: 'values', value: resolved.expressionAttributeValues });
  if (resolved.scanIndexForward !== undefined)
    out.push({ name: 'ScanIndexForward', kind: 'boolean', value: resolved.scanIndexForward });
  if (resolved.limit !== undefined) out.push({ name: 'Limit', kind: 'number', value: resolved.limit });
  if (resolved.consistentRead !== undefined)
    out.push({ name: 'ConsistentRead', kind: 'boolean', value: resolved.consistentRead });
  return out;
}

/** The TransactWriteItems action of one write: a ConditionCheck is carried as a GetItem with a condition. */
export function transactAction(write: ResolvedPattern): 'Put' | 'Update' | 'Delete' | 'ConditionCheck' {
  return write.operation === 'PutItem'
    ? 'Put'
    : write.operation === 'UpdateItem'
      ? 'Update'
      : write.operation === 'DeleteItem'
        ? 'Delete'
        : 'ConditionCheck';
}
