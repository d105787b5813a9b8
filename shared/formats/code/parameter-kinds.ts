import type { AttributeTypeName } from '../../model/attribute-value.js';
import type { Parameter } from '../../model/schema.js';
import type { ResolvedPattern, ValueSpec } from '../../patterns/resolved-pattern.js';
import { parseTemplate, type KeyTemplate } from '../../keys/template.js';

/**
 * What a generated function takes for each parameter. A parameter used alone as a value (`{score}` for a Number
 * key) takes that value's DynamoDB type; one only used inside text (`MSG#{id}`) takes its declared type, else text.
 */
export type AttributeKind = AttributeTypeName;

export interface ParameterInfo {
  parameter: Parameter;
  kind: AttributeKind;
}

export function bareParameter(template: KeyTemplate): string | undefined {
  const [only, ...rest] = template.segments;
  return only?.kind === 'param' && rest.length === 0 ? only.name : undefined;
}

/** Every value of a resolved pattern (key, item, expression values; the writes of a transaction), in order. */
export function valueSpecs(resolved: ResolvedPattern): ValueSpec[] {
  return [
    ...Object.values(resolved.key ?? {}),
    ...Object.values(resolved.item ?? {}),
    ...Object.values(resolved.expressionAttributeValues),
    ...(resolved.transactItems ?? []).flatMap(valueSpecs),
  ];
}

/** Parameters in declaration order, then any that only the transaction's writes declare. */
export function allParameters(resolved: ResolvedPattern): Parameter[] {
  const out = new Map<string, Parameter>();
  for (const p of resolved.parameters) out.set(p.name, p);
  for (const write of resolved.transactItems ?? [])
    for (const p of allParameters(write)) if (!out.has(p.name)) out.set(p.name, p);
  return [...out.values()];
}

export function parameterInfos(resolved: ResolvedPattern): ParameterInfo[] {
  const bareKinds = new Map<string, AttributeKind>();
  for (const spec of valueSpecs(resolved)) {
    const name = bareParameter(parseTemplate(spec.template));
    if (name !== undefined && !bareKinds.has(name)) bareKinds.set(name, spec.type);
  }
  return allParameters(resolved).map((parameter) => ({
    parameter,
    kind: bareKinds.get(parameter.name) ?? parameter.type ?? 'S',
  }));
}
