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
