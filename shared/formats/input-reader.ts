import { MonotableError } from '../errors/monotable-error.js';
import { formatPath } from '../model/safe-json.js';

/**
 * Typed reading of a foreign document (Workbench, CloudFormation) whose shape is not trusted: every wrong type
 * becomes a MonotableError with the JSON path of the offending value and a hint, never a TypeError later on.
 */
export type JsonPath = readonly (string | number)[];
export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export class InputReader {
  constructor(
    /** What the document is, for messages: 'NoSQL Workbench model', 'CloudFormation template'. */
    readonly documentKind: string,
    readonly hint: string,
  ) {}

  fail(path: JsonPath, problem: string, hint = this.hint): never {
    const where = formatPath(path);
    throw new MonotableError('SCHEMA_ERROR', `Not a valid ${this.documentKind}: ${where}: ${problem}.`, {
      path: where,
      hint,
    });
  }

  object(value: unknown, path: JsonPath): JsonObject {
    if (!isObject(value)) this.fail(path, `expected an object, found ${describe(value)}`);
    return value;
  }

  array(value: unknown, path: JsonPath): unknown[] {
    if (!Array.isArray(value)) this.fail(path, `expected a list, found ${describe(value)}`);
    return value;
  }

  string(value: unknown, path: JsonPath): string {
    if (typeof value !== 'string' || value === '')
      this.fail(path, `expected a non-empty string, found ${describe(value)}`);
    return value;
  }

  optionalString(value: unknown, path: JsonPath): string | undefined {
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string') this.fail(path, `expected a string, found ${describe(value)}`);
    return value;
  }

  optionalArray(value: unknown, path: JsonPath): unknown[] {
    return value === undefined || value === null ? [] : this.array(value, path);
  }

  positiveInt(value: unknown, path: JsonPath): number {
    const n = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
    if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 1)
      this.fail(path, `expected a whole number of at least 1, found ${describe(value)}`);
    return n;
  }

  oneOf<T extends string>(value: unknown, allowed: readonly T[], path: JsonPath): T {
    if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
      this.fail(path, `expected one of ${allowed.join(', ')}, found ${describe(value)}`);
    }
    return value as T;
  }
}

export function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string')
    return `the text ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  return `${typeof value} ${String(value)}`;
}
