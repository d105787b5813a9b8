import type { Diagnostic } from '../model/diagnostic.js';
import type { Entity, Table } from '../model/schema.js';
import {
  parsedKeyTemplate,
  RuleContext,
  type ParsedTemplate,
  type PathSegment,
  type Reporter,
  type Severity,
} from './rule-context.js';

/** One finding as a check reported it, with its path relative to where the check ran (the entity, or an item). */
export interface RecordedReport {
  code: string;
  severity: Severity;
  path: readonly PathSegment[];
  message: string;
  hint: string | undefined;
}

/** A Reporter that keeps the findings, so that they can be cached and replayed below another path. */
export class ReportRecorder implements Reporter {
  readonly reports: RecordedReport[] = [];

  report(code: string, severity: Severity, path: readonly PathSegment[], message: string, hint?: string): void {
    this.reports.push({ code, severity, path, message, hint });
  }

  template(source: string): ParsedTemplate {
    return parsedKeyTemplate(source);
  }
}

/** The diagnostics last made from a list of recorded reports, and the prefix they were placed below. */
const placed = new WeakMap<readonly RecordedReport[], { prefix: readonly PathSegment[]; diagnostics: Diagnostic[] }>();

function samePrefix(a: readonly PathSegment[], b: readonly PathSegment[]): boolean {
  return a.length === b.length && a.every((segment, i) => segment === b[i]);
}

/**
 * Reports recorded findings into `target`, each path below `prefix`. Into a RuleContext, the diagnostics made from
 * the same recorded reports below the same prefix are the same objects as last time (no path is formatted again
 * for an entity an edit did not touch): diagnostics are read-only values, shared between validations.
 */
export function replay(
  target: Reporter,
  reports: readonly RecordedReport[],
  prefix: readonly PathSegment[],
  from = 0,
  to = reports.length,
): void {
  if (target instanceof RuleContext) {
    let made = placed.get(reports);
    if (!made || !samePrefix(made.prefix, prefix)) {
      const recorder = new RuleContext(target.model);
      for (const { code, severity, path, message, hint } of reports)
        recorder.report(code, severity, [...prefix, ...path], message, hint);
      made = { prefix: [...prefix], diagnostics: recorder.diagnostics };
      placed.set(reports, made);
    }
    for (let r = from; r < to; r++) target.diagnostics.push(made.diagnostics[r]!);
    return;
  }
  for (let r = from; r < to; r++) {
    const { code, severity, path, message, hint } = reports[r]!;
    target.report(code, severity, [...prefix, ...path], message, hint);
  }
}

/**
 * The parts of a table that every per-entity check depends on besides the entity: the key attributes of the
 * table and its indexes (names, types, projections). Compared by identity: an immutable edit of any of them
 * makes a new object, and so a cache miss.
 */
export function tableKeyDependencies(table: Table): readonly unknown[] {
  return [table.partitionKey, table.sortKey, table.globalSecondaryIndexes, table.localSecondaryIndexes];
}

function sameDependencies(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/**
 * A per-entity result cached by a part of the entity (its sample-item array, its keys) and the other objects
 * it depends on. Models are immutable (an edit makes new objects for what it changes), so when all of them
 * survive an edit the findings are the same; anything else is computed again.
 */
export class EntityCache<T> {
  private readonly entries = new WeakMap<object, { dependencies: readonly unknown[]; value: T }>();

  get(key: object, dependencies: readonly unknown[], compute: () => T): T {
    const hit = this.entries.get(key);
    if (hit && sameDependencies(hit.dependencies, dependencies)) return hit.value;
    return this.set(key, dependencies, compute());
  }

  /** Records `value` for the key and dependencies (replacing what was there); returns it. */
  set(key: object, dependencies: readonly unknown[], value: T): T {
    this.entries.set(key, { dependencies, value });
    return value;
  }
}

/** What the checks of one entity read from it besides the part the cache is keyed by: its name, keys, attributes, type attribute. */
export function entityDependencies(entity: Entity): unknown[] {
  return [entity.name, entity.keys, entity.attributes, entity.typeAttribute];
}
