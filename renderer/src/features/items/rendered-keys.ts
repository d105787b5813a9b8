import { formatTemplateValue, renderTemplate, tryParseTemplate } from '../../../../shared/keys/template.js';
import type { AttributeValue, Item } from '../../../../shared/model/attribute-value.js';
import { keyAttributes } from '../../../../shared/model/indexes.js';
import { checkDynamoNumber } from '../../../../shared/model/numbers.js';
import type { Entity, Model, Table } from '../../../../shared/model/schema.js';

/**
 * The key templates drive the views: the Items view and the pattern previews show each sample item with its key
 * attributes as the entity's current templates render them from the item's own attributes, so editing a template
 * moves the items at once. A key whose template needs an attribute the item lacks keeps its stored value. The
 * stored items are not touched; `staleKeys` counts the items whose stored keys differ, for the "update" action.
 *
 * Memoised per entity object (and the table's key definitions), so after an edit only the edited entity's items are
 * rendered again and shared/preview's per-entity caches hold for all the others.
 */

type KeyTypes = ReadonlyMap<string, 'S' | 'N' | 'B'>;

interface RenderedEntity {
  keyTypes: KeyTypes;
  entity: Entity;
  stale: number;
}

const entities = new WeakMap<Entity, RenderedEntity>();
const keyTypeCache = new WeakMap<Table, KeyTypes>();
const models = new WeakMap<Model, { model: Model; stale: StaleKeys[] }>();

export interface StaleKeys {
  table: number;
  entity: number;
  name: string;
  items: number;
}

function keyTypesOf(table: Table): KeyTypes {
  let types = keyTypeCache.get(table);
  if (!types) keyTypeCache.set(table, (types = new Map(keyAttributes(table).map((k) => [k.name, k.type]))));
  return types;
}

function scalar(value: AttributeValue | undefined): string | undefined {
  if (!value) return undefined;
  if ('S' in value) return value.S;
  if ('N' in value) return value.N;
  if ('B' in value) return value.B;
  if ('BOOL' in value) return formatTemplateValue(value.BOOL);
  return undefined;
}

function renderedKey(template: string, item: Item, type: 'S' | 'N' | 'B'): AttributeValue | undefined {
  const parsed = tryParseTemplate(template);
  if (!parsed) return undefined;
  const values: Record<string, string> = {};
  for (const param of parsed.params) {
    const text = scalar(item[param]);
    if (text === undefined) return undefined;
    values[param] = text;
  }
  let text: string;
  try {
    text = renderTemplate(parsed, values);
  } catch {
    return undefined;
  }
  if (type === 'N') return checkDynamoNumber(text) === undefined ? { N: text } : undefined;
  if (type === 'B') return undefined; // binary keys are not rendered from text templates
  return { S: text };
}

function sameScalar(a: AttributeValue | undefined, b: AttributeValue): boolean {
  if (!a) return false;
  if ('S' in a && 'S' in b) return a.S === b.S;
  if ('N' in a && 'N' in b) return a.N === b.N;
  return false;
}

function renderEntity(entity: Entity, keyTypes: KeyTypes): RenderedEntity {
  const hit = entities.get(entity);
  if (hit && hit.keyTypes === keyTypes) return hit;
  const samples = entity.sampleItems ?? [];
  let stale = 0;
  let changedAny = false;
  const items = samples.map((item) => {
    let out: Item | undefined;
    for (const [name, template] of Object.entries(entity.keys)) {
      const type = keyTypes.get(name);
      if (!type) continue;
      const value = renderedKey(template, item, type);
      if (!value || sameScalar(item[name], value)) continue;
      out ??= { ...item };
      out[name] = value;
    }
    if (!out) return item;
    stale++;
    changedAny = true;
    return out;
  });
  const result: RenderedEntity = { keyTypes, entity: changedAny ? { ...entity, sampleItems: items } : entity, stale };
  entities.set(entity, result);
  return result;
}

/** The model with every sample item keyed by its entity's current templates, and the entities whose stored keys differ. */
export function renderedModel(model: Model): { model: Model; stale: StaleKeys[] } {
  const hit = models.get(model);
  if (hit) return hit;
  const stale: StaleKeys[] = [];
  let changed = false;
  const tables = model.tables.map((table, ti) => {
    const keyTypes = keyTypesOf(table);
    let tableChanged = false;
    const list = table.entities.map((entity, ei) => {
      const rendered = renderEntity(entity, keyTypes);
      if (rendered.stale > 0) stale.push({ table: ti, entity: ei, name: entity.name, items: rendered.stale });
      if (rendered.entity !== entity) tableChanged = true;
      return rendered.entity;
    });
    if (!tableChanged) return table;
    changed = true;
    return { ...table, entities: list };
  });
  const result = { model: changed ? { ...model, tables } : model, stale };
  models.set(model, result);
  return result;
}

/** The sample items of one entity with their keys rendered (the stored items when nothing differs). */
export function renderedSampleItems(model: Model, table: number, entity: number): Item[] | undefined {
  return renderedModel(model).model.tables[table]?.entities[entity]?.sampleItems;
}
