import {
  averageItemSize,
  HOURS_PER_MONTH,
  PRICE_TABLE,
  patternCapacity,
  pricesFor,
} from '../../../../shared/capacity/index.js';
import type { PatternCapacity } from '../../../../shared/capacity/index.js';
import { generatePython } from '../../../../shared/formats/code/python.js';
import { resultEntities } from '../../../../shared/formats/code/result-entities.js';
import { generateTypeScript } from '../../../../shared/formats/code/typescript.js';
import type { TemplateValue } from '../../../../shared/keys/template.js';
import type { Diagnostic } from '../../../../shared/model/diagnostic.js';
import type { Model, Table } from '../../../../shared/model/schema.js';
import { buildRequest } from '../../../../shared/patterns/build-request.js';
import type { ResolvedPattern } from '../../../../shared/patterns/resolved-pattern.js';
import { previewParameters, previewPattern, type PreviewResult } from '../../../../shared/preview/index.js';
import { formatValue } from '../../components/format-value.js';

/** What the Patterns screen shows for one pattern, computed from the model and the parameter values alone. */

export interface OperationView {
  /** 'GetItem', 'Query', 'Scan', … */
  operation: ResolvedPattern['operation'];
  /** 'the table cruddur-messages' or 'GSI message-group-sk-index'. */
  target: string;
  /** The key condition with attribute names and value templates in place of #k0 and :v0. */
  keyCondition?: string;
  filter?: string;
  order?: string;
  summary: string;
  /** A Scan the pattern did not ask for: why, and how to serve it with a Query. */
  scan?: { reason: string; fix: string; explicit: boolean };
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** An expression with its #names and :values written out (`pk = MSG#{message_group_uuid}`). */
export function readableExpression(expression: string, resolved: ResolvedPattern): string {
  let out = expression;
  for (const [alias, name] of Object.entries(resolved.expressionAttributeNames))
    out = out.replace(new RegExp(`${escapeRegExp(alias)}\\b`, 'g'), name);
  const values = Object.entries(resolved.expressionAttributeValues).sort((a, b) => b[0].length - a[0].length);
  for (const [placeholder, spec] of values)
    out = out.replace(new RegExp(`${escapeRegExp(placeholder)}\\b`, 'g'), JSON.stringify(spec.template));
  return out;
}

export function operationView(resolved: ResolvedPattern, table: Table): OperationView {
  const target =
    resolved.indexName === undefined
      ? `table ${table.name}`
      : `${resolved.indexKind === 'lsi' ? 'LSI' : 'GSI'} ${resolved.indexName}`;
  const view: OperationView = { operation: resolved.operation, target, summary: resolved.summary };
  if (resolved.keyConditionExpression)
    view.keyCondition = readableExpression(resolved.keyConditionExpression, resolved);
  if (resolved.filterExpression) view.filter = readableExpression(resolved.filterExpression, resolved);
  if (resolved.scanIndexForward !== undefined)
    view.order = resolved.scanIndexForward
      ? 'ascending (ScanIndexForward: true)'
      : 'descending (ScanIndexForward: false)';
  if (resolved.needsScan) {
    const finding = resolved.diagnostics.find((d) => d.code === 'pattern-needs-scan' || d.code === 'pattern-scan');
    view.scan = {
      reason: finding?.message ?? 'no index serves this key condition, so every item is read.',
      fix: finding?.hint ?? 'Add a GSI whose partition key is the attribute the pattern looks up by.',
      explicit: resolved.kind === 'scan',
    };
  }
  return view;
}

/**
 * Starting values of the parameter inputs: each parameter's `example`; without one, the value of the attribute
 * of the same name in the entity's first sample item that has it (typed values as their text).
 */
export function initialParameters(model: Model, resolved: ResolvedPattern): Record<string, string> {
  const values: Record<string, string> = {};
  const examples = previewParameters(resolved);
  const table = model.tables.find((t) => t.name === resolved.table);
  const entities = table?.entities.filter(
    (e) => e.name === resolved.entity || (resolved.transactItems ?? []).some((w) => w.entity === e.name),
  );
  for (const parameter of resolved.parameters) {
    const example = examples[parameter.name];
    if (example !== undefined) {
      values[parameter.name] = String(example);
      continue;
    }
    let found: string | undefined;
    for (const entity of entities ?? []) {
      const item = (entity.sampleItems ?? []).find((i) => i[parameter.name] !== undefined);
      if (item) {
        found = formatValue(item[parameter.name]!);
        break;
      }
    }
    values[parameter.name] = found ?? '';
  }
  return values;
}

/** Parameter text to template values: a BOOL parameter becomes a boolean, everything else stays text (numbers keep every digit). */
export function parameterValues(
  resolved: ResolvedPattern,
  text: Record<string, string>,
): Record<string, TemplateValue> {
  const out: Record<string, TemplateValue> = {};
  for (const parameter of resolved.parameters) {
    const value = text[parameter.name];
    if (value === undefined || value === '') continue;
    out[parameter.name] = parameter.type === 'BOOL' ? value === 'true' : value;
  }
  return out;
}

export type PreviewOutcome = { ok: true; result: PreviewResult } | { ok: false; message: string; hint?: string };

function describeError(error: unknown): { message: string; hint?: string } {
  if (error instanceof Error) {
    const details = (error as { details?: { hint?: unknown } }).details;
    const hint = typeof details?.hint === 'string' ? details.hint : undefined;
    return hint === undefined ? { message: error.message } : { message: error.message, hint };
  }
  return { message: String(error) };
}

/** The pattern run over the sample items; a missing parameter or an unresolved pattern is a message, not a throw. */
export function runPreview(model: Model, name: string, values: Record<string, TemplateValue>): PreviewOutcome {
  try {
    return { ok: true, result: previewPattern(model, name, values) };
  } catch (error) {
    return { ok: false, ...describeError(error) };
  }
}

export type RequestOutcome =
  | { ok: true; json: string; operation: string }
  | { ok: false; message: string; hint?: string };

/** The exact low-level request body (what `aws dynamodb <operation> --cli-input-json` takes). */
export function requestJson(resolved: ResolvedPattern, values: Record<string, TemplateValue>): RequestOutcome {
  try {
    const request = buildRequest(resolved, previewParameters(resolved, values));
    return { ok: true, operation: request.operation, json: `${JSON.stringify(request.input, null, 2)}\n` };
  } catch (error) {
    return { ok: false, ...describeError(error) };
  }
}

export interface CostView {
  capacity: PatternCapacity;
  /** Mean size in bytes of the pattern's entity items (sample items, else estimated). */
  itemBytes: number | undefined;
  region: string;
  priceDate: string;
  requestsPerSecond: number | undefined;
  /** On-demand cost of one million requests, in USD. */
  perMillionRequests: number;
  /** At the pattern's requestsPerSecond; undefined when it has none. */
  monthly: number | undefined;
  billing: 'on-demand' | 'provisioned';
}

const SECONDS_PER_MONTH = HOURS_PER_MONTH * 3600;

/** Capacity units of one request, the item size, and what it costs on demand (prices of PRICE_TABLE.asOf). */
export function costView(model: Model, resolved: ResolvedPattern): CostView | undefined {
  const table = model.tables.find((t) => t.name === resolved.table);
  if (!table) return undefined;
  let capacity: PatternCapacity;
  try {
    capacity = patternCapacity(model, resolved);
  } catch {
    return undefined;
  }
  const entity = table.entities.find((e) => e.name === resolved.entity);
  const prices = pricesFor('us-east-1');
  const perRequest =
    (capacity.readUnits / 1e6) * prices.onDemand.perMillionReadRequestUnits +
    (capacity.writeUnits / 1e6) * prices.onDemand.perMillionWriteRequestUnits;
  const rps = table.accessPatterns.find((p) => p.name === resolved.name)?.requestsPerSecond;
  return {
    capacity,
    itemBytes: entity ? averageItemSize(table, entity) : undefined,
    region: prices.region,
    priceDate: PRICE_TABLE.asOf,
    requestsPerSecond: rps,
    perMillionRequests: perRequest * 1e6,
    monthly: rps === undefined ? undefined : perRequest * rps * SECONDS_PER_MONTH,
    billing: table.billing.mode,
  };
}

/** The model cut down to this pattern, its table and the entities it reads or writes: the generators' input. */
function modelForPattern(model: Model, resolved: ResolvedPattern): Model | undefined {
  const table = model.tables.find((t) => t.name === resolved.table);
  const pattern = table?.accessPatterns.find((p) => p.name === resolved.name);
  if (!table || !pattern) return undefined;
  const wanted = new Set([
    resolved.entity,
    ...(pattern.writes ?? []).map((w) => w.entity),
    ...resultEntities(table, resolved),
  ]);
  return {
    ...model,
    tables: [{ ...table, entities: table.entities.filter((e) => wanted.has(e.name)), accessPatterns: [pattern] }],
  };
}

/** The TypeScript (SDK v3) and Python (boto3) code for this one pattern: a complete module each. */
export function patternCode(model: Model, resolved: ResolvedPattern, language: 'typescript' | 'python'): string {
  const cut = modelForPattern(model, resolved);
  if (!cut) return '';
  return language === 'typescript' ? generateTypeScript(cut) : generatePython(cut);
}

export function errorsOf(resolved: ResolvedPattern): Diagnostic[] {
  return resolved.diagnostics.filter((d) => d.severity === 'error');
}

/** Money with enough digits to show small figures: $0.000125 stays readable, $12.34 is cents. */
export function formatUsd(amount: number): string {
  if (amount === 0) return '$0';
  if (amount >= 1) return `$${amount.toFixed(2)}`;
  return `$${amount.toPrecision(3)}`;
}
