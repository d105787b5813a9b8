import { MonotableError } from '../../../shared/errors/monotable-error.js';
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
    /** Query/Scan on a table with TTL: leave out items already expired but not deleted yet (a filter). */
    hideExpired?: boolean;
  } = {},
): Promise<PatternRun> {
  const built = patternRequest(model, patternName, params);
  const { pattern } = built;
  const ttlAttribute = model.tables.find((table) => table.name === pattern.table)?.ttlAttribute;
  const request =
    options.hideExpired && ttlAttribute ? hideExpired(built.request, ttlAttribute, Date.now() / 1000) : built.request;
  const result = await runOperation(connection, request, options);
  return { pattern, request, result };
}
