import { MonotableError } from '../errors/monotable-error.js';

/** Matching a stored key back to its parameters lives in its own file (linear-time matcher). */
export { matchTemplate } from './match-template.js';

/**
 * Key templates: `MSG#{message_group_uuid}`, `ORDER#{order_id}#ITEM#{line}`, `{created_at}`.
 * `{name}` is a parameter (an attribute of the entity); everything else is literal text.
 * `{{` and `}}` stand for literal braces.
 */
export type Segment = { kind: 'literal'; text: string } | { kind: 'param'; name: string };

export interface KeyTemplate {
  source: string;
  segments: Segment[];
  /** Parameter names in order of appearance, each once. */
  params: string[];
}

export type TemplateValue = string | number | bigint | boolean;

// `#` is allowed because real key attributes carry it (`State#Date` in AWS's DeviceStateLog and CartModel samples).
const PARAM_NAME = /^[A-Za-z_][A-Za-z0-9_.#-]*$/;

function templateError(source: string, position: number, problem: string, hint: string): MonotableError {
  return new MonotableError('TEMPLATE_ERROR', `Key template "${source}": ${problem} at character ${position + 1}.`, {
    hint,
    position,
  });
}

export function parseTemplate(source: string): KeyTemplate {
  const segments: Segment[] = [];
  let literal = '';
  let i = 0;
  const flush = (): void => {
    if (literal) segments.push({ kind: 'literal', text: literal });
    literal = '';
  };
  while (i < source.length) {
    const ch = source[i]!;
    if (ch === '{' && source[i + 1] === '{') {
      literal += '{';
      i += 2;
    } else if (ch === '}' && source[i + 1] === '}') {
      literal += '}';
      i += 2;
    } else if (ch === '{') {
      const end = source.indexOf('}', i + 1);
      const nested = source.indexOf('{', i + 1);
      if (end < 0)
        throw templateError(
          source,
          i,
          'an opening "{" has no closing "}"',
          'Close the parameter, e.g. {user_id}, or write {{ for a literal brace.',
        );
      if (nested >= 0 && nested < end)
        throw templateError(source, nested, 'parameters cannot be nested', 'Write one parameter per pair of braces.');
      const name = source.slice(i + 1, end);
      if (!PARAM_NAME.test(name)) {
        throw templateError(
          source,
          i,
          `"{${name}}" is not a parameter name`,
          'A parameter is an attribute name: letters, digits, _ . - # and not starting with a digit.',
        );
      }
      flush();
      segments.push({ kind: 'param', name });
      i = end + 1;
    } else if (ch === '}') {
      throw templateError(source, i, 'a "}" has no opening "{"', 'Remove it, or write }} for a literal brace.');
    } else {
      literal += ch;
      i++;
    }
  }
  flush();
  const params = [...new Set(segments.flatMap((s) => (s.kind === 'param' ? [s.name] : [])))];
  return { source, segments, params };
}

/** The parsed template, or undefined when `source` is not a valid template (for code that only reads models). */
export function tryParseTemplate(source: string): KeyTemplate | undefined {
  try {
    return parseTemplate(source);
  } catch {
    return undefined;
  }
}

/** The literal text before the first parameter: what `begins_with` on this key uses. */
export function literalPrefix(template: KeyTemplate): string {
  const first = template.segments[0];
  return first?.kind === 'literal' ? first.text : '';
}

/** True when the template is a single parameter and nothing else, as a Number key requires. */
export function isBareParameter(template: KeyTemplate): boolean {
  return template.segments.length === 1 && template.segments[0]!.kind === 'param';
}

/** True when the template has no parameters (every item gets the same key). */
export function isConstant(template: KeyTemplate): boolean {
  return template.params.length === 0;
}

export function formatTemplateValue(value: TemplateValue): string {
  return typeof value === 'string' ? value : String(value);
}

/**
 * Renders the template. A missing or empty parameter value is an error: DynamoDB refuses empty key values,
 * and a key built from a missing value would silently collide with others.
 */
export function renderTemplate(
  template: KeyTemplate,
  values: Readonly<Record<string, TemplateValue | undefined | null>>,
): string {
  let out = '';
  for (const segment of template.segments) {
    if (segment.kind === 'literal') {
      out += segment.text;
      continue;
    }
    const value = values[segment.name];
    if (value === undefined || value === null) {
      throw new MonotableError(
        'TEMPLATE_ERROR',
        `Key template "${template.source}" needs a value for {${segment.name}}.`,
        {
          hint: `Give "${segment.name}" a value (or a generator) before rendering this key.`,
          param: segment.name,
        },
      );
    }
    const text = formatTemplateValue(value);
    if (text === '' && template.segments.length === 1) {
      throw new MonotableError(
        'TEMPLATE_ERROR',
        `Key template "${template.source}" renders an empty key because {${segment.name}} is empty.`,
        {
          hint: 'Key attributes cannot be empty strings in DynamoDB.',
          param: segment.name,
        },
      );
    }
    out += text;
  }
  if (out === '') {
    throw new MonotableError(
      'TEMPLATE_ERROR',
      `Key template "${template.source}" renders an empty key: every parameter value is empty.`,
      {
        hint: 'Key attributes cannot be empty strings in DynamoDB; give at least one parameter a non-empty value.',
      },
    );
  }
  return out;
}

/**
 * Why this template cannot always be matched back, or undefined when every rendered key matches back to the
 * values it came from (given values that do not contain the literal following their parameter).
 */
export function templateAmbiguity(template: KeyTemplate): string | undefined {
  for (let i = 1; i < template.segments.length; i++) {
    const a = template.segments[i - 1]!;
    const b = template.segments[i]!;
    if (a.kind === 'param' && b.kind === 'param') {
      return `{${a.name}}{${b.name}} has no literal between the parameters, so a stored key cannot tell where one ends: put a delimiter such as "#" between them.`;
    }
  }
  return undefined;
}

/** The literal that follows a parameter; a value containing it breaks matching and begins_with. */
export function delimiterAfter(template: KeyTemplate, param: string): string | undefined {
  const i = template.segments.findIndex((s) => s.kind === 'param' && s.name === param);
  if (i < 0) return undefined;
  const next = template.segments[i + 1];
  return next?.kind === 'literal' ? next.text : undefined;
}

/**
 * True when `value` for `param` would not match back to itself: the literal after the parameter then occurs
 * in the rendered key before the value ends (the value contains it, or a suffix of the value plus the start of
 * the literal spell it, e.g. value `a#ITEM` before literal `#ITEM#`). False for the last parameter.
 */
export function valueBreaksMatch(template: KeyTemplate, param: string, value: string): boolean {
  const literal = delimiterAfter(template, param);
  if (literal === undefined) return false;
  return (value + literal).indexOf(literal) < value.length;
}
