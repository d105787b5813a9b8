import { tableFacts } from './table-facts.js';
import { describeKey } from './conditions.js';
import { keyType, primaryKeySpecs } from './key-values.js';
import type { ValueSpec } from './resolved-pattern.js';
import {
  attributeType,
  Expressions,
  literalTemplate,
  parsedTemplate,
  report,
  templateValue,
  type PatternContext,
} from './pattern-context.js';
import type { ResolvedPattern } from './resolved-pattern.js';
import { baseResolved } from './resolve-read.js';

function templateParams(template: string): string[] {
  try {
    return parsedTemplate(template).params;
  } catch {
    return []; // reported where the template is used
  }
}

function keyText(key: Record<string, ValueSpec> | undefined): string {
  return key ? describeKey(key) : '(key incomplete)';
}

/**
 * PutItem: every key template of the entity, the type attribute, and each attribute that is required or given
 * as a parameter of the same name.
 */
export function resolvePut(ctx: PatternContext): ResolvedPattern {
  const ex = new Expressions();
  const resolved = baseResolved(ctx, ex, 'PutItem');
  const entity = ctx.entity!;
  const item: Record<string, ValueSpec> = {};
  const declared = new Set(ctx.pattern.parameters.map((p) => p.name));
  const primary = new Set(tableFacts(ctx.table).primaryKeyNames);
  for (const [attribute, template] of Object.entries(entity.keys)) {
    const missing = primary.has(attribute) ? [] : templateParams(template).filter((p) => !declared.has(p));
    if (missing.length) {
      report(
        ctx,
        'info',
        'pattern-put-skips-index-key',
        '.parameters',
        `the item gets no "${attribute}" (so it stays out of the sparse index keyed on it) because ${missing.map((m) => `"${m}"`).join(', ')} is not a parameter.`,
        `Declare ${missing.map((m) => `"${m}"`).join(', ')} to put the item in that index.`,
      );
      continue;
    }
    item[attribute] = templateValue(ctx, template, keyType(ctx, attribute), '.entity');
  }
  if (entity.typeAttribute)
    item[entity.typeAttribute.name] = { template: literalTemplate(entity.typeAttribute.value), type: 'S' };
  for (const attribute of entity.attributes) {
    if (attribute.name in item || !(attribute.required || declared.has(attribute.name))) continue;
    item[attribute.name] = templateValue(ctx, `{${literalTemplate(attribute.name)}}`, attribute.type, '.parameters');
  }
  resolved.item = item;
  const missingKeys = tableFacts(ctx.table).primaryKeyNames.filter((name) => !(name in item));
  if (missingKeys.length) {
    report(
      ctx,
      'error',
      'pattern-missing-key-template',
      '.entity',
      `entity "${entity.name}" has no template for the table key ${missingKeys.join(', ')}.`,
      `Add ${missingKeys.map((k) => `"${k}"`).join(' and ')} to the entity's "keys".`,
    );
  }
  if (ctx.pattern.ifNotExists) resolved.conditionExpression = keyCondition(ctx, ex, 'attribute_not_exists');
  resolved.summary = `PutItem ${ctx.table.name}: ${entity.name} with ${Object.keys(item).join(', ')}${ctx.pattern.ifNotExists ? ', only if no item has its key' : ''}`;
  return resolved;
}

/** `attribute_exists(#c0)` on the partition key: the item with the request's key exists (or not). */
function keyCondition(
  ctx: PatternContext,
  ex: Expressions,
  operator: 'attribute_exists' | 'attribute_not_exists',
): string {
  return `${operator}(${ex.name(ctx.table.partitionKey.name, 'c')})`;
}

/**
 * UpdateItem: SET each listed attribute from the parameter of the same name, on an item that exists
 * (`attribute_exists` on the key, unless the pattern upserts). With `moveFrom`, the item moves to a new key instead.
 */
export function resolveUpdate(ctx: PatternContext): ResolvedPattern {
  if (ctx.pattern.moveFrom !== undefined) return resolveMove(ctx);
  const ex = new Expressions();
  const resolved = baseResolved(ctx, ex, 'UpdateItem');
  const key = primaryKeySpecs(ctx);
  if (key) resolved.key = key;
  const set = ctx.pattern.set ?? [];
  if (!set.length) {
    report(
      ctx,
      'error',
      'pattern-update-without-set',
      '.set',
      'an update pattern must list the attributes it sets.',
      'Add "set": ["attribute", ...]; each attribute takes the value of the parameter with the same name.',
    );
  }
  const keys = new Set(tableFacts(ctx.table).primaryKeyNames);
  const assignments: string[] = [];
  set.forEach((attribute, i) => {
    if (keys.has(attribute)) {
      report(
        ctx,
        'error',
        'pattern-update-key-attribute',
        `.set[${i}]`,
        `"${attribute}" is part of the table's primary key, which UpdateItem cannot change.`,
        'Delete the item and put it again with the new key (a transact-write does both at once).',
      );
      return;
    }
    const type = attributeType(ctx, attribute);
    if (!type) {
      report(
        ctx,
        'error',
        'pattern-unknown-attribute',
        `.set[${i}]`,
        `entity "${ctx.pattern.entity}" has no attribute "${attribute}".`,
        `Add "${attribute}" to the entity's attributes, or remove it from "set".`,
      );
    }
    const value = templateValue(ctx, `{${literalTemplate(attribute)}}`, type ?? 'S', `.set[${i}]`);
    assignments.push(`${ex.name(attribute, 's')} = ${ex.value(value)}`);
    warnStaleIndexKeys(ctx, attribute, i);
  });
  if (assignments.length) resolved.updateExpression = `SET ${assignments.join(', ')}`;
  if (!ctx.pattern.upsert) resolved.conditionExpression = keyCondition(ctx, ex, 'attribute_exists');
  resolved.summary = `UpdateItem ${ctx.table.name} where ${keyText(key)}${ctx.pattern.upsert ? ' (created if missing)' : ' (must exist)'}: set ${set.join(', ') || '(nothing)'}`;
  return resolved;
}

/** An index key built from an updated attribute keeps its old value unless it is set too. */
function warnStaleIndexKeys(ctx: PatternContext, attribute: string, i: number): void {
  const set = new Set(ctx.pattern.set ?? []);
  for (const [keyName, template] of Object.entries(ctx.entity?.keys ?? {})) {
    if (keyName === attribute || set.has(keyName) || !template.includes(`{${attribute}}`)) continue;
    report(
      ctx,
      'warning',
      'pattern-stale-index-key',
      `.set[${i}]`,
      `the key "${keyName}" is built from "${attribute}" (template "${template}") but is not updated, so it keeps the old value.`,
      `Add "${keyName}" to "set" with a parameter of that name, or do not change "${attribute}" in place.`,
    );
  }
}

export function resolveDelete(ctx: PatternContext): ResolvedPattern {
  const resolved = baseResolved(ctx, new Expressions(), 'DeleteItem');
  const key = primaryKeySpecs(ctx);
  if (key) resolved.key = key;
  resolved.summary = `DeleteItem ${ctx.table.name} where ${keyText(key)}`;
  return resolved;
}

/**
 * A ConditionCheck inside a transaction: the item must exist. It is carried as operation GetItem with
 * `conditionExpression` set (the operation list has no ConditionCheck); buildRequest writes it as ConditionCheck.
 */
export function resolveConditionCheck(ctx: PatternContext): ResolvedPattern {
  const ex = new Expressions();
  const resolved = baseResolved(ctx, ex, 'GetItem');
  const key = primaryKeySpecs(ctx);
  if (key) resolved.key = key;
  resolved.conditionExpression = `attribute_exists(${ex.name(ctx.table.partitionKey.name, 'c')})`;
  resolved.summary = `ConditionCheck ${ctx.table.name} where ${keyText(key)} exists`;
  return resolved;
}

/** A key template with some parameters renamed: `{last_message_at}#{id}` → `{previous_last_message_at}#{id}`. */
function renameParams(source: string, renames: Record<string, string>): string {
  try {
    return parsedTemplate(source)
      .segments.map((segment) =>
        segment.kind === 'literal'
          ? literalTemplate(segment.text)
          : `{${Object.hasOwn(renames, segment.name) ? renames[segment.name] : segment.name}}`,
      )
      .join('');
  } catch {
    return source; // the template error is reported where the template is used
  }
}

/**
 * A key change, which DynamoDB cannot do in place: TransactWriteItems with a Delete of the row at its current key
 * (the `moveFrom` parameters in the key templates; it must exist) and a Put of the whole row at the new key (it
 * must not exist), so a reader never sees both rows or neither.
 */
function resolveMove(ctx: PatternContext): ResolvedPattern {
  const resolved = baseResolved(ctx, new Expressions(), 'TransactWriteItems');
  const moveFrom = ctx.pattern.moveFrom ?? {};
  const entity = ctx.entity!;
  const primary = tableFacts(ctx.table).primaryKeyNames;
  const keyParams = new Set(primary.flatMap((k) => templateParams(entity.keys[k] ?? '')));
  for (const [attribute, parameter] of Object.entries(moveFrom)) {
    if (!keyParams.has(attribute)) {
      report(
        ctx,
        'error',
        'pattern-move-not-key',
        `.moveFrom.${attribute}`,
        `"${attribute}" is not part of the primary key templates of "${entity.name}" (${primary.map((k) => `${k}: "${entity.keys[k] ?? ''}"`).join(', ')}), so the row does not move when it changes.`,
        `Name an attribute of the key templates, or use "set" to change "${attribute}" in place.`,
      );
    }
    if (parameter === attribute) {
      report(
        ctx,
        'error',
        'pattern-move-same-parameter',
        `.moveFrom.${attribute}`,
        `the current value of "${attribute}" must come from another parameter than its new value.`,
        `Use a parameter such as "previous_${attribute}".`,
      );
    }
  }
  if (ctx.pattern.set !== undefined) {
    report(
      ctx,
      'warning',
      'pattern-move-ignores-set',
      '.set',
      'a pattern with moveFrom puts the whole row at its new key; "set" is not used.',
      'Remove "set": every required attribute and every parameter of the same name is written.',
    );
  }
  const deleteCtx: PatternContext = { ...ctx, path: ctx.path };
  const ex = new Expressions();
  const del = baseResolved(deleteCtx, ex, 'DeleteItem');
  del.kind = 'delete';
  const oldKey: Record<string, ValueSpec> = {};
  for (const name of primary) {
    const template = entity.keys[name];
    if (template === undefined) continue; // reported by the put
    oldKey[name] = templateValue(ctx, renameParams(template, moveFrom), keyType(ctx, name), '.moveFrom');
  }
  del.key = oldKey;
  del.conditionExpression = keyCondition(ctx, ex, 'attribute_exists');
  del.summary = `Delete ${ctx.table.name} where ${keyText(oldKey)} (must exist)`;
  const put = resolvePut({ ...ctx, pattern: { ...ctx.pattern, kind: 'put', ifNotExists: true } });
  put.kind = 'put';
  resolved.transactItems = [del, put];
  resolved.summary = `TransactWriteItems ${ctx.table.name}: move ${entity.name} from ${keyText(oldKey)} to ${keyText(
    Object.fromEntries(primary.flatMap((k) => (put.item?.[k] ? [[k, put.item[k]]] : []))),
  )} (Delete + Put)`;
  return resolved;
}
