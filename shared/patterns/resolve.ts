import { MonotableError } from '../errors/monotable-error.js';
import type { AccessPattern, Entity, Model, Parameter, Table } from '../model/schema.js';
import { utf8Length } from '../model/item-size.js';
import { report, type PatternContext } from './pattern-context.js';
import type { ResolvedPattern } from './resolved-pattern.js';
import { baseResolved, resolveGet, resolveQuery, resolveScan } from './resolve-read.js';
import { resolveConditionCheck, resolveDelete, resolvePut, resolveUpdate } from './resolve-write.js';
import { Expressions } from './pattern-context.js';
import { checkPatternFields } from './field-checks.js';

/** DynamoDB's limit on one expression (key condition, filter, projection, update, condition), in UTF-8 bytes. */
export const MAX_EXPRESSION_BYTES = 4096;
const MAX_TRANSACT_ITEMS = 100;

/** Resolves the access pattern with this name (in any table of the model). */
export function resolvePattern(model: Model, patternName: string): ResolvedPattern {
  const at = patternIndex(model).get(patternName);
  if (at) return resolveAt(model, model.tables[at[0]]!, at[0], at[1]);
  const names = model.tables.flatMap((t) => t.accessPatterns.map((p) => p.name));
  throw new MonotableError('NOT_FOUND', `The model has no access pattern "${patternName}".`, {
    hint: names.length
      ? `Known patterns: ${names.slice(0, 20).join(', ')}${names.length > 20 ? ', …' : ''}.`
      : 'The model has no access patterns yet; add one under a table\'s "accessPatterns".',
  });
}

const indexes = new WeakMap<Model, Map<string, [number, number]>>();

/** Pattern name → [table index, pattern index], the first of each name, built once per model object. */
function patternIndex(model: Model): Map<string, [number, number]> {
  let index = indexes.get(model);
  if (!index) {
    index = new Map();
    for (const [ti, table] of model.tables.entries()) {
      for (const [pi, pattern] of table.accessPatterns.entries())
        if (!index.has(pattern.name)) index.set(pattern.name, [ti, pi]);
    }
    indexes.set(model, index);
  }
  return index;
}

const everyPattern = new WeakMap<Model, ResolvedPattern[]>();

/** Every access pattern of every table, in model order (a fresh array; the resolutions are shared, read-only). */
export function resolveAll(model: Model): ResolvedPattern[] {
  let all = everyPattern.get(model);
  if (!all) {
    all = [];
    for (let ti = 0; ti < model.tables.length; ti++) {
      const table = model.tables[ti]!;
      for (let pi = 0; pi < table.accessPatterns.length; pi++) all.push(resolveAt(model, table, ti, pi));
    }
    everyPattern.set(model, all);
  }
  return all.slice();
}

/**
 * Resolutions per model object: validate, the pattern list and every preview resolve the same patterns, so
 * each is resolved once. Models are treated as immutable (an edit makes a new model object), as every
 * per-model cache in shared/ assumes; callers must not mutate a ResolvedPattern.
 */
const resolutions = new WeakMap<Model, (ResolvedPattern | undefined)[][]>();

function resolveAt(model: Model, table: Table, ti: number, pi: number): ResolvedPattern {
  let perModel = resolutions.get(model);
  if (!perModel) resolutions.set(model, (perModel = []));
  const perTable = (perModel[ti] ??= []);
  let resolved = perTable[pi];
  if (!resolved) perTable[pi] = resolved = resolveCached(model, table, ti, pi);
  return resolved;
}

/**
 * Resolutions per pattern object, for the next model after an edit: a resolution reads only the pattern, its
 * position (diagnostic paths), the table's name, keys and indexes, and the entities it names. When all of
 * those are the same objects as last time, so is the result. Not cached when an entity is missing (the
 * finding lists every entity of the table). Checked field by field, without building a list per pattern: the
 * UI checks all 1,000 patterns of a large model at every keystroke.
 */
interface PatternDependencies {
  ti: number;
  pi: number;
  table: TableDependencies;
  entity: Entity;
  /** The entities of the pattern's writes, in order (undefined: no writes). */
  writeEntities: Entity[] | undefined;
  resolved: ResolvedPattern;
}

/** The parts of a table a resolution reads; one object per table object, shared by its patterns' entries. */
interface TableDependencies {
  name: string;
  partitionKey: Table['partitionKey'];
  sortKey: Table['sortKey'];
  globalSecondaryIndexes: Table['globalSecondaryIndexes'];
  localSecondaryIndexes: Table['localSecondaryIndexes'];
}

const byPattern = new WeakMap<AccessPattern, PatternDependencies>();
const byTable = new WeakMap<Table, TableDependencies>();

function tableDependencies(table: Table): TableDependencies {
  let dependencies = byTable.get(table);
  if (!dependencies) {
    const { name, partitionKey, sortKey, globalSecondaryIndexes, localSecondaryIndexes } = table;
    dependencies = { name, partitionKey, sortKey, globalSecondaryIndexes, localSecondaryIndexes };
    byTable.set(table, dependencies);
  }
  return dependencies;
}

function sameTable(d: TableDependencies, table: Table): boolean {
  return (
    d.name === table.name &&
    d.partitionKey === table.partitionKey &&
    d.sortKey === table.sortKey &&
    d.globalSecondaryIndexes === table.globalSecondaryIndexes &&
    d.localSecondaryIndexes === table.localSecondaryIndexes
  );
}

/** The entities of the pattern's writes, in order; undefined when it has none or one is missing. */
function writeEntitiesOf(table: Table, pattern: AccessPattern): Entity[] | undefined {
  const writes = pattern.writes;
  if (!writes?.length) return undefined;
  const entities: Entity[] = [];
  for (let w = 0; w < writes.length; w++) {
    const named = entityNamed(table, writes[w]!.entity);
    if (!named) return undefined;
    entities.push(named);
  }
  return entities;
}

function sameDependencies(
  d: PatternDependencies,
  table: Table,
  ti: number,
  pi: number,
  pattern: AccessPattern,
): boolean {
  if (d.ti !== ti || d.pi !== pi || !sameTable(d.table, table) || d.entity !== entityNamed(table, pattern.entity))
    return false;
  const writes = pattern.writes ?? [];
  const before = d.writeEntities ?? [];
  if (before.length !== writes.length) return false;
  for (let w = 0; w < writes.length; w++) if (before[w] !== entityNamed(table, writes[w]!.entity)) return false;
  return true;
}

function resolveCached(model: Model, table: Table, ti: number, pi: number): ResolvedPattern {
  const pattern = table.accessPatterns[pi]!;
  const hit = byPattern.get(pattern);
  if (hit && sameDependencies(hit, table, ti, pi, pattern)) return hit.resolved;
  const entity = entityNamed(table, pattern.entity);
  const resolved = resolveFresh(model, table, pattern, entity, `$.tables[${ti}].accessPatterns[${pi}]`);
  const writeEntities = writeEntitiesOf(table, pattern);
  if (entity && (writeEntities || !pattern.writes?.length)) {
    byPattern.set(pattern, { ti, pi, table: tableDependencies(table), entity, writeEntities, resolved });
  }
  return resolved;
}

const entityNames = new WeakMap<readonly Entity[], Map<string, Entity>>();

/** The first entity of the table with this name (a map per entities array, not a search per pattern). */
function entityNamed(table: Table, name: string): Entity | undefined {
  let byName = entityNames.get(table.entities);
  if (!byName) {
    byName = new Map();
    for (const entity of table.entities) if (!byName.has(entity.name)) byName.set(entity.name, entity);
    entityNames.set(table.entities, byName);
  }
  return byName.get(name);
}

function resolveFresh(
  model: Model,
  table: Table,
  pattern: AccessPattern,
  entity: Entity | undefined,
  path: string,
): ResolvedPattern {
  const ctx = contextFor(model, table, pattern, entity, path, [], new Set());
  const resolved = resolveKind(ctx);
  checkPatternFields(ctx, resolved);
  checkParameters(ctx);
  return resolved;
}

/** The context for a pattern (or one write of a transaction) and its entity, entityNamed(table, pattern.entity). */
function contextFor(
  model: Model,
  table: Table,
  pattern: AccessPattern,
  entity: Entity | undefined,
  path: string,
  diagnostics: PatternContext['diagnostics'],
  used: Set<string>,
): PatternContext {
  const ctx: PatternContext = { model, table, pattern, entity, path, diagnostics, used };
  if (!entity) {
    const names = table.entities.map((e) => e.name);
    report(
      ctx,
      'error',
      'pattern-unknown-entity',
      '.entity',
      `table "${table.name}" has no entity "${pattern.entity}".`,
      names.length ? `Use one of: ${names.join(', ')}.` : 'Add the entity to the table first.',
    );
  }
  return ctx;
}

function resolveKind(ctx: PatternContext): ResolvedPattern {
  if (!ctx.entity && ctx.pattern.kind !== 'transact-write') {
    const resolved = baseResolved(ctx, new Expressions(), OPERATION_OF[ctx.pattern.kind]);
    resolved.summary = `Unresolved: entity "${ctx.pattern.entity}" does not exist in table ${ctx.table.name}`;
    return resolved;
  }
  const resolved = resolveKnownKind(ctx);
  checkExpressionSizes(ctx, resolved);
  return resolved;
}

const OPERATION_OF = {
  get: 'GetItem',
  'batch-get': 'BatchGetItem',
  query: 'Query',
  scan: 'Scan',
  put: 'PutItem',
  update: 'UpdateItem',
  delete: 'DeleteItem',
  'transact-write': 'TransactWriteItems',
} as const satisfies Record<AccessPattern['kind'], ResolvedPattern['operation']>;

function resolveKnownKind(ctx: PatternContext): ResolvedPattern {
  switch (ctx.pattern.kind) {
    case 'get':
      return resolveGet(ctx, 'GetItem');
    case 'batch-get':
      return resolveGet(ctx, 'BatchGetItem');
    case 'query':
      return resolveQuery(ctx);
    case 'scan':
      return resolveScan(ctx);
    case 'put':
      return resolvePut(ctx);
    case 'update':
      return resolveUpdate(ctx);
    case 'delete':
      return resolveDelete(ctx);
    case 'transact-write':
      return resolveTransact(ctx);
  }
}

/** TransactWriteItems: each write resolved on its own entity, sharing the pattern's parameters. */
function resolveTransact(ctx: PatternContext): ResolvedPattern {
  const resolved = baseResolved(ctx, new Expressions(), 'TransactWriteItems');
  const writes = ctx.pattern.writes ?? [];
  if (!writes.length) {
    report(
      ctx,
      'error',
      'pattern-transact-without-writes',
      '.writes',
      'a transact-write pattern must list its writes.',
      'Add "writes": [{ "kind": "put", "entity": "..." }, ...].',
    );
  }
  if (writes.length > MAX_TRANSACT_ITEMS) {
    report(
      ctx,
      'error',
      'pattern-transact-too-many',
      '.writes',
      `${writes.length} writes; a transaction holds at most ${MAX_TRANSACT_ITEMS} items.`,
      'Split the writes over several transactions.',
    );
  }
  resolved.transactItems = writes.map((write, i) => {
    const sub: AccessPattern = {
      ...ctx.pattern,
      entity: write.entity,
      kind: write.kind === 'condition-check' ? 'get' : write.kind,
      ...(write.set !== undefined ? { set: write.set } : { set: undefined }),
    };
    const subCtx = contextFor(
      ctx.model,
      ctx.table,
      sub,
      entityNamed(ctx.table, sub.entity),
      `${ctx.path}.writes[${i}]`,
      ctx.diagnostics,
      ctx.used,
    );
    if (!subCtx.entity) {
      const unresolved = baseResolved(subCtx, new Expressions(), 'GetItem');
      unresolved.summary = `Unresolved: entity "${write.entity}" does not exist`;
      return unresolved;
    }
    const item =
      write.kind === 'put'
        ? resolvePut(subCtx)
        : write.kind === 'update'
          ? resolveUpdate(subCtx)
          : write.kind === 'delete'
            ? resolveDelete(subCtx)
            : resolveConditionCheck(subCtx);
    checkExpressionSizes(subCtx, item);
    return item;
  });
  resolved.summary = `TransactWriteItems ${ctx.table.name}: ${(resolved.transactItems ?? []).map((t) => t.summary).join('; ') || '(no writes)'}`;
  return resolved;
}

/** Named reads, not a loop over field names: a keyed read per field costs more while the code is interpreted. */
function checkExpressionSizes(ctx: PatternContext, resolved: ResolvedPattern): void {
  checkExpressionSize(ctx, 'keyConditionExpression', resolved.keyConditionExpression);
  checkExpressionSize(ctx, 'filterExpression', resolved.filterExpression);
  checkExpressionSize(ctx, 'projectionExpression', resolved.projectionExpression);
  checkExpressionSize(ctx, 'updateExpression', resolved.updateExpression);
  checkExpressionSize(ctx, 'conditionExpression', resolved.conditionExpression);
}

function checkExpressionSize(ctx: PatternContext, field: string, text: string | undefined): void {
  // A UTF-16 code unit is at most 3 UTF-8 bytes: short expressions need no byte count.
  if (text === undefined || text.length * 3 <= MAX_EXPRESSION_BYTES || utf8Length(text) <= MAX_EXPRESSION_BYTES) return;
  report(
    ctx,
    'error',
    'pattern-expression-too-long',
    '',
    `its ${field} is ${utf8Length(text)} bytes; DynamoDB allows ${MAX_EXPRESSION_BYTES}.`,
    'Split the pattern, or shorten the filter, projection or set lists.',
  );
}

/** Parameters used by templates must be declared; declared ones should be used. */
function checkParameters(ctx: PatternContext): void {
  const { parameters } = ctx.pattern;
  for (const name of ctx.used) {
    if (isDeclared(parameters, name)) continue;
    report(
      ctx,
      'error',
      'pattern-undeclared-parameter',
      '.parameters',
      `uses the parameter "${name}" but does not declare it.`,
      `Add { "name": "${name}" } to the pattern's "parameters".`,
    );
  }
  for (let i = 0; i < parameters.length; i++) {
    const parameter = parameters[i]!;
    if (ctx.used.has(parameter.name)) continue;
    report(
      ctx,
      'warning',
      'pattern-unused-parameter',
      `.parameters[${i}]`,
      `declares the parameter "${parameter.name}" but nothing uses it.`,
      'Remove it, or use it in the key condition, a filter or "set".',
    );
  }
}

/** A search, not a Set: a pattern declares a handful of parameters. */
function isDeclared(parameters: readonly Parameter[], name: string): boolean {
  for (let i = 0; i < parameters.length; i++) if (parameters[i]!.name === name) return true;
  return false;
}
