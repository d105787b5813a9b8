import { indexViews, type IndexView } from '../model/indexes.js';
import type { KeyCondition } from '../model/schema.js';
import { chooseIndex } from './choose-index.js';
import { describeCondition, VALUELESS_OPERATORS, writeCondition, type Condition } from './conditions.js';
import { defaultPrefix, entityTemplate, fitsNumberKey, keyType, primaryKeySpecs } from './key-values.js';
import { comparisonType, Expressions, report, useTemplate, type PatternContext } from './pattern-context.js';
import type { Operation, ResolvedPattern, ValueSpec } from './resolved-pattern.js';

export function baseResolved(ctx: PatternContext, ex: Expressions, operation: Operation, view?: IndexView): ResolvedPattern {
  const { pattern } = ctx;
  return {
    name: pattern.name,
    ...(pattern.description !== undefined && { description: pattern.description }),
    table: ctx.table.name,
    entity: pattern.entity,
    kind: pattern.kind,
    operation,
    ...(view?.name !== undefined && { indexName: view.name }),
    indexKind: view?.kind ?? 'table',
    parameters: pattern.parameters,
    expressionAttributeNames: ex.names,
    expressionAttributeValues: ex.values,
    summary: '',
    needsScan: false,
    diagnostics: ctx.diagnostics,
  };
}

/** GetItem / BatchGetItem: the entity's primary key. */
export function resolveGet(ctx: PatternContext, operation: 'GetItem' | 'BatchGetItem'): ResolvedPattern {
  const ex = new Expressions();
  const resolved = baseResolved(ctx, ex, operation);
  const key = primaryKeySpecs(ctx);
  if (key) resolved.key = key;
  addProjection(ctx, ex, resolved, undefined);
  if (ctx.pattern.consistentRead !== undefined) resolved.consistentRead = ctx.pattern.consistentRead;
  const keyText = Object.entries(key ?? {}).map(([name, spec]) => describeCondition({ attribute: name, operator: '=', value: spec }));
  resolved.summary = `${operation} ${ctx.table.name} where ${keyText.join(' and ') || '(key incomplete)'}${projectionText(ctx)}`;
  return resolved;
}

/** Query on the index that serves the key condition, or a Scan with the condition as a filter (warned). */
export function resolveQuery(ctx: PatternContext): ResolvedPattern {
  const kc: KeyCondition = ctx.pattern.keyCondition ?? { partition: { attribute: ctx.table.partitionKey.name } };
  const choice = chooseIndex(ctx, kc);
  const keyConditions = keyConditionsOf(ctx, kc);
  if (!choice.serves) {
    if (ctx.pattern.index === undefined) {
      report(ctx, 'warning', 'pattern-needs-scan', '.keyCondition',
        `no index has partition key "${kc.partition.attribute}"${kc.sort ? ` with sort key "${kc.sort.attribute}"` : ''}, so this query reads the whole table with a Scan.`,
        `Add a GSI with partition key "${kc.partition.attribute}"${kc.sort ? ` and sort key "${kc.sort.attribute}"` : ''}, or change the key condition to the table's keys.`);
    }
    return resolveScanOf(ctx, choice.view, keyConditions);
  }
  const { view } = choice;
  const ex = new Expressions();
  const resolved = baseResolved(ctx, ex, 'Query', view);
  resolved.keyConditionExpression = keyConditions.map((c) => writeCondition(ex, c, 'k')).join(' AND ');
  const filters = filterConditions(ctx);
  if (filters.length) resolved.filterExpression = filters.map((c) => writeCondition(ex, c, 'f')).join(' AND ');
  addProjection(ctx, ex, resolved, view);
  addReadOptions(ctx, resolved, view, true);
  resolved.summary = `Query ${view.name ?? ctx.table.name} where ${keyConditions.map(describeCondition).join(' and ')}${filterText(filters)}${orderText(ctx, view)}${limitText(ctx)}${projectionText(ctx)}`;
  return resolved;
}

/** The explicit `scan` kind: the table (or the named index), filtered. */
export function resolveScan(ctx: PatternContext): ResolvedPattern {
  const views = indexViews(ctx.table);
  let view = views[0]!;
  if (ctx.pattern.index !== undefined) {
    const named = views.find((v) => v.name === ctx.pattern.index);
    if (named) view = named;
    else {
      report(ctx, 'error', 'pattern-unknown-index', '.index', `table "${ctx.table.name}" has no index "${ctx.pattern.index}".`,
        `Use one of: ${views.slice(1).map((v) => v.name).join(', ') || '(none)'}; or remove "index" to scan the table.`);
    }
  }
  const conditions = ctx.pattern.keyCondition ? keyConditionsOf(ctx, ctx.pattern.keyCondition) : [];
  report(ctx, 'info', 'pattern-scan', '.kind', 'reads every item of the table or index (Scan); cost grows with the table.',
    'Fine for exports and small tables; for a request path, model it as a query on an index.');
  return resolveScanOf(ctx, view, conditions);
}

function resolveScanOf(ctx: PatternContext, view: IndexView, keyConditions: Condition[]): ResolvedPattern {
  const ex = new Expressions();
  const resolved = baseResolved(ctx, ex, 'Scan', view);
  resolved.needsScan = true;
  const conditions = [...keyConditions, ...filterConditions(ctx)];
  if (conditions.length) resolved.filterExpression = conditions.map((c) => writeCondition(ex, c, 'f')).join(' AND ');
  addProjection(ctx, ex, resolved, view);
  addReadOptions(ctx, resolved, view, false);
  const where = conditions.length ? ` filtered by ${conditions.map(describeCondition).join(' and ')}` : '';
  resolved.summary = `Scan ${view.name ?? ctx.table.name}${where}${limitText(ctx)}${projectionText(ctx)}`;
  return resolved;
}

function keyConditionsOf(ctx: PatternContext, kc: KeyCondition): Condition[] {
  const out: Condition[] = [];
  const partitionTemplate = kc.partition.value ?? entityTemplate(ctx, kc.partition.attribute);
  if (partitionTemplate === undefined) {
    report(ctx, 'error', 'pattern-missing-value', '.keyCondition.partition',
      `the partition key "${kc.partition.attribute}" has no value: the pattern gives none and entity "${ctx.pattern.entity}" has no template for it.`,
      `Add "value" (e.g. "{${kc.partition.attribute}}") to keyCondition.partition, or a template for "${kc.partition.attribute}" to the entity's keys.`);
  } else {
    out.push({ attribute: kc.partition.attribute, operator: '=', value: keyValue(ctx, kc.partition.attribute, partitionTemplate, '.keyCondition.partition.value') });
  }
  const sort = kc.sort;
  if (!sort) return out;
  const type = keyType(ctx, sort.attribute);
  if (sort.operator === 'begins_with' && type === 'N') {
    report(ctx, 'error', 'pattern-begins-with-number', '.keyCondition.sort.operator',
      `begins_with cannot be used on the Number sort key "${sort.attribute}".`, 'Use between, <, <=, > or >= for a Number key.');
  }
  const template = sort.value ?? (sort.operator === 'begins_with' ? defaultPrefix(ctx, sort.attribute) : entityTemplate(ctx, sort.attribute));
  if (template === undefined) {
    report(ctx, 'error', 'pattern-missing-value', '.keyCondition.sort',
      `the sort key condition on "${sort.attribute}" has no value${sort.operator === 'begins_with' ? ' and the entity\'s template for it has no literal prefix' : ''}.`,
      `Add "value" to keyCondition.sort, e.g. "{${sort.attribute}}".`);
    return out;
  }
  const condition: Condition = { attribute: sort.attribute, operator: sort.operator, value: keyValue(ctx, sort.attribute, template, '.keyCondition.sort.value') };
  if (sort.operator === 'between') {
    if (sort.to === undefined) {
      report(ctx, 'error', 'pattern-missing-value', '.keyCondition.sort.to', `"between" on "${sort.attribute}" has no upper bound.`, 'Add "to", e.g. "{to}".');
      return out;
    }
    condition.to = keyValue(ctx, sort.attribute, sort.to, '.keyCondition.sort.to');
  }
  out.push(condition);
  return out;
}

function keyValue(ctx: PatternContext, attribute: string, template: string, path: string): ValueSpec {
  const type = keyType(ctx, attribute);
  if (type === 'N' && !fitsNumberKey(template)) {
    report(ctx, 'error', 'pattern-value-type', path, `"${template}" cannot be a value of the Number key "${attribute}".`,
      'A Number key value must be one parameter ("{n}") or a number; text around it makes a String.');
  }
  return useTemplate(ctx, template, type, path);
}

export function filterConditions(ctx: PatternContext): Condition[] {
  return (ctx.pattern.filter ?? []).flatMap((f, i): Condition[] => {
    const path = `.filter[${i}]`;
    if (VALUELESS_OPERATORS.has(f.operator)) return [{ attribute: f.attribute, operator: f.operator }];
    const template = f.value ?? `{${f.attribute}}`;
    const type = comparisonType(ctx, f.attribute, template);
    const condition: Condition = { attribute: f.attribute, operator: f.operator, value: useTemplate(ctx, template, type, `${path}.value`) };
    if (f.operator === 'between') {
      if (f.to === undefined) {
        report(ctx, 'error', 'pattern-missing-value', `${path}.to`, `the filter "between" on "${f.attribute}" has no upper bound.`, 'Add "to", e.g. "{to}".');
        return [];
      }
      condition.to = useTemplate(ctx, f.to, type, `${path}.to`);
    }
    return [condition];
  });
}

function addProjection(ctx: PatternContext, ex: Expressions, resolved: ResolvedPattern, view: IndexView | undefined): void {
  const projection = ctx.pattern.projection;
  if (!projection?.length) return;
  resolved.projectionExpression = projection.map((name) => ex.name(name, 'p')).join(', ');
  if (view?.kind !== 'gsi' || view.projection.type === 'ALL') return;
  const available = new Set([ctx.table.partitionKey.name, ctx.table.sortKey?.name, view.partitionKey.name, view.sortKey?.name, ...(view.projection.nonKeyAttributes ?? [])]);
  const missing = projection.filter((name) => !available.has(name));
  if (missing.length) {
    report(ctx, 'warning', 'pattern-projection-not-in-index', '.projection',
      `index "${view.name}" does not project ${missing.join(', ')}; a GSI returns only its projected attributes.`,
      `Add them to the index's nonKeyAttributes (projection INCLUDE) or use projection ALL.`);
  }
}

function addReadOptions(ctx: PatternContext, resolved: ResolvedPattern, view: IndexView, ordered: boolean): void {
  const { pattern } = ctx;
  if (pattern.order !== undefined) {
    if (ordered) resolved.scanIndexForward = pattern.order === 'asc';
    else report(ctx, 'warning', 'pattern-order-ignored', '.order', 'a Scan returns items in no defined order; "order" has no effect.', 'Remove "order", or serve the pattern with a Query.');
  }
  if (pattern.limit !== undefined) resolved.limit = pattern.limit;
  if (pattern.consistentRead !== undefined) {
    if (pattern.consistentRead && view.kind === 'gsi') {
      report(ctx, 'error', 'pattern-consistent-read-gsi', '.consistentRead', `index "${view.name}" is a GSI, which supports eventually consistent reads only.`,
        'Remove "consistentRead", or query the table or an LSI.');
    }
    resolved.consistentRead = pattern.consistentRead;
  }
}

function filterText(filters: Condition[]): string {
  return filters.length ? `, filtered by ${filters.map(describeCondition).join(' and ')}` : '';
}
const TIME_LIKE = /(_at|At|date|Date|time|Time|timestamp|created|updated)$/;

/** "newest first" when the sort key is a time (by its name or its template's parameter), else plain direction. */
function orderText(ctx: PatternContext, view: IndexView): string {
  if (ctx.pattern.order === undefined) return '';
  const sortName = view.sortKey?.name ?? '';
  const template = entityTemplate(ctx, sortName) ?? '';
  const timeLike = TIME_LIKE.test(sortName) || /\{[^{}]*(_at|date|time|timestamp)\}/i.test(template);
  if (timeLike) return ctx.pattern.order === 'desc' ? ', newest first' : ', oldest first';
  return ctx.pattern.order === 'desc' ? `, ${sortName || 'sort key'} descending` : `, ${sortName || 'sort key'} ascending`;
}
function limitText(ctx: PatternContext): string {
  return ctx.pattern.limit !== undefined ? `, limit ${ctx.pattern.limit}` : '';
}
function projectionText(ctx: PatternContext): string {
  return ctx.pattern.projection?.length ? `, returning ${ctx.pattern.projection.join(', ')}` : '';
}
