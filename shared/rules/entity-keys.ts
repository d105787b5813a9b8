import { isBareParameter, isConstant, type KeyTemplate } from '../keys/template.js';
import { checkDynamoNumber } from '../model/numbers.js';
import type { Attribute, Entity, Table } from '../model/schema.js';
import { keyInfo, type KeyInfo } from './key-info.js';
import {
  EntityCache,
  entityDependencies,
  ReportRecorder,
  replay,
  tableKeyDependencies,
  type RecordedReport,
} from './entity-cache.js';
import { own, type PathSegment, type Reporter, type RuleContext } from './rule-context.js';
import { isBase64 } from './sample-values.js';
import { didYouMean } from './suggest.js';

const S_KEY_PARAM_TYPES = new Set(['S', 'N', 'B']);

/** A constant N or B key (`0` for a metadata row) is fine when the text is a valid number or base64. */
function isConstantOfType(source: string, template: KeyTemplate, type: string): boolean {
  if (!isConstant(template) || source === '') return false;
  return type === 'N' ? checkDynamoNumber(source) === undefined : isBase64(source);
}

function checkTemplate(
  context: Reporter,
  entity: Entity,
  key: KeyInfo,
  source: string,
  path: PathSegment[],
  attributes: Map<string, Attribute>,
): void {
  if (source === '') {
    context.report(
      'key-template-empty',
      'error',
      path,
      `Entity "${entity.name}", key "${key.name}": the template is empty, so every item gets an empty key, which DynamoDB refuses.`,
      `Write a template such as "${entity.name.toUpperCase()}#{id}"; to leave the entity out of a sparse index, remove the key instead.`,
    );
    return;
  }
  const parsed = context.template(source);
  if (!parsed.ok) {
    context.report(
      'template-syntax',
      'error',
      path,
      `Entity "${entity.name}", key "${key.name}": ${parsed.error.message}`,
      parsed.error.details.hint ?? 'Write literals and {attribute} parameters, e.g. USER#{user_id}.',
    );
    return;
  }
  const template = parsed.template;
  for (const param of template.params) {
    const attribute = attributes.get(param);
    if (!attribute) {
      context.report(
        'template-param-unknown',
        'error',
        path,
        `The template "${source}" of entity "${entity.name}" uses {${param}}, which is not an attribute of "${entity.name}".${didYouMean(param, [...attributes.keys()])}`,
        `Add an attribute "${param}" to the entity, or fix the parameter name.`,
      );
      continue;
    }
    if (key.type === 'S' && !S_KEY_PARAM_TYPES.has(attribute.type)) {
      context.report(
        'template-key-type',
        'error',
        path,
        `Key "${key.name}" is a string (S) key, but its template uses {${param}} of type ${attribute.type}, which cannot be written into a key.`,
        `Use an S, N or B attribute in the template, or change the type of "${param}".`,
      );
    }
    if (key.type !== 'S' && attribute.type !== key.type) {
      context.report(
        'template-key-type',
        'error',
        path,
        `Key "${key.name}" has type ${key.type}, but its template uses {${param}} of type ${attribute.type}.`,
        `Give "${param}" the type ${key.type}, or make the key attribute type S.`,
      );
    }
  }
  if (key.type !== 'S' && !isBareParameter(template) && !isConstantOfType(source, template, key.type)) {
    context.report(
      'template-key-type',
      'error',
      path,
      `Key "${key.name}" has type ${key.type}, but the template "${source}" adds literal text or several parameters, so it yields a string.`,
      `A ${key.type === 'N' ? 'number' : 'binary'} key template must be a single parameter such as {score} or a constant ${key.type === 'N' ? 'number such as 0' : 'base64 value'}; or make the key attribute type S.`,
    );
  }
  const own = attributes.get(key.name);
  if (own && !(template.params.length === 1 && isBareParameter(template) && template.params[0] === key.name)) {
    context.report(
      'key-attribute-conflict',
      'error',
      path,
      `Entity "${entity.name}" declares an attribute "${key.name}" and also a key template "${source}" for the key attribute of the same name: the key would overwrite the attribute.`,
      `Use the template {${key.name}} for this key, or rename the attribute.`,
    );
  }
  if (key.tableKey) {
    for (const param of template.params) {
      if (attributes.get(param)?.required === false) {
        context.report(
          'key-param-optional',
          'warning',
          path,
          `The table key "${key.name}" of entity "${entity.name}" is built from {${param}}, which is marked not required; an item without it has no key.`,
          `Mark "${param}" as required.`,
        );
      }
    }
  }
}

function checkEntityKeys(
  context: Reporter,
  table: Table,
  entity: Entity,
  path: PathSegment[],
  keys: Map<string, KeyInfo>,
): void {
  const attributes = new Map(entity.attributes.map((a) => [a.name, a]));
  for (const key of [table.partitionKey, table.sortKey]) {
    if (key && own(entity.keys, key.name) === undefined) {
      context.report(
        'entity-key-template-missing',
        'error',
        [...path, 'keys'],
        `Entity "${entity.name}" has no template for the table key "${key.name}"; every item needs it.`,
        `Add "${key.name}": "<TEMPLATE>" to keys, e.g. "${entity.name.toUpperCase()}#{id}".`,
      );
    }
  }
  for (const [name, source] of Object.entries(entity.keys)) {
    const keyPath = [...path, 'keys', name];
    const key = keys.get(name);
    if (!key) {
      context.report(
        'entity-key-unknown',
        'error',
        keyPath,
        `Entity "${entity.name}" has a template for "${name}", which is not a key of table "${table.name}" or of its indexes.${didYouMean(name, [...keys.keys()])}`,
        'Remove it, fix the name, or add an index with this key attribute.',
      );
      continue;
    }
    checkTemplate(context, entity, key, source, keyPath, attributes);
  }
  if (entity.typeAttribute) {
    const typePath = [...path, 'typeAttribute', 'name'];
    const clash = entity.typeAttribute.name;
    if (keys.has(clash)) {
      context.report(
        'type-attribute-clash',
        'error',
        typePath,
        `The type attribute "${clash}" of entity "${entity.name}" is a key attribute of table "${table.name}".`,
        'Use another name for the type attribute, e.g. "_type".',
      );
    } else if (attributes.has(clash)) {
      context.report(
        'type-attribute-clash',
        'error',
        typePath,
        `The type attribute "${clash}" of entity "${entity.name}" is also one of its attributes, so its constant would overwrite the attribute's values.`,
        'Rename the attribute or the type attribute.',
      );
    }
  }
}

/** Per entity keys object, its other parts, the table's name and keys: an edit elsewhere does not check it again. */
const keysCache = new EntityCache<RecordedReport[]>();

/** Every entity's key templates against the table's keys and the entity's attributes. */
export function checkKeyTemplates(context: RuleContext): void {
  context.model.tables.forEach((table, t) => {
    let keys: Map<string, KeyInfo> | undefined;
    table.entities.forEach((entity, e) => {
      const reports = keysCache.get(
        entity.keys,
        [table.name, ...tableKeyDependencies(table), ...entityDependencies(entity)],
        () => {
          const recorder = new ReportRecorder();
          checkEntityKeys(recorder, table, entity, [], (keys ??= keyInfo(table)));
          return recorder.reports;
        },
      );
      replay(context, reports, ['tables', t, 'entities', e]);
    });
  });
}
