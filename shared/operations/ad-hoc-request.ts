import { MonotableError } from '../errors/monotable-error.js';
import type { AttributeTypeName, AttributeValue } from '../model/attribute-value.js';
import { findTable } from '../model/find-table.js';
import { findIndex, indexViews, type IndexView } from '../model/indexes.js';
import { SORT_OPERATORS, type FilterOperator, type Model, type SortOperator, type Table } from '../model/schema.js';
import type { OperationRequest } from '../patterns/resolved-pattern.js';
import { typedFromText } from './typed-from-text.js';

export interface FilterSpec {
  attribute: string;
  operator: FilterOperator;
  value?: string;
  to?: string;
}

export interface AdHocRead {
  table: string;
  index?: string;
  filters?: FilterSpec[];
  projection?: string[];
  limit?: number;
  consistentRead?: boolean;
}

export interface AdHocQuery extends AdHocRead {
  /** The partition key value (typed from the index's partition key type). */
  partition: string;
  sort?: { operator: SortOperator; value: string; to?: string };
  descending?: boolean;
}

/** Builds expressions with every name aliased (#n0…) and every value a placeholder (:v0…). */
class Expressions {
  readonly names: Record<string, string> = {};
  readonly values: Record<string, AttributeValue> = {};
  name(attribute: string): string {
    const found = Object.entries(this.names).find(([, n]) => n === attribute);
    if (found) return found[0];
    const alias = `#n${Object.keys(this.names).length}`;
    this.names[alias] = attribute;
    return alias;
  }
  value(v: AttributeValue): string {
    const placeholder = `:v${Object.keys(this.values).length}`;
    this.values[placeholder] = v;
    return placeholder;
  }
}

function findView(table: Table, index: string | undefined): IndexView {
  const view = findIndex(table, index);
  if (view) return view;
  const names = indexViews(table).flatMap((v) => (v.name ? [v.name] : []));
  throw new MonotableError('NOT_FOUND', `Table "${table.name}" has no index "${index}".`, {
    hint: names.length ? `Indexes: ${names.join(', ')}.` : 'The table has no secondary indexes; drop --index.',
  });
}

/** The type of an attribute: a key of the table or an index, else an entity attribute, else S. */
function attributeType(table: Table, attribute: string): AttributeTypeName {
  for (const view of indexViews(table)) {
    for (const key of [view.partitionKey, view.sortKey]) if (key?.name === attribute) return key.type;
  }
  for (const entity of table.entities) {
    const found = entity.attributes.find((a) => a.name === attribute);
    if (found) return found.type;
  }
  return 'S';
}

function filterClause(table: Table, x: Expressions, f: FilterSpec, i: number): string {
  const name = x.name(f.attribute);
  const where = `filter ${i + 1} (${f.attribute})`;
  if (f.operator === 'attribute_exists' || f.operator === 'attribute_not_exists') return `${f.operator}(${name})`;
  if (f.value === undefined)
    throw new MonotableError('BAD_INPUT', `${where}: "${f.operator}" needs a value.`, {
      hint: `e.g. ${f.attribute} ${f.operator} VALUE`,
    });
  const value = (text: string): string => x.value(typedFromText(text, attributeType(table, f.attribute), where));
  if (f.operator === 'between') {
    if (f.to === undefined)
      throw new MonotableError('BAD_INPUT', `${where}: "between" needs two values.`, {
        hint: `e.g. ${f.attribute} between LOW and HIGH`,
      });
    return `${name} BETWEEN ${value(f.value)} AND ${value(f.to)}`;
  }
  if (f.operator === 'begins_with' || f.operator === 'contains') return `${f.operator}(${name}, ${value(f.value)})`;
  return `${name} ${f.operator} ${value(f.value)}`;
}

function readParts(
  table: Table,
  view: IndexView,
  request: AdHocRead,
  x: Expressions,
  input: Record<string, unknown>,
): void {
  if (view.name !== undefined) input['IndexName'] = view.name;
  const filters = request.filters ?? [];
  if (filters.length) input['FilterExpression'] = filters.map((f, i) => filterClause(table, x, f, i)).join(' AND ');
  if (request.projection?.length) input['ProjectionExpression'] = request.projection.map((a) => x.name(a)).join(', ');
  if (request.limit !== undefined) input['Limit'] = request.limit;
  if (request.consistentRead) {
    if (view.kind === 'gsi')
      throw new MonotableError(
        'BAD_INPUT',
        `Index "${view.name}" is a global secondary index: it has no strongly consistent reads.`,
        { hint: 'Drop --consistent, or query the table or a local secondary index.' },
      );
    input['ConsistentRead'] = true;
  }
  if (Object.keys(x.names).length) input['ExpressionAttributeNames'] = x.names;
  if (Object.keys(x.values).length) input['ExpressionAttributeValues'] = x.values;
}

/** A Query on a table or index of the model: key names and types come from the model. */
export function buildAdHocQuery(model: Model, request: AdHocQuery): OperationRequest {
  const table = findTable(model, request.table);
  const view = findView(table, request.index);
  const x = new Expressions();
  const pk = view.partitionKey;
  let condition = `${x.name(pk.name)} = ${x.value(typedFromText(request.partition, pk.type, `partition key ${pk.name}`))}`;
  if (request.sort) {
    const sk = view.sortKey;
    if (!sk)
      throw new MonotableError(
        'BAD_INPUT',
        `${view.name ? `Index "${view.name}"` : `Table "${table.name}"`} has no sort key, so there is no sort condition.`,
        { hint: 'Drop --sk-op and --sk.' },
      );
    const { operator, value, to } = request.sort;
    if (!SORT_OPERATORS.includes(operator))
      throw new MonotableError('BAD_INPUT', `Unknown sort key operator "${operator}".`, {
        hint: `Use one of: ${SORT_OPERATORS.join(' ')}.`,
      });
    const typed = (text: string): string => x.value(typedFromText(text, sk.type, `sort key ${sk.name}`));
    const name = x.name(sk.name);
    if (operator === 'between') {
      if (to === undefined)
        throw new MonotableError('BAD_INPUT', 'The sort key operator "between" needs two values.', {
          hint: 'Pass --sk LOW --sk2 HIGH.',
        });
      condition += ` AND ${name} BETWEEN ${typed(value)} AND ${typed(to)}`;
    } else if (operator === 'begins_with') condition += ` AND begins_with(${name}, ${typed(value)})`;
    else condition += ` AND ${name} ${operator} ${typed(value)}`;
  }
  const input: Record<string, unknown> = { TableName: table.name, KeyConditionExpression: condition };
  if (request.descending) input['ScanIndexForward'] = false;
  readParts(table, view, request, x, input);
  return { operation: 'Query', input };
}

/** A Scan of a table or index of the model. */
export function buildAdHocScan(model: Model, request: AdHocRead): OperationRequest {
  const table = findTable(model, request.table);
  const view = findView(table, request.index);
  const input: Record<string, unknown> = { TableName: table.name };
  readParts(table, view, request, new Expressions(), input);
  return { operation: 'Scan', input };
}
