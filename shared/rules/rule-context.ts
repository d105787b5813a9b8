import { parseTemplate, type KeyTemplate } from '../keys/template.js';
import { MonotableError } from '../errors/monotable-error.js';
import { formatPath } from '../model/safe-json.js';
import type { Model } from '../model/schema.js';
import type { Diagnostic } from '../model/diagnostic.js';

export type PathSegment = string | number;
export type Severity = Diagnostic['severity'];

/** A parsed key template, or the syntax problem that stopped it. Parsed once per validation run. */
export type ParsedTemplate = { ok: true; template: KeyTemplate } | { ok: false; error: MonotableError };

/** Where a check reports to, and how it reads key templates: a RuleContext, or a recorder whose reports are cached. */
export interface Reporter {
  report(code: string, severity: Severity, path: readonly PathSegment[], message: string, hint?: string): void;
  template(source: string): ParsedTemplate;
}

const templates = new Map<string, ParsedTemplate>();

/**
 * A parsed key template, cached across validation runs (parsing is a pure function of the text, and the UI
 * validates the same templates on every keystroke); the cache is cleared when it grows past 10,000 texts.
 */
export function parsedKeyTemplate(source: string): ParsedTemplate {
  let parsed = templates.get(source);
  if (!parsed) {
    try {
      parsed = { ok: true, template: parseTemplate(source) };
    } catch (error) {
      if (!(error instanceof MonotableError)) throw error;
      parsed = { ok: false, error };
    }
    if (templates.size > 10_000) templates.clear();
    templates.set(source, parsed);
  }
  return parsed;
}

/** What every rule gets: the model, a way to report, and shared caches. */
export class RuleContext implements Reporter {
  readonly diagnostics: Diagnostic[] = [];

  constructor(readonly model: Model) {}

  report(code: string, severity: Severity, path: readonly PathSegment[], message: string, hint?: string): void {
    const diagnostic: Diagnostic = { code, severity, path: formatPath(path), message };
    if (hint) diagnostic.hint = hint;
    this.diagnostics.push(diagnostic);
  }

  template(source: string): ParsedTemplate {
    return parsedKeyTemplate(source);
  }
}

/**
 * An own property of a record, never one inherited from Object.prototype: an attribute or key named
 * "toString" or "constructor" must not find a function.
 */
export function own<T>(record: { readonly [name: string]: T }, name: string): T | undefined {
  return Object.hasOwn(record, name) ? record[name] : undefined;
}

/** A rule reads the model and reports into the context. */
export type Rule = (context: RuleContext) => void;

/** `"a", "b" and "c"`. */
export function listNames(names: readonly string[]): string {
  const quoted = names.map((n) => `"${n}"`);
  return quoted.length <= 1 ? (quoted[0] ?? '') : `${quoted.slice(0, -1).join(', ')} and ${quoted.at(-1)}`;
}
