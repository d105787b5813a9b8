import type { AttributeTypeName } from '../model/attribute-value.js';
import { keyAttributes } from '../model/indexes.js';
import type { AccessPattern, Entity, Model, Table } from '../model/schema.js';
import { parseTemplate, type KeyTemplate } from '../keys/template.js';
import { isMonotableError } from '../errors/monotable-error.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { ValueSpec } from './resolved-pattern.js';

/** What resolving one pattern needs to know and collects: the pattern, where it is, its findings. */
export interface PatternContext {
  model: Model;
  table: Table;
  pattern: AccessPattern;
  entity: Entity | undefined;
  /** JSON path of the pattern: `$.tables[0].accessPatterns[3]`. */
  path: string;
  diagnostics: Diagnostic[];
  /** Parameters the pattern's templates actually use. */
  used: Set<string>;
}

export function report(
  ctx: PatternContext,
  severity: Diagnostic['severity'],
  code: string,
  subPath: string,
  message: string,
  hint: string,
): void {
  ctx.diagnostics.push({
    code,
    severity,
    path: ctx.path + subPath,
    message: `Access pattern "${ctx.pattern.name}": ${message}`,
    hint,
  });
}

const templates = new Map<string, KeyTemplate>();

/** parseTemplate with a bounded cache: the same templates are parsed again on every keystroke. */
export function parsedTemplate(source: string): KeyTemplate {
  let template = templates.get(source);
  if (!template) {
    template = parseTemplate(source);
    if (templates.size > 10_000) templates.clear();
    templates.set(source, template);
  }
  return template;
}

/** Parses a value template, records the parameters it uses, and returns it with its DynamoDB type. */
export function templateValue(
  ctx: PatternContext,
  source: string,
  type: AttributeTypeName,
  subPath: string,
): ValueSpec {
  try {
    for (const param of parsedTemplate(source).params) ctx.used.add(param);
  } catch (error) {
    if (!isMonotableError(error)) throw error;
    report(ctx, 'error', 'pattern-bad-template', subPath, error.message, error.details.hint ?? 'Fix the template.');
  }
  return { template: source, type };
}

/** A constant as a template: braces doubled so they stay literal. */
export function literalTemplate(text: string): string {
  return text.replace(/[{}]/g, (brace) => brace + brace);
}

/** The DynamoDB type of an attribute as the model declares it: key definitions first, then the entity's attributes. */
const keyTypesByTable = new WeakMap<Table, Map<string, 'S' | 'N' | 'B'>>();

/** Key attribute name → type over the table and all its indexes, computed once per table object. */
export function keyTypes(table: Table): Map<string, 'S' | 'N' | 'B'> {
  let types = keyTypesByTable.get(table);
  if (!types) keyTypesByTable.set(table, (types = new Map(keyAttributes(table).map((k) => [k.name, k.type]))));
  return types;
}

export function attributeType(ctx: PatternContext, attribute: string): AttributeTypeName | undefined {
  const key = keyTypes(ctx.table).get(attribute);
  if (key) return key;
  const declared = ctx.entity?.attributes.find((a) => a.name === attribute);
  if (declared) return declared.type;
  if (ctx.entity?.typeAttribute?.name === attribute) return 'S';
  return undefined;
}

/** The type of a filter value: a set's element type for `contains`, else the attribute's own scalar type. */
export function comparisonType(
  ctx: PatternContext,
  attribute: string,
  valueTemplate: string | undefined,
): AttributeTypeName {
  const declared = attributeType(ctx, attribute);
  if (declared === 'SS') return 'S';
  if (declared === 'NS') return 'N';
  if (declared === 'BS') return 'B';
  if (declared && declared !== 'L' && declared !== 'M' && declared !== 'NULL') return declared;
  const bare = valueTemplate && /^\{([^{}]+)\}$/.exec(valueTemplate);
  const param = bare ? ctx.pattern.parameters.find((p) => p.name === bare[1]) : undefined;
  return param?.type ?? 'S';
}

/** Placeholder registry for one request: each attribute name aliased once, each value numbered. */
export class Expressions {
  readonly names: Record<string, string> = {};
  readonly values: Record<string, ValueSpec> = {};
  private readonly aliasOf = new Map<string, string>();
  private readonly counters = new Map<string, number>();
  private valueCount = 0;

  name(attribute: string, prefix: 'k' | 'f' | 'p' | 's' | 'c'): string {
    const existing = this.aliasOf.get(attribute);
    if (existing) return existing;
    const n = this.counters.get(prefix) ?? 0;
    this.counters.set(prefix, n + 1);
    const alias = `#${prefix}${n}`;
    this.aliasOf.set(attribute, alias);
    this.names[alias] = attribute;
    return alias;
  }

  value(spec: ValueSpec): string {
    const placeholder = `:v${this.valueCount++}`;
    this.values[placeholder] = spec;
    return placeholder;
  }
}
