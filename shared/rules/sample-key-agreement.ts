import { delimiterAfter, type KeyTemplate } from '../keys/template.js';
import type { AttributeValue, Item } from '../model/attribute-value.js';

/** The type tag of a value without allocating (`typeOf` builds a key array). */
export function tagOf(value: AttributeValue): string {
  for (const tag in value) return tag;
  return '';
}

/** Scalar text of an S, N or B value. */
export function scalarText(value: AttributeValue | undefined): string | undefined {
  if (value === undefined) return undefined;
  const v = value as { S?: string; N?: string; B?: string };
  return v.S ?? v.N ?? v.B;
}

/** A parsed key template prepared for checking many items: flat parts and the literal after each parameter. */
export interface TemplateFacts {
  template: KeyTemplate;
  /** Literal text, or a parameter name where `isParam` is set. */
  parts: string[];
  isParam: boolean[];
  delimiters: { param: string; literal: string }[];
}

/** Facts per parsed template: templates are cached by their text (parsedKeyTemplate), so every entity and run shares them. */
const factsCache = new WeakMap<KeyTemplate, TemplateFacts>();

export function templateFacts(template: KeyTemplate): TemplateFacts {
  let facts = factsCache.get(template);
  if (!facts) factsCache.set(template, (facts = freshFacts(template)));
  return facts;
}

function freshFacts(template: KeyTemplate): TemplateFacts {
  const delimiters: TemplateFacts['delimiters'] = [];
  for (const param of template.params) {
    const literal = delimiterAfter(template, param);
    if (literal !== undefined) delimiters.push({ param, literal });
  }
  const parts = template.segments.map((s) => (s.kind === 'literal' ? s.text : s.name));
  const isParam = template.segments.map((s) => s.kind === 'param');
  return { template, parts, isParam, delimiters };
}

/**
 * Does `stored` equal the template rendered from the item's attributes? Compared in place, without building
 * the string. undefined when the item lacks a parameter (then only the shape can be checked).
 */
export function agreesWithAttributes(facts: TemplateFacts, item: Item, stored: string): boolean | undefined {
  const { parts, isParam } = facts;
  let at = 0;
  for (let k = 0; k < parts.length; k++) {
    const text = isParam[k] ? scalarText(item[parts[k]!]) : parts[k]!;
    if (text === undefined) return undefined;
    if (!stored.startsWith(text, at)) return false;
    at += text.length;
  }
  return at === stored.length;
}
