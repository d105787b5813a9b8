import { delimiterAfter, isConstant, templateAmbiguity, valueBreaksMatch, type KeyTemplate } from '../keys/template.js';
import type { Attribute, Entity } from '../model/schema.js';
import {
  EntityCache,
  entityDependencies,
  ReportRecorder,
  replay,
  tableKeyDependencies,
  type RecordedReport,
} from './entity-cache.js';
import { keyInfo, type KeyInfo } from './key-info.js';
import type { PathSegment, Reporter, RuleContext } from './rule-context.js';

const LOW_CARDINALITY = 10;

/** Faker methods whose output uses a known, small set of characters. */
const FAKER_ALPHABETS = new Map<string, RegExp>([
  ['string.uuid', /[0-9a-f-]/],
  ['string.ulid', /[0-9A-Z]/],
  ['string.numeric', /[0-9]/],
  ['string.alpha', /[A-Za-z]/],
  ['string.alphanumeric', /[A-Za-z0-9]/],
  ['string.hexadecimal', /[0-9A-Fa-fx]/],
  ['string.nanoid', /[A-Za-z0-9_-]/],
  ['number.int', /[-0-9]/],
  ['number.float', /[-0-9.e]/],
  ['datatype.boolean', /[a-z]/],
]);

/** Characters a generator can produce, when known (undefined = any text). */
function generatorAlphabet(attribute: Attribute): RegExp | undefined {
  if (attribute.type === 'N') return /[-0-9.eE+]/;
  const g = attribute.generator;
  if (!g) return undefined;
  if (g.kind === 'sequence') return new RegExp(`[0-9${(g.prefix ?? '').replace(/[\\\]^-]/g, '\\$&')}-]`);
  if (g.kind === 'date-range' || g.kind === 'after') return /[0-9TZ:.-]/;
  if (g.kind !== 'faker') return undefined;
  if (g.method.startsWith('date.')) return /[0-9TZ:.-]/;
  return FAKER_ALPHABETS.get(g.method);
}

/** Literal values a generator can produce, when it lists them. */
function generatorValues(attribute: Attribute): string[] | undefined {
  // Only scalars become key text; String() of a nested array would recurse, so objects are not converted.
  const text = (v: unknown): string => (v !== null && typeof v === 'object' ? '[object]' : String(v));
  const g = attribute.generator;
  if (g?.kind === 'constant') return [text(g.value)];
  if (g?.kind === 'one-of') return g.values.map(text);
  return undefined;
}

function checkPartitionCardinality(
  context: Reporter,
  entity: Entity,
  template: KeyTemplate,
  keyName: string,
  path: PathSegment[],
  attributes: Map<string, Attribute>,
): void {
  if (isConstant(template)) {
    context.report(
      'hot-partition',
      'warning',
      path,
      `The partition key "${keyName}" of entity "${entity.name}" is the constant "${template.source}": every ${entity.name} item lands in one partition, which caps its throughput (about 3,000 reads and 1,000 writes per second).`,
      'Put a high-cardinality attribute into the template (e.g. a user or tenant id), or shard it: "' +
        template.source +
        '#{shard}".',
    );
    return;
  }
  const counts = template.params.map((p) => {
    const attribute = attributes.get(p);
    if (attribute?.type === 'BOOL') return 2;
    return attribute ? generatorValues(attribute)?.length : undefined;
  });
  if (counts.every((c) => c !== undefined)) {
    const combinations = counts.reduce((a, b) => a! * b!, 1)!;
    if (combinations <= LOW_CARDINALITY) {
      context.report(
        'hot-partition',
        'warning',
        path,
        `The partition key "${keyName}" of entity "${entity.name}" ("${template.source}") can take at most ${combinations} distinct values, so a few partitions receive all the traffic.`,
        'Add a high-cardinality attribute to the partition template.',
      );
    }
  }
}

function checkDelimiters(
  context: Reporter,
  _entity: Entity,
  template: KeyTemplate,
  path: PathSegment[],
  attributes: Map<string, Attribute>,
): void {
  for (const param of template.params) {
    const literal = delimiterAfter(template, param);
    const attribute = attributes.get(param);
    if (literal === undefined || !attribute) continue;
    const values = generatorValues(attribute);
    if (values) {
      const broken = values.find((v) => valueBreaksMatch(template, param, v));
      if (broken !== undefined) {
        context.report(
          'template-value-breaks-key',
          'warning',
          path,
          `{${param}} can be "${broken}", which contains the "${literal}" that follows it in "${template.source}": such keys cannot be split back into their values and begins_with queries on the prefix also match them.`,
          `Remove "${literal}" from the values of "${param}", or use a delimiter that cannot occur in them.`,
        );
      }
      continue;
    }
    const alphabet = generatorAlphabet(attribute);
    if (!alphabet || alphabet.test(literal[0]!)) {
      context.report(
        'template-delimiter-in-values',
        'info',
        path,
        `Values of {${param}} in "${template.source}" may contain "${literal}", the literal that follows the parameter; a key built from such a value cannot be split back, and begins_with on the prefix also matches longer values.`,
        `Make sure "${param}" never contains "${literal}", or put it last in the template.`,
      );
    }
  }
}

/** The template lints of one entity, paths from the entity on (`keys.pk`). */
function entityLints(context: Reporter, entity: Entity, keys: Map<string, KeyInfo>): void {
  const attributes = new Map(entity.attributes.map((a) => [a.name, a]));
  for (const [name, source] of Object.entries(entity.keys)) {
    const parsed = context.template(source);
    const key = keys.get(name);
    if (!parsed.ok || !key) continue;
    const path = ['keys', name];
    const ambiguity = templateAmbiguity(parsed.template);
    if (ambiguity) {
      context.report(
        'template-ambiguous',
        'warning',
        path,
        `The template "${source}" of entity "${entity.name}" is ambiguous: ${ambiguity}`,
        'Separate parameters with a literal delimiter such as "#".',
      );
    }
    if (key.partition) checkPartitionCardinality(context, entity, parsed.template, name, path, attributes);
    checkDelimiters(context, entity, parsed.template, path, attributes);
  }
}

/** Per entity keys object, its other parts and the table keys, so that an edit elsewhere does not lint this entity again. */
const lintCache = new EntityCache<RecordedReport[]>();

/** Design lints on key templates: hot partitions, ambiguity, delimiters in values (collisions: key-collisions.ts). */
export function checkTemplateLints(context: RuleContext): void {
  context.model.tables.forEach((table, t) => {
    let keys: Map<string, KeyInfo> | undefined;
    table.entities.forEach((entity, e) => {
      const reports = lintCache.get(
        entity.keys,
        [...tableKeyDependencies(table), ...entityDependencies(entity)],
        () => {
          const recorder = new ReportRecorder();
          entityLints(recorder, entity, (keys ??= keyInfo(table)));
          return recorder.reports;
        },
      );
      replay(context, reports, ['tables', t, 'entities', e]);
    });
  });
}
