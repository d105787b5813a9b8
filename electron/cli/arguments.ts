import { MonotableError } from '../../shared/errors/monotable-error.js';

/** The single FILE positional of a verb; anything else is a usage error (exit 2). */
export function singleFile(positionals: string[], usage: string): string {
  if (positionals.length === 1 && positionals[0] !== '') return positionals[0]!;
  throw new MonotableError(
    'BAD_INPUT',
    positionals.length === 0
      ? 'Name the model file.'
      : `Expected one file, got ${positionals.length}: ${positionals.join(' ')}.`,
    { hint: usage.split('\n')[0] ?? usage },
  );
}

/** A string option's value, or undefined when absent. */
export function stringOption(values: Record<string, unknown>, name: string): string | undefined {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
}

/** A string option that must be one of `allowed`. */
export function choiceOption<T extends string>(
  values: Record<string, unknown>,
  name: string,
  allowed: readonly T[],
): T | undefined {
  const value = stringOption(values, name);
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) {
    throw new MonotableError('BAD_INPUT', `--${name} "${value}" is not one of: ${allowed.join(', ')}.`, {
      hint: `Use --${name} ${allowed[0]} (or another value listed).`,
    });
  }
  return value as T;
}

/** `--param NAME=VALUE` flags → parameter values (text; the pattern's templates give them their types). */
export function parseParams(values: Record<string, unknown>): Record<string, string> {
  const params: Record<string, string> = {};
  const list = Array.isArray(values.param) ? (values.param as string[]) : [];
  for (const entry of list) {
    const eq = entry.indexOf('=');
    if (eq <= 0)
      throw new MonotableError('BAD_INPUT', `--param "${entry}" is not NAME=VALUE.`, {
        hint: 'e.g. --param customer_id=c1',
      });
    const name = entry.slice(0, eq);
    if (Object.hasOwn(params, name))
      throw new MonotableError('BAD_INPUT', `--param ${name} is given twice.`, {
        param: name,
        hint: 'Give each parameter once.',
      });
    params[name] = entry.slice(eq + 1);
  }
  return params;
}

/** FILE PATTERN positionals of `run` and `preview`. */
export function fileAndPattern(positionals: string[], usage: string): [string, string] {
  if (positionals.length === 2 && positionals[0] !== '' && positionals[1] !== '')
    return positionals as [string, string];
  throw new MonotableError(
    'BAD_INPUT',
    positionals.length < 2
      ? 'Name the model file and the access pattern.'
      : `Expected FILE PATTERN, got ${positionals.length} words: ${positionals.join(' ')}.`,
    { hint: usage.split('\n')[0] ?? usage },
  );
}
