import type { AccessPattern } from '../model/schema.js';
import { attributeType, report, type PatternContext } from './pattern-context.js';
import type { ResolvedPattern } from './resolved-pattern.js';
import { tableFacts, viewNamed } from './table-facts.js';

type Field = keyof AccessPattern;

/** Fields each kind reads; any other field that is set has no effect. */
const FIELDS_USED: Record<AccessPattern['kind'], readonly Field[]> = {
  get: ['keyCondition', 'projection', 'consistentRead'],
  'batch-get': ['keyCondition', 'projection', 'consistentRead'],
  query: ['index', 'keyCondition', 'filter', 'projection', 'order', 'limit', 'consistentRead'],
  scan: ['index', 'keyCondition', 'filter', 'projection', 'order', 'limit', 'consistentRead'],
  put: [],
  update: ['keyCondition', 'set'],
  delete: ['keyCondition'],
  'transact-write': ['writes'],
};
const OPTIONAL_FIELDS: readonly Field[] = [
  'index',
  'keyCondition',
  'filter',
  'projection',
  'order',
  'limit',
  'consistentRead',
  'set',
  'writes',
];

/** Per kind, the optional fields it ignores, in OPTIONAL_FIELDS order: a query checks 2 fields, not 9. */
const FIELDS_IGNORED = {} as Record<AccessPattern['kind'], readonly Field[]>;
for (const kind of Object.keys(FIELDS_USED) as AccessPattern['kind'][])
  FIELDS_IGNORED[kind] = OPTIONAL_FIELDS.filter((f) => !FIELDS_USED[kind].includes(f));

/** Kinds that address one item by its primary key. */
const POINT_KINDS: readonly AccessPattern['kind'][] = ['get', 'batch-get', 'update', 'delete'];

/** Findings about fields that do nothing for this kind, filters on key attributes, and unknown attribute names. */
export function checkPatternFields(ctx: PatternContext, resolved: ResolvedPattern): void {
  const { pattern } = ctx;
  const ignored = FIELDS_IGNORED[pattern.kind];
  for (let i = 0; i < ignored.length; i++) {
    const field = ignored[i]!;
    if (pattern[field] === undefined) continue;
    report(
      ctx,
      'warning',
      'pattern-field-ignored',
      `.${field}`,
      `"${field}" has no effect on a ${pattern.kind} pattern.`,
      `Remove "${field}", or change "kind".`,
    );
  }
  if (
    (pattern.kind === 'get' || pattern.kind === 'batch-get') &&
    pattern.keyCondition?.sort &&
    pattern.keyCondition.sort.operator !== '='
  ) {
    report(
      ctx,
      'error',
      'pattern-get-needs-full-key',
      '.keyCondition.sort.operator',
      `a ${pattern.kind} reads one item by its full key, so the sort key needs "=", not "${pattern.keyCondition.sort.operator}".`,
      'Use "=", or make the pattern a query to read a range.',
    );
  }
  if (POINT_KINDS.includes(pattern.kind) && pattern.keyCondition) {
    const primary = tableFacts(ctx.table).primaryKeyNames;
    const named = [pattern.keyCondition.partition.attribute, pattern.keyCondition.sort?.attribute].filter(
      (a): a is string => a !== undefined,
    );
    for (const attribute of named.filter((a) => !primary.includes(a))) {
      report(
        ctx,
        'error',
        'pattern-key-not-primary',
        '.keyCondition',
        `a ${pattern.kind} addresses one item by the table's primary key, but the key condition names "${attribute}".`,
        `Use ${primary.map((k) => `"${k}"`).join(' and ')}; to read through an index, make the pattern a query.`,
      );
    }
  }
  if (resolved.operation === 'Query' && pattern.filter?.length) {
    const view = viewNamed(ctx.table, resolved.indexName)!;
    const keys = new Set([view.partitionKey.name, view.sortKey?.name]);
    pattern.filter.forEach((f, i) => {
      if (!keys.has(f.attribute)) return;
      report(
        ctx,
        'error',
        'pattern-filter-on-key',
        `.filter[${i}].attribute`,
        `the filter uses "${f.attribute}", a key of the index queried; DynamoDB refuses key attributes in a Query's FilterExpression.`,
        `Put the condition on "${f.attribute}" in keyCondition instead.`,
      );
    });
  }
  if (!ctx.entity || !(pattern.filter?.length || pattern.projection?.length)) return;
  const known = (name: string): boolean =>
    attributeType(ctx, name) !== undefined ||
    name in ctx.entity!.keys ||
    tableFacts(ctx.table).primaryKeyNames.includes(name);
  (pattern.filter ?? []).forEach((f, i) => {
    if (!known(f.attribute)) unknownAttribute(ctx, f.attribute, `.filter[${i}].attribute`);
  });
  (pattern.projection ?? []).forEach((name, i) => {
    if (!known(name)) unknownAttribute(ctx, name, `.projection[${i}]`);
  });
}

function unknownAttribute(ctx: PatternContext, name: string, path: string): void {
  report(
    ctx,
    'warning',
    'pattern-unknown-attribute',
    path,
    `entity "${ctx.pattern.entity}" has no attribute "${name}"; items will not have it.`,
    `Check the spelling, or add "${name}" to the entity's attributes.`,
  );
}
