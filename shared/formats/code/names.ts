/** Identifiers for generated code: pattern and parameter names become camelCase (TypeScript) or snake_case (Python). */

function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w.length > 0);
}

const TS_RESERVED = new Set([
  'break',
  'case',
  'catch',
  'class',
  'const',
  'continue',
  'debugger',
  'default',
  'delete',
  'do',
  'else',
  'enum',
  'export',
  'extends',
  'false',
  'finally',
  'for',
  'function',
  'if',
  'import',
  'in',
  'instanceof',
  'new',
  'null',
  'return',
  'super',
  'switch',
  'this',
  'throw',
  'true',
  'try',
  'typeof',
  'var',
  'void',
  'while',
  'with',
  'yield',
  'let',
  'static',
  'implements',
  'interface',
  'package',
  'private',
  'protected',
  'public',
  'await',
  'arguments',
  'eval',
]);

const PY_RESERVED = new Set([
  'False',
  'None',
  'True',
  'and',
  'as',
  'assert',
  'async',
  'await',
  'break',
  'class',
  'continue',
  'def',
  'del',
  'elif',
  'else',
  'except',
  'finally',
  'for',
  'from',
  'global',
  'if',
  'import',
  'in',
  'is',
  'lambda',
  'nonlocal',
  'not',
  'or',
  'pass',
  'raise',
  'return',
  'try',
  'while',
  'with',
  'yield',
  'match',
  'case',
  'type',
  // names the generated module itself uses, and builtins it calls
  'boto3',
  'dynamodb',
  'table',
  'kwargs',
  'response',
  'Decimal',
  'TypeSerializer',
  'TABLE_NAMES',
  'random',
  'time',
  'params',
  'keys',
  'items',
  'request',
  'attempt',
  'resource',
  'table_name',
  'start',
  'exclusive_start_key',
  'str',
  'min',
  'len',
  'range',
  'isinstance',
  'int',
  'bool',
  'dict',
  'list',
  'set',
  'bytes',
  'print',
  'global',
]);

function safeStart(name: string, prefix: string): string {
  return /^[0-9]/.test(name) ? `${prefix}${name}` : name;
}

export function camelCase(name: string): string {
  const parts = words(name).map((w, i) => (i === 0 ? w.toLowerCase() : w[0]!.toUpperCase() + w.slice(1).toLowerCase()));
  const out = safeStart(parts.join('') || 'value', '_');
  return TS_RESERVED.has(out) ? `${out}_` : out;
}

export function pascalCase(name: string): string {
  const out =
    words(name)
      .map((w) => w[0]!.toUpperCase() + w.slice(1))
      .join('') || 'Value';
  return safeStart(out, '_');
}

export function snakeCase(name: string): string {
  const out = safeStart(
    words(name)
      .map((w) => w.toLowerCase())
      .join('_') || 'value',
    '_',
  );
  return PY_RESERVED.has(out) ? `${out}_` : out;
}

/** Gives each name a unique identifier: a second `listUsers` becomes `listUsers2` (or the next number not taken). */
export function uniqueNames(names: readonly string[], convert: (name: string) => string): string[] {
  const used = new Set<string>();
  return names.map((name) => {
    const base = convert(name);
    let candidate = base;
    for (let n = 2; used.has(candidate); n++) candidate = `${base}${n}`;
    used.add(candidate);
    return candidate;
  });
}
