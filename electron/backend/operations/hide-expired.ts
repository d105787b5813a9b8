import type { LowLevelRequest } from './send-operation.js';

/**
 * A Query or Scan that leaves out items whose TTL has passed but which are not deleted yet, as AWS recommends
 * (DynamoDB deletes expired items within days; the embedded engine within seconds): the filter keeps items without
 * the TTL attribute and those whose expiry is still ahead, and is ANDed with the request's own filter. Other
 * operations are returned unchanged.
 */
export function hideExpired(request: LowLevelRequest, ttlAttribute: string, nowSeconds: number): LowLevelRequest {
  if (request.operation !== 'Query' && request.operation !== 'Scan') return request;
  const input = request.input;
  const names = {
    ...(input['ExpressionAttributeNames'] as Record<string, string> | undefined),
    '#monotable_ttl': ttlAttribute,
  };
  const values = {
    ...(input['ExpressionAttributeValues'] as Record<string, unknown> | undefined),
    ':monotable_now': { N: String(Math.floor(nowSeconds)) },
  };
  const notExpired = '(attribute_not_exists(#monotable_ttl) OR #monotable_ttl > :monotable_now)';
  const existing = input['FilterExpression'];
  return {
    ...request,
    input: {
      ...input,
      FilterExpression: typeof existing === 'string' ? `(${existing}) AND ${notExpired}` : notExpired,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    },
  };
}
