import type { AttributeValue, Item } from '../model/attribute-value.js';
import { MonotableError } from '../errors/monotable-error.js';
import type { TemplateValue } from '../keys/template.js';
import { renderValue, type ParameterValues } from './render-value.js';
import type { OperationRequest, ResolvedPattern, ValueSpec } from './resolved-pattern.js';

/** DynamoDB's limit on the keys of one BatchGetItem call. */
export const MAX_BATCH_GET_KEYS = 100;

function renderMap(specs: Record<string, ValueSpec>, params: ParameterValues, what: string): Item {
  const out: Item = {};
  for (const [name, spec] of Object.entries(specs)) out[name] = renderValue(spec, params, `${what} "${name}"`);
  return out;
}

function expressionParts(resolved: ResolvedPattern, params: ParameterValues): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (resolved.keyConditionExpression) out['KeyConditionExpression'] = resolved.keyConditionExpression;
  if (resolved.filterExpression) out['FilterExpression'] = resolved.filterExpression;
  if (resolved.projectionExpression) out['ProjectionExpression'] = resolved.projectionExpression;
  if (resolved.updateExpression) out['UpdateExpression'] = resolved.updateExpression;
  if (resolved.conditionExpression) out['ConditionExpression'] = resolved.conditionExpression;
  if (Object.keys(resolved.expressionAttributeNames).length)
    out['ExpressionAttributeNames'] = { ...resolved.expressionAttributeNames };
  const values: Record<string, AttributeValue> = {};
  for (const [placeholder, spec] of Object.entries(resolved.expressionAttributeValues)) {
    values[placeholder] = renderValue(spec, params, `the value ${placeholder} (${spec.template})`);
  }
  if (Object.keys(values).length) out['ExpressionAttributeValues'] = values;
  return out;
}

function requireKey(resolved: ResolvedPattern): Record<string, ValueSpec> {
  if (resolved.key) return resolved.key;
  throw new MonotableError(
    'MODEL_INVALID',
    `Access pattern "${resolved.name}" has no complete primary key, so no request can be built.`,
    {
      hint:
        resolved.diagnostics.find((d) => d.severity === 'error')?.hint ??
        'Run monotable validate and fix the errors of this pattern.',
    },
  );
}

/** The body of one request without the operation wrapper (also a TransactWriteItems entry). */
function body(resolved: ResolvedPattern, params: ParameterValues): Record<string, unknown> {
  const input: Record<string, unknown> = { TableName: resolved.table };
  if (resolved.indexName !== undefined) input['IndexName'] = resolved.indexName;
  if (resolved.operation === 'PutItem') input['Item'] = renderMap(resolved.item ?? {}, params, 'the attribute');
  else if (resolved.operation !== 'Query' && resolved.operation !== 'Scan')
    input['Key'] = renderMap(requireKey(resolved), params, 'the key');
  Object.assign(input, expressionParts(resolved, params));
  if (resolved.scanIndexForward !== undefined) input['ScanIndexForward'] = resolved.scanIndexForward;
  if (resolved.limit !== undefined) input['Limit'] = resolved.limit;
  if (resolved.consistentRead !== undefined) input['ConsistentRead'] = resolved.consistentRead;
  return input;
}

function transactEntry(resolved: ResolvedPattern, params: ParameterValues): Record<string, unknown> {
  const entry = body(resolved, params);
  delete entry['ConsistentRead'];
  const wrapper =
    resolved.operation === 'PutItem'
      ? 'Put'
      : resolved.operation === 'UpdateItem'
        ? 'Update'
        : resolved.operation === 'DeleteItem'
          ? 'Delete'
          : 'ConditionCheck';
  return { [wrapper]: entry };
}

function refuseUnresolved(resolved: ResolvedPattern): void {
  const error = resolved.diagnostics.find((d) => d.severity === 'error');
  if (!error) return;
  throw new MonotableError('MODEL_INVALID', `Access pattern "${resolved.name}" cannot be run: ${error.message}`, {
    path: error.path,
    hint: error.hint ?? 'Fix the pattern first.',
  });
}

/**
 * The exact low-level DynamoDB request (typed AttributeValue JSON) for one pattern and its parameter values.
 * Number parameters stay text, so a 38-digit value keeps every digit.
 */
export function buildRequest(resolved: ResolvedPattern, params: Record<string, TemplateValue>): OperationRequest {
  refuseUnresolved(resolved);
  switch (resolved.operation) {
    case 'BatchGetItem':
      return buildBatchGetRequest(resolved, [params]);
    case 'TransactWriteItems':
      return {
        operation: 'TransactWriteItems',
        input: { TransactItems: (resolved.transactItems ?? []).map((t) => transactEntry(t, params)) },
      };
    default:
      return { operation: resolved.operation, input: body(resolved, params) };
  }
}

/** BatchGetItem for several keys of the same pattern, one parameter set per key (at most 100). */
export function buildBatchGetRequest(
  resolved: ResolvedPattern,
  paramSets: readonly Record<string, TemplateValue>[],
): OperationRequest {
  refuseUnresolved(resolved);
  if (paramSets.length === 0 || paramSets.length > MAX_BATCH_GET_KEYS) {
    throw new MonotableError(
      'BAD_INPUT',
      `BatchGetItem takes 1 to ${MAX_BATCH_GET_KEYS} keys; got ${paramSets.length}.`,
      { hint: 'Split the keys into batches of 100.' },
    );
  }
  const key = requireKey(resolved);
  const keys = paramSets.map((params) => renderMap(key, params, 'the key'));
  const request: Record<string, unknown> = { Keys: keys, ...expressionParts(resolved, {}) };
  if (resolved.consistentRead !== undefined) request['ConsistentRead'] = resolved.consistentRead;
  return { operation: 'BatchGetItem', input: { RequestItems: { [resolved.table]: request } } };
}
