import type { IndexView } from '../model/indexes.js';
import type { KeyCondition } from '../model/schema.js';
import { chooseIndex } from './choose-index.js';
import { describeConditions, describeKey, writeConditions, type Condition } from './conditions.js';
import { primaryKeySpecs } from './key-values.js';
import { Expressions, report, type PatternContext } from './pattern-context.js';
import { filterConditions, keyConditionsOf } from './pattern-conditions.js';
import type { Operation, ResolvedPattern } from './resolved-pattern.js';
import { filterText, limitText, orderText, projectionText } from './summary-text.js';
import { tableFacts, viewNamed } from './table-facts.js';

export function baseResolved(
  ctx: PatternContext,
  ex: Expressions,
  operation: Operation,
  view?: IndexView,
): ResolvedPattern {
  const { pattern } = ctx;
  // Built property by property, in the order the output (JSON) shows them: an object literal with conditional
  // spreads (`...(x !== undefined && { x })`) costs a runtime call per spread while the code is still
  // interpreted, ~17,000 instructions per pattern on the first validation after opening a model.
  const resolved = { name: pattern.name } as ResolvedPattern;
  if (pattern.description !== undefined) resolved.description = pattern.description;
  resolved.table = ctx.table.name;
  resolved.entity = pattern.entity;
  resolved.kind = pattern.kind;
  resolved.operation = operation;
  if (view?.name !== undefined) resolved.indexName = view.name;
  resolved.indexKind = view?.kind ?? 'table';
  resolved.parameters = pattern.parameters;
  resolved.expressionAttributeNames = ex.names;
  resolved.expressionAttributeValues = ex.values;
  resolved.summary = '';
  resolved.needsScan = false;
  resolved.diagnostics = ctx.diagnostics;
  return resolved;
}

/** GetItem / BatchGetItem: the entity's primary key. */
export function resolveGet(ctx: PatternContext, operation: 'GetItem' | 'BatchGetItem'): ResolvedPattern {
  const ex = new Expressions();
  const resolved = baseResolved(ctx, ex, operation);
  const key = primaryKeySpecs(ctx);
  if (key) resolved.key = key;
  addProjection(ctx, ex, resolved, undefined);
  if (ctx.pattern.consistentRead !== undefined) resolved.consistentRead = ctx.pattern.consistentRead;
  resolved.summary = `${operation} ${ctx.table.name} where ${describeKey(key ?? {}) || '(key incomplete)'}${projectionText(ctx)}`;
  return resolved;
}

/** Query on the index that serves the key condition, or a Scan with the condition as a filter (warned). */
export function resolveQuery(ctx: PatternContext): ResolvedPattern {
  const kc = ctx.pattern.keyCondition ?? defaultKeyCondition(ctx);
  const choice = chooseIndex(ctx, kc);
  const keyConditions = keyConditionsOf(ctx, kc);
  if (!choice.serves) {
    if (ctx.pattern.index === undefined) {
      report(
        ctx,
        'warning',
        'pattern-needs-scan',
        '.keyCondition',
        `no index has partition key "${kc.partition.attribute}"${kc.sort ? ` with sort key "${kc.sort.attribute}"` : ''}, so this query reads the whole table with a Scan.`,
        `Add a GSI with partition key "${kc.partition.attribute}"${kc.sort ? ` and sort key "${kc.sort.attribute}"` : ''}, or change the key condition to the table's keys.`,
      );
    }
    return resolveScanOf(ctx, choice.view, keyConditions);
  }
  const { view } = choice;
  const ex = new Expressions();
  const resolved = baseResolved(ctx, ex, 'Query', view);
  resolved.keyConditionExpression = writeConditions(ex, keyConditions, 'k');
  const filters = filterConditions(ctx);
  if (filters.length) resolved.filterExpression = writeConditions(ex, filters, 'f');
  addProjection(ctx, ex, resolved, view);
  addReadOptions(ctx, resolved, view, true);
  resolved.summary = `Query ${view.name ?? ctx.table.name} where ${describeConditions(keyConditions)}${filterText(filters)}${orderText(ctx, view)}${limitText(ctx)}${projectionText(ctx)}`;
  return resolved;
}

/** Without a key condition: the partition key of the named index (or the table), valued by the entity's template. */
function defaultKeyCondition(ctx: PatternContext): KeyCondition {
  const { index } = ctx.pattern;
  const named = index === undefined ? undefined : viewNamed(ctx.table, index);
  return { partition: { attribute: (named ?? tableFacts(ctx.table).views[0]!).partitionKey.name } };
}

/** The explicit `scan` kind: the table (or the named index), filtered. */
export function resolveScan(ctx: PatternContext): ResolvedPattern {
  const { views } = tableFacts(ctx.table);
  let view = views[0]!;
  if (ctx.pattern.index !== undefined) {
    const named = viewNamed(ctx.table, ctx.pattern.index);
    if (named) view = named;
    else {
      report(
        ctx,
        'error',
        'pattern-unknown-index',
        '.index',
        `table "${ctx.table.name}" has no index "${ctx.pattern.index}".`,
        `Use one of: ${
          views
            .slice(1)
            .map((v) => v.name)
            .join(', ') || '(none)'
        }; or remove "index" to scan the table.`,
      );
    }
  }
  const conditions = ctx.pattern.keyCondition ? keyConditionsOf(ctx, ctx.pattern.keyCondition) : [];
  report(
    ctx,
    'info',
    'pattern-scan',
    '.kind',
    'reads every item of the table or index (Scan); cost grows with the table.',
    'Fine for exports and small tables; for a request path, model it as a query on an index.',
  );
  return resolveScanOf(ctx, view, conditions);
}

function resolveScanOf(ctx: PatternContext, view: IndexView, keyConditions: Condition[]): ResolvedPattern {
  const ex = new Expressions();
  const resolved = baseResolved(ctx, ex, 'Scan', view);
  resolved.needsScan = true;
  const conditions = [...keyConditions, ...filterConditions(ctx)];
  if (conditions.length) resolved.filterExpression = writeConditions(ex, conditions, 'f');
  addProjection(ctx, ex, resolved, view);
  addReadOptions(ctx, resolved, view, false);
  const where = conditions.length ? ` filtered by ${describeConditions(conditions)}` : '';
  resolved.summary = `Scan ${view.name ?? ctx.table.name}${where}${limitText(ctx)}${projectionText(ctx)}`;
  return resolved;
}

function addProjection(
  ctx: PatternContext,
  ex: Expressions,
  resolved: ResolvedPattern,
  view: IndexView | undefined,
): void {
  const projection = ctx.pattern.projection;
  if (!projection?.length) return;
  resolved.projectionExpression = projection.map((name) => ex.name(name, 'p')).join(', ');
  if (view?.kind !== 'gsi' || view.projection.type === 'ALL') return;
  const available = new Set([
    ctx.table.partitionKey.name,
    ctx.table.sortKey?.name,
    view.partitionKey.name,
    view.sortKey?.name,
    ...(view.projection.nonKeyAttributes ?? []),
  ]);
  const missing = projection.filter((name) => !available.has(name));
  if (missing.length) {
    report(
      ctx,
      'warning',
      'pattern-projection-not-in-index',
      '.projection',
      `index "${view.name}" does not project ${missing.join(', ')}; a GSI returns only its projected attributes.`,
      `Add them to the index's nonKeyAttributes (projection INCLUDE) or use projection ALL.`,
    );
  }
}

function addReadOptions(ctx: PatternContext, resolved: ResolvedPattern, view: IndexView, ordered: boolean): void {
  const { pattern } = ctx;
  if (pattern.order !== undefined) {
    if (ordered) resolved.scanIndexForward = pattern.order === 'asc';
    else
      report(
        ctx,
        'warning',
        'pattern-order-ignored',
        '.order',
        'a Scan returns items in no defined order; "order" has no effect.',
        'Remove "order", or serve the pattern with a Query.',
      );
  }
  if (pattern.limit !== undefined) resolved.limit = pattern.limit;
  if (pattern.consistentRead !== undefined) {
    if (pattern.consistentRead && view.kind === 'gsi') {
      report(
        ctx,
        'error',
        'pattern-consistent-read-gsi',
        '.consistentRead',
        `index "${view.name}" is a GSI, which supports eventually consistent reads only.`,
        'Remove "consistentRead", or query the table or an LSI.',
      );
    }
    resolved.consistentRead = pattern.consistentRead;
  }
}
