import { MonotableError } from '../errors/monotable-error.js';
import { FILTER_OPERATORS, type FilterOperator } from '../model/schema.js';
import type { FilterSpec } from './ad-hoc-request.js';

const ALIASES: Record<string, FilterOperator> = {
  '!=': '<>',
  exists: 'attribute_exists',
  not_exists: 'attribute_not_exists',
};
const HINT =
  'Write ATTRIBUTE OPERATOR VALUE, e.g. "status = open", "total between 10 and 20", "name begins_with Al", "email exists". ' +
  `Operators: ${FILTER_OPERATORS.join(' ')} (also != exists not_exists).`;

/** Parses one `--filter` text: `ATTRIBUTE OPERATOR [VALUE [and VALUE]]`; the value is the rest of the text. */
export function parseFilter(text: string): FilterSpec {
  const m = /^\s*(\S+)\s+(\S+)(?:\s+(.*?))?\s*$/.exec(text);
  if (!m) throw new MonotableError('BAD_INPUT', `--filter "${text}" is not ATTRIBUTE OPERATOR VALUE.`, { hint: HINT });
  const [, attribute, word, rest] = m as unknown as [string, string, string, string | undefined];
  const operator =
    ALIASES[word.toLowerCase()] ??
    ((FILTER_OPERATORS as readonly string[]).find((o) => o === word.toLowerCase()) as FilterOperator | undefined);
  if (!operator)
    throw new MonotableError('BAD_INPUT', `--filter "${text}": unknown operator "${word}".`, { hint: HINT });
  if (operator === 'attribute_exists' || operator === 'attribute_not_exists') {
    if (rest) throw new MonotableError('BAD_INPUT', `--filter "${text}": "${word}" takes no value.`, { hint: HINT });
    return { attribute, operator };
  }
  if (rest === undefined)
    throw new MonotableError('BAD_INPUT', `--filter "${text}": "${word}" needs a value.`, { hint: HINT });
  if (operator === 'between') {
    const parts = rest.split(/\s+and\s+/i);
    if (parts.length !== 2)
      throw new MonotableError('BAD_INPUT', `--filter "${text}": between needs "LOW and HIGH".`, { hint: HINT });
    return { attribute, operator, value: parts[0]!, to: parts[1]! };
  }
  return { attribute, operator, value: rest };
}
