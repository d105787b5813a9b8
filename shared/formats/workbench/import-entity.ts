import { ATTRIBUTE_TYPES, typeOf, type AttributeTypeName, type Item } from '../../model/attribute-value.js';
import type { Attribute, Entity, KeyAttribute } from '../../model/schema.js';
import type { Diagnostic } from '../../model/diagnostic.js';
import { tryParseTemplate } from '../../keys/template.js';
import { deriveKeyTemplate } from './key-templates.js';

/** What an entity is built from: a facet, or the table-level items that belong to no facet. */
export interface EntitySource {
  name: string;
  description?: string;
  /** JSON path of the facet (or table) in the Workbench file, for notes. */
  path: string;
  items: Item[];
  /** Attribute names the facet declares (its NonKeyAttributes). */
  declared: string[];
  partitionAlias?: string;
  sortAlias?: string;
}

export interface TableShape {
  name: string;
  partitionKey: KeyAttribute;
  sortKey: KeyAttribute | undefined;
  /** Secondary-index key attributes that are not table keys. */
  indexKeys: KeyAttribute[];
  /** Types from the table's NonKeyAttributes list (first declaration of a name wins). */
  declaredTypes: ReadonlyMap<string, AttributeTypeName>;
}

function attributeType(
  name: string,
  shape: TableShape,
  keyTypes: ReadonlyMap<string, AttributeTypeName>,
  items: Item[],
  source: EntitySource,
  notes: Diagnostic[],
): AttributeTypeName {
  const keyType = keyTypes.get(name);
  if (keyType) return keyType;
  const seen = new Map<AttributeTypeName, number>();
  for (const item of items) {
    const value = item[name];
    if (value) seen.set(typeOf(value), (seen.get(typeOf(value)) ?? 0) + 1);
  }
  const declared = shape.declaredTypes.get(name);
  if (declared && (seen.size === 0 || seen.has(declared))) return declared;
  const [sampleType] = [...seen.entries()].sort((a, b) => b[1] - a[1])[0] ?? [];
  if (declared && sampleType) {
    notes.push({
      code: 'workbench-attribute-type',
      severity: 'info',
      path: source.path,
      message: `Attribute "${name}" of "${source.name}" is declared ${declared} but its sample values are ${sampleType}; typed as ${sampleType}.`,
    });
  }
  return sampleType ?? 'S';
}

/**
 * One entity: key templates for the table keys (from the facet's aliases where they provably are templates,
 * see key-templates.ts) and for each index key the entity's items carry, and every attribute the facet
 * declares or its items hold, typed from the table's list (or the samples), required when every item has it.
 */
export function buildEntity(source: EntitySource, shape: TableShape, notes: Diagnostic[]): Entity {
  const { items } = source;
  const keys: Record<string, string> = {};
  const params: string[] = [];
  const keyTypes = new Map<string, AttributeTypeName>();
  const tableKeys: [KeyAttribute, string | undefined][] = [[shape.partitionKey, source.partitionAlias]];
  if (shape.sortKey) tableKeys.push([shape.sortKey, source.sortAlias]);
  const inIndex = shape.indexKeys.filter(
    (k) => source.declared.includes(k.name) || items.some((item) => k.name in item),
  );
  const unadopted: string[] = [];
  const adopted: string[] = [];
  for (const [key, alias] of [...tableKeys, ...inIndex.map((k): [KeyAttribute, undefined] => [k, undefined])]) {
    keyTypes.set(key.name, key.type);
    const derived = deriveKeyTemplate(key, alias, items, source.declared);
    keys[key.name] = derived.template;
    if (!isTemplate(derived.template)) {
      notes.push({
        code: 'workbench-key-name',
        severity: 'warning',
        path: source.path,
        message: `Key attribute "${key.name}" cannot be written as a template parameter ({${key.name}}): parameter names use letters, digits, _ . - #.`,
        hint: 'Rename the key attribute in the model (and its sample items) to fix the key template.',
      });
    }
    params.push(...derived.params);
    if (alias && alias !== key.name && derived.source !== 'alias') unadopted.push(`${key.name} "${alias}"`);
    if (derived.source !== 'natural')
      adopted.push(
        `${key.name} = ${derived.template} (from its ${derived.source === 'alias' ? 'facet label' : 'attribute name'})`,
      );
  }
  if (adopted.length > 0) {
    notes.push({
      code: 'workbench-key-template',
      severity: 'info',
      path: source.path,
      message: `"${source.name}": key templates ${adopted.join(', ')}; every sample key matches them.`,
    });
  }
  if (unadopted.length > 0) {
    notes.push({
      code: 'workbench-key-alias',
      severity: 'info',
      path: source.path,
      message: `Facet "${source.name}" labels its keys ${unadopted.join(', ')}; the labels do not reproduce the sample keys, so the keys are imported as they are stored.`,
      hint: 'Write a key template such as ITEMS#{item_id} in the model and give the items that attribute.',
    });
  }
  const templated = new Set(Object.keys(keys).filter((k) => !params.includes(k)));
  const names: string[] = [];
  const add = (name: string): void => {
    if (!templated.has(name) && !names.includes(name)) names.push(name);
  };
  params.forEach(add);
  source.declared.forEach(add);
  for (const item of items) Object.keys(item).forEach(add);
  const attributes: Attribute[] = names.map((name) => ({
    name,
    type: attributeType(name, shape, keyTypes, items, source, notes),
    required: items.length > 0 && items.every((item) => name in item),
  }));
  const entity: Entity = { name: source.name, keys, attributes };
  const description =
    unadopted.length > 0
      ? `${source.description ?? ''} Workbench key labels: ${unadopted.join(', ')}.`.trim()
      : source.description;
  if (description) entity.description = description;
  if (items.length > 0) entity.sampleItems = items;
  return entity;
}

function isTemplate(source: string): boolean {
  return tryParseTemplate(source) !== undefined;
}

export function isAttributeType(value: unknown): value is AttributeTypeName {
  return typeof value === 'string' && (ATTRIBUTE_TYPES as readonly string[]).includes(value);
}
