import type { AttributeTypeName } from '../model/attribute-value.js';
import type { Parameter, PatternKind } from '../model/schema.js';
import type { Diagnostic } from '../model/diagnostic.js';

/** A value still to be rendered: a template over the pattern's parameters and the DynamoDB type it becomes. */
export type ValueSpec = { template: string; type: AttributeTypeName };

export type Operation =
  | 'GetItem'
  | 'Query'
  | 'Scan'
  | 'PutItem'
  | 'UpdateItem'
  | 'DeleteItem'
  | 'BatchGetItem'
  | 'TransactWriteItems';

/**
 * An access pattern resolved to the one DynamoDB operation that serves it, with every expression written and
 * every attribute name aliased. Values are still templates; `buildRequest` renders them with parameter values.
 */
export interface ResolvedPattern {
  name: string;
  description?: string;
  table: string;
  entity: string;
  kind: PatternKind;
  operation: Operation;
  indexName?: string;
  indexKind: 'table' | 'gsi' | 'lsi';
  parameters: Parameter[];
  /** Get/Update/Delete/BatchGet: the primary key, values as templates. */
  key?: Record<string, ValueSpec>;
  /** Put: every attribute (keys rendered from templates, typeAttribute constant). */
  item?: Record<string, ValueSpec>;
  keyConditionExpression?: string;
  filterExpression?: string;
  projectionExpression?: string;
  updateExpression?: string;
  conditionExpression?: string;
  /** Always aliased: '#k0' → 'pk'. */
  expressionAttributeNames: Record<string, string>;
  /** ':v0' → { template: 'MSG#{message_group_uuid}', type: 'S' }. */
  expressionAttributeValues: Record<string, ValueSpec>;
  scanIndexForward?: boolean;
  limit?: number;
  consistentRead?: boolean;
  /** transact-write: one per write. */
  transactItems?: ResolvedPattern[];
  /** One line for humans: 'Query message-group-sk-index where message_group_uuid = {message_group_uuid}, newest first, limit 20'. */
  summary: string;
  needsScan: boolean;
  diagnostics: Diagnostic[];
}

/** The exact low-level DynamoDB API JSON body (AttributeValue JSON) for one operation. */
export interface OperationRequest {
  operation: Operation;
  input: Record<string, unknown>;
}
