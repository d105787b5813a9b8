import type { AttributeTypeName } from '../model/attribute-value.js';
import type { AccessPattern, Entity, Model, Table } from '../model/schema.js';
import { parseTemplate, type KeyTemplate } from '../keys/template.js';
import { isMonotableError } from '../errors/monotable-error.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { ValueSpec } from './resolved-pattern.js';
import { tableFacts } from './table-facts.js';

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
    const { params } = parsedTemplate(source);
    for (let i = 0; i < params.length; i++) ctx.used.add(params[i]!);
  } catch (error) {
    if (!isMonotableError(error)) throw error;
    report(ctx, 'error', 'pattern-bad-template', subPath, error.message, error.details.hint ?? 'Fix the template.');
  }
  return { template: source, type };
}

const BRACE = /[{}]/g;

/** A constant as a template: braces doubled so they stay literal. */
export function literalTemplate(text: string): string {
  // Most constants have no brace: skip the replace and its callback.
  if (text.indexOf('{') < 0 && text.indexOf('}') < 0) return text;
  return text.replace(BRACE, (brace) => brace + brace);
}

/** The DynamoDB type of an attribute as the model declares it: key definitions first, then the entity's attributes. */
export function attributeType(ctx: PatternContext, attribute: string): AttributeTypeName | undefined {
  const key = tableFacts(ctx.table).keyTypes.get(attribute);
  if (key) return key;
  const attributes = ctx.entity?.attributes ?? [];
  for (let i = 0; i < attributes.length; i++) if (attributes[i]!.name === attribute) return attributes[i]!.type;
  if (ctx.entity?.typeAttribute?.name === attribute) return 'S';
  return undefined;
}

const BARE_PARAMETER = /^\{([^{}]+)\}$/;

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
  const bare = valueTemplate && BARE_PARAMETER.exec(valueTemplate);
  const param = bare ? ctx.pattern.parameters.find((p) => p.name === bare[1]) : undefined;
  return param?.type ?? 'S';
}

/** Placeholder registry for one request: each attribute name aliased once, each value numbered. */
export class Expressions {
  readonly names: Record<string, string> = {};
  readonly values: Record<string, ValueSpec> = {};
  private readonly aliasOf = new Map<string, string>();
  /** Aliases given so far per prefix (a plain object: one is made per pattern, a Map costs more). */
  private readonly counters = { k: 0, f: 0, p: 0, s: 0, c: 0 };
  private valueCount = 0;

  name(attribute: string, prefix: 'k' | 'f' | 'p' | 's' | 'c'): string {
    const existing = this.aliasOf.get(attribute);
    if (existing) return existing;
    const n = this.counters[prefix]++;
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
