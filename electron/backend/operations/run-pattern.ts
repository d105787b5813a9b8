import { isMonotableError, MonotableError } from '../../../shared/errors/monotable-error.js';
import { findTable } from '../../../shared/model/find-table.js';
import { primaryKeyNames } from '../../../shared/model/indexes.js';
import type { TemplateValue } from '../../../shared/keys/template.js';
import type { Model } from '../../../shared/model/schema.js';
import { buildRequest } from '../../../shared/patterns/build-request.js';
import { resolvePattern } from '../../../shared/patterns/resolve.js';
import type { ResolvedPattern } from '../../../shared/patterns/resolved-pattern.js';
import type { OpenConnection } from '../connections/connection.js';
import { runOperation, type OperationResult, type RunOptions } from './run-operation.js';
import { hideExpired } from './hide-expired.js';
import type { LowLevelRequest } from './send-operation.js';

export interface PatternRun {
  pattern: ResolvedPattern;
  /** The exact request sent (typed JSON), for display and for "copy as code". */
  request: LowLevelRequest;
  result: OperationResult;
}

function describeParameters(pattern: ResolvedPattern): string {
  if (pattern.parameters.length === 0) return `Access pattern "${pattern.name}" takes no parameters.`;
  return `Parameters of "${pattern.name}": ${pattern.parameters.map((p) => `${p.name}${p.type ? ` (${p.type})` : ''}`).join(', ')}.`;
}

/** Unknown or missing parameters are BAD_INPUT naming the parameter and listing the pattern's parameters. */
export function checkParameters(pattern: ResolvedPattern, params: Readonly<Record<string, TemplateValue>>): void {
  const known = new Set(pattern.parameters.map((p) => p.name));
  const unknown = Object.keys(params).filter((name) => !known.has(name));
  if (unknown.length > 0) {
    throw new MonotableError(
      'BAD_INPUT',
      `Unknown parameter${unknown.length > 1 ? 's' : ''} ${unknown.map((n) => `"${n}"`).join(', ')} for access pattern "${pattern.name}".`,
      {
        param: unknown[0],
        hint: describeParameters(pattern),
      },
    );
  }
  const missing = pattern.parameters.filter((p) => params[p.name] === undefined).map((p) => p.name);
  if (missing.length > 0) {
    throw new MonotableError(
      'BAD_INPUT',
      `Missing parameter${missing.length > 1 ? 's' : ''} ${missing.map((n) => `"${n}"`).join(', ')} for access pattern "${pattern.name}".`,
      {
        param: missing[0],
        hint: `${describeParameters(pattern)} Pass each as --param NAME=VALUE.`,
      },
    );
  }
}

/** The resolved pattern and the exact request for these parameter values (checked: none missing, none unknown). */
export function patternRequest(
  model: Model,
  patternName: string,
  params: Readonly<Record<string, TemplateValue>>,
): { pattern: ResolvedPattern; request: LowLevelRequest } {
  const pattern = resolvePattern(model, patternName);
  checkParameters(pattern, params);
  return { pattern, request: buildRequest(pattern, { ...params }) };
}

/**
 * Runs a model's access pattern with parameter values: the pattern is resolved and its request built by
 * `shared/patterns` (the one place requests come from the model), then sent like any other operation.
 */
export async function runPattern(
  connection: OpenConnection,
  model: Model,
  patternName: string,
  params: Readonly<Record<string, TemplateValue>>,
  options: RunOptions & {
    /** The request's Limit (a page size for reads), over the pattern's own. */
    limit?: number;
    /** Query/Scan on a table with TTL: leave out items already expired but not deleted yet (a filter). */
    hideExpired?: boolean;
  } = {},
): Promise<PatternRun> {
  const built = patternRequest(model, patternName, params);
  const { pattern } = built;
  if (options.limit !== undefined) built.request.input['Limit'] = options.limit;
  const ttlAttribute = model.tables.find((table) => table.name === pattern.table)?.ttlAttribute;
  const request =
    options.hideExpired && ttlAttribute ? hideExpired(built.request, ttlAttribute, Date.now() / 1000) : built.request;
  try {
    const result = await runOperation(connection, request, options);
    return { pattern, request, result };
  } catch (error) {
    throw isMonotableError(error) && error.code === 'CONDITION_FAILED'
      ? explainRefusedWrite(model, pattern, request, error)
      : error;
  }
}

/** `pk "GRP#1" sk "2026-…"`: the primary key of a typed item, for messages. */
function keyText(names: readonly string[], item: unknown): string {
  const values = (item ?? {}) as Record<string, Record<string, unknown>>;
  return names.map((name) => `${name} ${JSON.stringify(Object.values(values[name] ?? {})[0] ?? '')}`).join(' ');
}

/**
 * A refused condition of a pattern's own write, said in the model's words: the update's item does not exist, the
 * put's item already does, or which step of a key move found the row missing or the new key taken.
 */
export function explainRefusedWrite(
  model: Model,
  pattern: ResolvedPattern,
  request: LowLevelRequest,
  error: MonotableError,
): MonotableError {
  const names = primaryKeyNames(findTable(model, pattern.table));
  const missing = (key: unknown, verb: string) =>
    new MonotableError('CONDITION_FAILED', `no ${pattern.entity} with ${keyText(names, key)}: nothing was ${verb}.`, {
      ...error.details,
      hint: `Access pattern "${pattern.name}" changes an existing item only. Check the key parameters (query the partition to see its items), or give the pattern "upsert": true to create missing items.`,
    });
  const taken = (item: unknown) =>
    new MonotableError(
      'CONDITION_FAILED',
      `a ${pattern.entity} with ${keyText(names, item)} already exists: nothing was written.`,
      {
        ...error.details,
        hint: `Access pattern "${pattern.name}" only creates items ("ifNotExists"). Use a new key, or update the existing item.`,
      },
    );
  const input = request.input;
  if (request.operation === 'UpdateItem' && pattern.conditionExpression) return missing(input['Key'], 'updated');
  if (request.operation === 'PutItem' && pattern.conditionExpression) return taken(input['Item']);
  if (request.operation === 'TransactWriteItems') {
    const items = (input['TransactItems'] ?? []) as Record<string, Record<string, unknown>>[];
    const failed = [...error.message.matchAll(/#(\d+) ConditionalCheckFailed/g)].map((m) => Number(m[1]) - 1);
    const first = failed[0] === undefined ? undefined : items[failed[0]];
    if (first?.['Delete']) return missing(first['Delete']['Key'], 'moved');
    if (first?.['Update']) return missing(first['Update']['Key'], 'updated');
    if (first?.['Put']) return taken(first['Put']['Item']);
  }
  return error;
}
