import type { AttributeValue, Item } from '../model/attribute-value.js';
import type { Model } from '../model/schema.js';
import { itemSize } from '../model/item-size.js';
import { readUnits, type ReadConsistency } from '../model/units.js';
import { MonotableError } from '../errors/monotable-error.js';
import type { OperationRequest } from '../patterns/resolved-pattern.js';
import { keyText, valuesEqual } from '../model/compare-values.js';
import { sortKeyRange } from './sort-key-range.js';
import { normalizeNumbers } from './normalize-numbers.js';
import { evaluateCondition, pathHeads, type ExpressionValues } from './evaluate-condition.js';
import { applyProjection } from './projection.js';
import {
  parseCondition,
  parseProjection,
  parseSetExpression,
  type ConditionNode,
  type PathSegment,
} from './expression-parser.js';
import { viewData, type IndexEntry, type ViewData } from './table-data.js';

/** What a request returns over the model's sample items. */
export interface EvaluationResult {
  items: Item[];
  /** Items read before the filter (what Query and Scan are charged for). */
  scannedCount: number;
  count: number;
  lastEvaluatedKey?: Item;
  /** Read units this request consumes over these items (4 KB rounding of the data read; 0 for writes). */
  readUnits: number;
}

const PAGE_BYTES = 1024 * 1024;

type Input = Record<string, unknown>;
const names = (input: Input): Record<string, string> =>
  (input['ExpressionAttributeNames'] as Record<string, string> | undefined) ?? {};
const values = (input: Input): ExpressionValues =>
  (input['ExpressionAttributeValues'] as ExpressionValues | undefined) ?? {};
const text = (input: Input, field: string): string | undefined => input[field] as string | undefined;

/** Evaluates a low-level request over the sample items with DynamoDB semantics (reads); writes return the items they would write. */
export function evaluateRequest(model: Model, request: OperationRequest): EvaluationResult {
  const result = evaluate(model, request);
  result.items = result.items.map(normalizeNumbers);
  if (result.lastEvaluatedKey) result.lastEvaluatedKey = normalizeNumbers(result.lastEvaluatedKey);
  return result;
}

function evaluate(model: Model, request: OperationRequest): EvaluationResult {
  const input = request.input;
  switch (request.operation) {
    case 'Query':
      return readIndex(model, input, true);
    case 'Scan':
      return readIndex(model, input, false);
    case 'GetItem': {
      const item = getItem(model, input);
      return { ...found(item ? [projectItem(item, input)] : []), readUnits: pointReadUnits(item, input) };
    }
    case 'BatchGetItem': {
      const requests = input['RequestItems'] as Record<string, Input>;
      let units = 0;
      const items = Object.entries(requests).flatMap(([table, r]) =>
        (r['Keys'] as Item[]).flatMap((Key) => {
          const item = getItem(model, { ...r, TableName: table, Key });
          units += pointReadUnits(item, r);
          return item ? [projectItem(item, r)] : [];
        }),
      );
      return { ...found(items), readUnits: units };
    }
    case 'PutItem':
      checkWriteCondition(model, input, 'PutItem');
      return written([input['Item'] as Item]);
    case 'DeleteItem':
      checkWriteCondition(model, input, 'DeleteItem');
      return written([getItem(model, input)].filter((i): i is Item => !!i));
    case 'UpdateItem':
      checkWriteCondition(model, input, 'UpdateItem');
      return written([updateItem(model, input)]);
    case 'TransactWriteItems': {
      const entries = input['TransactItems'] as Record<string, Input>[];
      // All or nothing, like DynamoDB: every condition is checked before anything is shown as written.
      entries.forEach((entry, i) => {
        const [kind, body] = Object.entries(entry)[0]!;
        checkWriteCondition(model, body, `action #${i + 1} (${kind}) of TransactWriteItems`, kind === 'Put');
      });
      return written(
        entries.flatMap((entry) => {
          const [kind, body] = Object.entries(entry)[0]!;
          if (kind === 'Put') return [body['Item'] as Item];
          if (kind === 'Update') return [updateItem(model, body)];
          if (kind === 'Delete') return [getItem(model, body)].filter((i): i is Item => !!i);
          return [];
        }),
      );
    }
  }
}

/**
 * A write's ConditionExpression over the sample item with its key (or none): refused like DynamoDB refuses it, so
 * the preview of an update on a missing item, or of an only-create put on an existing key, says so.
 */
function checkWriteCondition(model: Model, input: Input, what: string, isPut = what === 'PutItem'): void {
  const expression = text(input, 'ConditionExpression');
  if (!expression) return;
  const keyed: Input = isPut ? { ...input, Key: keyOf(model, input) } : input;
  const current = getItem(model, keyed);
  if (evaluateCondition(conditionOf(expression, input), current ?? {}, values(input))) return;
  const key = Object.entries((keyed['Key'] ?? {}) as Item)
    .map(([name, v]) => `${name} ${JSON.stringify(Object.values(v)[0])}`)
    .join(' ');
  throw new MonotableError(
    'CONDITION_FAILED',
    `${what}: the condition ${expression} is not met on the sample items (${current ? 'an item with' : 'no item with'} ${key}).`,
    {
      hint: current
        ? 'The key is taken: use another key, or a pattern that updates the existing item.'
        : 'No sample item has this key: pick key parameters of an existing item, or let the pattern upsert.',
    },
  );
}

/** The primary key of a put's item. */
function keyOf(model: Model, input: Input): Item {
  const view = viewData(model, text(input, 'TableName')!, undefined).view;
  const item = (input['Item'] ?? {}) as Item;
  const key: Item = {};
  for (const name of [view.partitionKey.name, view.sortKey?.name])
    if (name !== undefined && item[name] !== undefined) key[name] = item[name]!;
  return key;
}

function found(items: Item[]): EvaluationResult {
  return { items, scannedCount: items.length, count: items.length, readUnits: 0 };
}
function written(items: Item[]): EvaluationResult {
  return { items, scannedCount: 0, count: items.length, readUnits: 0 };
}

const consistencyOf = (input: Input): ReadConsistency => (input['ConsistentRead'] === true ? 'strong' : 'eventual');

/** A point read is charged on the whole item (not the projection); a miss still costs the minimum. */
function pointReadUnits(item: Item | undefined, input: Input): number {
  return readUnits(item ? itemSize(item) : 0, consistencyOf(input));
}

function getItem(model: Model, input: Input): Item | undefined {
  const view = viewData(model, text(input, 'TableName')!, undefined);
  const key = input['Key'] as Item;
  const entries = view.partitions.get(keyText(key[view.view.partitionKey.name] ?? { S: '' })) ?? [];
  const sortName = view.view.sortKey?.name;
  return entries.find(
    (e) => !sortName || (key[sortName] !== undefined && valuesEqual(e.full[sortName]!, key[sortName]!)),
  )?.full;
}

function updateItem(model: Model, input: Input): Item {
  const item: Item = { ...(getItem(model, input) ?? (input['Key'] as Item)) };
  const expression = text(input, 'UpdateExpression');
  if (!expression) return item;
  for (const { path, value } of parseSetExpression(expression, names(input))) {
    const v = values(input)[value];
    if (!v)
      throw new MonotableError(
        'BAD_INPUT',
        `UpdateExpression uses ${value}, which is not in ExpressionAttributeValues.`,
        { hint: `Add ${value}.` },
      );
    if (path.length !== 1)
      throw new MonotableError('BAD_INPUT', 'Preview updates top-level attributes only.', {
        hint: 'Set a whole attribute.',
      });
    item[path[0] as string] = v;
  }
  return item;
}

function projectItem(item: Item, input: Input): Item {
  const projection = text(input, 'ProjectionExpression');
  return projection ? applyProjection(item, projectionOf(projection, input)) : item;
}

/** Parsed expressions by names and text: every preview of a pattern parses the same ones. Trees are only read. */
const parsedConditions = new Map<string, ConditionNode>();
const parsedProjections = new Map<string, PathSegment[][]>();

/**
 * Text and names, each part length-prefixed so that no two different inputs give the same key; undefined
 * (not cached) when a name is not a string.
 */
function cacheKey(text: string, input: Input): string | undefined {
  let key = `${text.length}:${text}`;
  const aliases = names(input);
  for (const alias of Object.keys(aliases)) {
    const name: unknown = aliases[alias];
    if (typeof name !== 'string') return undefined;
    key += `${alias.length}:${alias}${name.length}:${name}`;
  }
  return key;
}

function cachedParse<T>(
  cache: Map<string, T>,
  text: string,
  input: Input,
  parse: (text: string, names: Record<string, string>) => T,
): T {
  const key = cacheKey(text, input);
  let parsed = key === undefined ? undefined : cache.get(key);
  if (parsed === undefined) {
    parsed = parse(text, names(input));
    if (key !== undefined) {
      if (cache.size > 10_000) cache.clear();
      cache.set(key, parsed);
    }
  }
  return parsed;
}

const conditionOf = (text: string, input: Input): ConditionNode =>
  cachedParse(parsedConditions, text, input, parseCondition);
const projectionOf = (text: string, input: Input): PathSegment[][] =>
  cachedParse(parsedProjections, text, input, parseProjection);

function splitAnd(node: ConditionNode): ConditionNode[] {
  return node.kind === 'and' ? [...splitAnd(node.left), ...splitAnd(node.right)] : [node];
}

function readIndex(model: Model, input: Input, isQuery: boolean): EvaluationResult {
  const view = viewData(model, text(input, 'TableName')!, text(input, 'IndexName'));
  const vals = values(input);
  let entries = isQuery ? queryEntries(view, input, vals) : [...view.partitions.values()].flat();
  // backwards is read from the end, not from a reversed copy (a partition may hold thousands of entries)
  let backwards = isQuery && input['ScanIndexForward'] === false;
  const start = input['ExclusiveStartKey'] as Item | undefined;
  if (start) {
    if (backwards) entries = [...entries].reverse();
    backwards = false;
    entries = afterStartKey(entries, view, start);
  }
  const limit = typeof input['Limit'] === 'number' ? input['Limit'] : Infinity;
  const filterText = text(input, 'FilterExpression');
  const filter = filterText ? conditionOf(filterText, input) : undefined;
  const projection = text(input, 'ProjectionExpression');
  const paths = projection ? projectionOf(projection, input) : undefined;
  // An LSI fetches attributes it does not project from the table (a GSI cannot: they are simply missing).
  const fetches =
    view.view.kind === 'lsi' &&
    !!view.projected &&
    [...(paths ?? []).map((p) => p[0]), ...(filter ? pathHeads(filter) : [])].some(
      (name) => typeof name === 'string' && !view.projected!.has(name),
    );
  const read: IndexEntry[] = [];
  let bytes = 0;
  for (let i = 0; i < entries.length; i++) {
    if (read.length >= limit || bytes >= PAGE_BYTES) break;
    const entry = entries[backwards ? entries.length - 1 - i : i]!;
    read.push(entry);
    bytes += (entry.bytes ??= itemSize(entry.item)) + (fetches ? (entry.fullBytes ??= itemSize(entry.full)) : 0);
  }
  const stopped = read.length >= limit || bytes >= PAGE_BYTES;
  const source = (e: IndexEntry): Item => (fetches ? e.full : e.item);
  const kept = filter ? read.filter((e) => evaluateCondition(filter, source(e), vals)) : read;
  const items = kept.map((e) => (paths ? applyProjection(source(e), paths) : e.item));
  const last = read[read.length - 1];
  const result: EvaluationResult = {
    items,
    scannedCount: read.length,
    count: items.length,
    readUnits: readUnits(bytes, consistencyOf(input)),
  };
  if (stopped && last) result.lastEvaluatedKey = Object.fromEntries(view.keyNames.map((k) => [k, last.full[k]!]));
  return result;
}

function queryEntries(view: ViewData, input: Input, vals: ExpressionValues): IndexEntry[] {
  const expression = text(input, 'KeyConditionExpression');
  if (!expression)
    throw new MonotableError('BAD_INPUT', 'A Query needs a KeyConditionExpression.', {
      hint: 'Give the partition key equality, e.g. "#pk = :pk".',
    });
  const partitionName = view.view.partitionKey.name;
  let partitionValue: AttributeValue | undefined;
  const sortConditions: ConditionNode[] = [];
  for (const part of splitAnd(conditionOf(expression, input))) {
    if (
      part.kind === 'compare' &&
      part.operator === '=' &&
      part.left.kind === 'path' &&
      part.left.path.length === 1 &&
      part.left.path[0] === partitionName &&
      part.right.kind === 'value'
    ) {
      partitionValue = vals[part.right.name];
    } else sortConditions.push(part);
  }
  if (!partitionValue) {
    throw new MonotableError(
      'BAD_INPUT',
      `The key condition "${expression}" does not fix the partition key "${partitionName}" with "=".`,
      { hint: `Add "${partitionName} = :value".` },
    );
  }
  if (!(view.view.partitionKey.type in partitionValue)) {
    throw new MonotableError(
      'BAD_INPUT',
      `The partition key "${partitionName}" is of type ${view.view.partitionKey.type}, but the key condition gives a ${Object.keys(partitionValue)[0]} value.`,
      {
        hint: `Pass a ${view.view.partitionKey.type} value.`,
      },
    );
  }
  let entries = view.partitions.get(keyText(partitionValue)) ?? [];
  const sortName = view.view.sortKey?.name;
  for (const condition of sortConditions) {
    const range = sortName ? sortKeyRange(entries, sortName, condition, vals) : undefined;
    entries = range ?? entries.filter((e) => evaluateCondition(condition, e.full, vals));
  }
  return entries;
}

function afterStartKey(entries: IndexEntry[], view: ViewData, start: Item | undefined): IndexEntry[] {
  if (!start) return entries;
  const at = entries.findIndex((e) =>
    view.keyNames.every((k) => e.full[k] !== undefined && start[k] !== undefined && valuesEqual(e.full[k]!, start[k]!)),
  );
  return at < 0 ? entries : entries.slice(at + 1);
}
