import type { Model } from '../model/schema.js';
import type { TemplateValue } from '../keys/template.js';
import { buildRequest } from '../patterns/build-request.js';
import { resolvePattern } from '../patterns/resolve.js';
import type { OperationRequest, ResolvedPattern } from '../patterns/resolved-pattern.js';
import { evaluateRequest, type EvaluationResult } from './evaluate-request.js';

export interface PreviewResult extends EvaluationResult {
  pattern: string;
  operation: ResolvedPattern['operation'];
  indexName?: string;
  /** The exact request the pattern sends for these parameters. */
  request: OperationRequest;
}

/** Parameter values for a preview: each parameter's `example`, overridden by the given values. */
export function previewParameters(
  resolved: ResolvedPattern,
  params: Readonly<Record<string, TemplateValue>> = {},
): Record<string, TemplateValue> {
  const out: Record<string, TemplateValue> = {};
  for (const p of resolved.parameters) if (p.example !== undefined) out[p.name] = p.example;
  return { ...out, ...params };
}

/**
 * Runs an access pattern over the model's sample items without any engine: the index's view, key condition,
 * sort order by key type, Limit before the filter, filter, projection. Missing parameters (without an
 * example) are BAD_INPUT naming them.
 */
export function previewPattern(
  model: Model,
  patternName: string,
  params: Readonly<Record<string, TemplateValue>> = {},
): PreviewResult {
  const resolved = resolvePattern(model, patternName);
  const request = buildRequest(resolved, previewParameters(resolved, params));
  return {
    pattern: resolved.name,
    operation: resolved.operation,
    ...(resolved.indexName !== undefined && { indexName: resolved.indexName }),
    request,
    ...evaluateRequest(model, request),
  };
}
