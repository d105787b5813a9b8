import type { AttributeValue } from '../model/attribute-value.js';
import { ExactNumber, parseJsonExact } from '../model/exact-json.js';
import { checkDynamoNumber } from '../model/numbers.js';
import { MonotableError } from '../errors/monotable-error.js';
import { isMonotableError } from '../errors/monotable-error.js';
import { formatTemplateValue, renderTemplate, type TemplateValue } from '../keys/template.js';
import { isBase64 } from '../model/base64-text.js';
import { parsedTemplate } from './pattern-context.js';
import type { ValueSpec } from './resolved-pattern.js';

export type ParameterValues = Readonly<Record<string, TemplateValue | undefined>>;

function badInput(message: string, hint: string, param?: string): MonotableError {
  return new MonotableError('BAD_INPUT', message, { hint, ...(param !== undefined && { param }) });
}

/** Renders a value template to text; a missing parameter is BAD_INPUT naming it. */
export function renderText(spec: ValueSpec, params: ParameterValues, where: string): string {
  try {
    return renderTemplate(parsedTemplate(spec.template), params);
  } catch (error) {
    if (!isMonotableError(error)) throw error;
    const param = typeof error.details['param'] === 'string' ? error.details['param'] : undefined;
    if (param !== undefined && (params[param] === undefined || params[param] === null)) {
      throw badInput(`Missing parameter "${param}" (needed for ${where}).`, `Pass a value for "${param}".`, param);
    }
    throw badInput(`${where}: ${error.message}`, error.details.hint ?? 'Check the parameter values.', param);
  }
}

/** The one parameter a template consists of (`{tags}`), for values that are not text: sets, lists, maps. */
function bareParameter(spec: ValueSpec, params: ParameterValues, where: string): TemplateValue {
  const m = /^\{([^{}]+)\}$/.exec(spec.template);
  if (!m)
    throw badInput(
      `${where}: a ${spec.type} value must come from one parameter, not "${spec.template}".`,
      'Use a template of exactly one parameter, e.g. "{tags}".',
    );
  const value = params[m[1]!];
  if (value === undefined || value === null)
    throw badInput(`Missing parameter "${m[1]}" (needed for ${where}).`, `Pass a value for "${m[1]}".`, m[1]);
  return value;
}

function parseJson(text: string, where: string, expected: string): unknown {
  try {
    return parseJsonExact(text);
  } catch {
    throw badInput(
      `${where}: expected ${expected} as JSON, got ${JSON.stringify(text.slice(0, 80))}.`,
      `Pass JSON, e.g. ${expected === 'an array' ? '["a","b"]' : '{"a":1}'}.`,
    );
  }
}

/** Plain JSON to typed JSON: string → S, number → N, boolean → BOOL, null → NULL, array → L, object → M. */
export function marshall(value: unknown, where: string): AttributeValue {
  if (typeof value === 'string') return { S: value };
  if (value instanceof ExactNumber || typeof value === 'number' || typeof value === 'bigint')
    return { N: numberText(value, where) };
  if (typeof value === 'boolean') return { BOOL: value };
  if (value === null) return { NULL: true };
  if (Array.isArray(value)) return { L: value.map((v) => marshall(v, where)) };
  if (typeof value === 'object') {
    const M: Record<string, AttributeValue> = {};
    for (const [k, v] of Object.entries(value)) M[k] = marshall(v, where);
    return { M };
  }
  throw badInput(
    `${where}: ${typeof value} values cannot be stored.`,
    'Use strings, numbers, booleans, null, arrays or objects.',
  );
}

function setOf(spec: ValueSpec, params: ParameterValues, where: string): string[] {
  const raw = bareParameter(spec, params, where);
  const parsed = typeof raw === 'string' ? parseJson(raw, where, 'an array') : raw;
  if (
    !Array.isArray(parsed) ||
    parsed.length === 0 ||
    !parsed.every((v) => typeof v === 'string' || typeof v === 'number' || v instanceof ExactNumber)
  ) {
    throw badInput(
      `${where}: a ${spec.type} value must be a non-empty JSON array of ${spec.type === 'NS' ? 'numbers' : 'strings'}.`,
      'DynamoDB does not store empty sets; e.g. ["a","b"].',
    );
  }
  const items = parsed.map((v) =>
    typeof v === 'string' ? v : spec.type === 'NS' ? numberText(v as number | ExactNumber, where) : String(v),
  );
  if (new Set(items).size !== items.length)
    throw badInput(`${where}: the set has duplicate members.`, 'A set holds each value once.');
  if (spec.type === 'NS') items.forEach((n) => checkNumber(n, where));
  if (spec.type === 'BS') items.forEach((b) => checkBase64(b, where));
  return items;
}

function checkBase64(text: string, where: string): void {
  if (!isBase64(text))
    throw badInput(
      `${where}: "${text.length > 40 ? `${text.slice(0, 40)}…` : text}" is not valid base64.`,
      'Binary values are standard base64 with padding, e.g. "aGVsbG8=".',
    );
}

function checkNumber(text: string, where: string): void {
  const problem = checkDynamoNumber(text);
  if (problem)
    throw badInput(
      `${where}: ${problem}.`,
      'Pass the number as decimal text; keep it as a string to keep every digit.',
    );
}

/**
 * The exact decimal text of a number from a parameter: a literal from JSON text keeps its digits; a JavaScript
 * number is accepted only when it holds the value exactly (an integer beyond 2^53 has already lost digits).
 */
function numberText(value: ExactNumber | number | bigint, where: string): string {
  if (typeof value === 'number' && Number.isInteger(value) && !Number.isSafeInteger(value))
    throw badInput(
      `${where}: the number ${String(value)} is beyond 2^53 and was already rounded before it arrived.`,
      'Pass the number as decimal text (a string) to keep every digit.',
    );
  const text = value instanceof ExactNumber ? value.text : String(value);
  checkNumber(text, where);
  return text;
}

/** A value spec rendered with parameter values into a typed DynamoDB value. Numbers stay text. */
export function renderValue(spec: ValueSpec, params: ParameterValues, where: string): AttributeValue {
  switch (spec.type) {
    case 'S':
      return { S: renderText(spec, params, where) };
    case 'B': {
      const text = renderText(spec, params, where);
      checkBase64(text, where);
      return { B: text };
    }
    case 'N': {
      const text = renderText(spec, params, where).trim();
      checkNumber(text, where);
      return { N: text };
    }
    case 'BOOL': {
      const text = renderText(spec, params, where);
      if (text !== 'true' && text !== 'false')
        throw badInput(`${where}: "${text}" is not a boolean.`, 'Pass true or false.');
      return { BOOL: text === 'true' };
    }
    case 'NULL':
      return { NULL: true };
    case 'SS':
      return { SS: setOf(spec, params, where) };
    case 'NS':
      return { NS: setOf(spec, params, where) };
    case 'BS':
      return { BS: setOf(spec, params, where) };
    case 'L':
    case 'M': {
      const raw = bareParameter(spec, params, where);
      const parsed =
        typeof raw === 'string'
          ? parseJson(formatTemplateValue(raw), where, spec.type === 'L' ? 'an array' : 'an object')
          : raw;
      const value = marshall(parsed, where);
      if (!(spec.type in value))
        throw badInput(
          `${where}: expected ${spec.type === 'L' ? 'a JSON array' : 'a JSON object'}.`,
          'Pass the value as JSON.',
        );
      return value;
    }
  }
}
