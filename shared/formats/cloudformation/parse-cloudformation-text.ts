import { parse, YAMLParseError, type Tags } from 'yaml';
import { MonotableError } from '../../errors/monotable-error.js';
import { checkStructure, MAX_FILE_BYTES, parseUntrustedJson } from '../../model/safe-json.js';

/**
 * CloudFormation's short-form intrinsic functions, each turned into its long JSON form (`!Ref X` → `{Ref: X}`,
 * `!Sub 'a-${B}'` → `{'Fn::Sub': 'a-${B}'}`, `!GetAtt T.Arn` → `{'Fn::GetAtt': ['T', 'Arn']}`), on scalars,
 * sequences and mappings alike, so that any template parses; the importer decides what it can use.
 */
const FUNCTIONS = [
  'Base64',
  'Cidr',
  'FindInMap',
  'GetAtt',
  'GetAZs',
  'ImportValue',
  'Join',
  'Select',
  'Split',
  'Sub',
  'Transform',
  'And',
  'Equals',
  'If',
  'Not',
  'Or',
  'ToJsonString',
  'Length',
];

function longForm(name: string, value: unknown): Record<string, unknown> {
  if (name === 'Ref' || name === 'Condition') return { [name]: value };
  if (name === 'GetAtt' && typeof value === 'string') {
    const dot = value.indexOf('.');
    return { 'Fn::GetAtt': dot < 0 ? [value] : [value.slice(0, dot), value.slice(dot + 1)] };
  }
  return { [`Fn::${name}`]: value };
}

const toJson = (node: { toJSON(): unknown }): unknown => node.toJSON();

const CFN_TAGS: Tags = ['Ref', 'Condition', ...FUNCTIONS].flatMap((name) => [
  { tag: `!${name}`, resolve: (value: string) => longForm(name, value) },
  {
    tag: `!${name}`,
    collection: 'seq' as const,
    resolve: (value: { toJSON(): unknown }) => longForm(name, toJson(value)),
  },
  {
    tag: `!${name}`,
    collection: 'map' as const,
    resolve: (value: { toJSON(): unknown }) => longForm(name, toJson(value)),
  },
]);

/** A CloudFormation template's text, JSON or YAML (with short-form tags), as plain JSON values. */
export function parseCloudFormationText(text: string): unknown {
  if (text.length > MAX_FILE_BYTES) return parseUntrustedJson(text); // reports FILE_TOO_LARGE
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (/^\s*[{[]/.test(body)) return parseUntrustedJson(body);
  let value: unknown;
  try {
    // logLevel 'error': unknown tags and odd keys resolve as plain values instead of printing process warnings.
    value = parse(body, {
      customTags: CFN_TAGS,
      maxAliasCount: 100,
      uniqueKeys: true,
      prettyErrors: true,
      logLevel: 'error',
    });
  } catch (error) {
    if (error instanceof YAMLParseError) {
      const pos = error.linePos?.[0];
      const where = pos ? `${pos.line}:${pos.col}` : undefined;
      const problem = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
      throw new MonotableError(
        'PARSE_ERROR',
        `Not valid YAML${pos ? ` at line ${pos.line}, column ${pos.col}` : ''}: ${problem}`,
        {
          ...(where ? { path: where } : {}),
          hint: 'Check the indentation and quoting near that position.',
        },
      );
    }
    if (error instanceof Error) {
      const hostile = /excessive alias/i.test(error.message);
      throw new MonotableError('PARSE_ERROR', `Not a usable YAML document: ${error.message}`, {
        hint: hostile
          ? 'The template expands too many aliases; it is probably damaged or hostile.'
          : 'Check the anchors (&name) and aliases (*name) in the template.',
      });
    }
    throw error;
  }
  checkStructure(value);
  return value;
}
