import { formatTemplateValue, tryParseTemplate } from '../../../../shared/keys/template.js';
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

interface KeyPlan {
  name: string;
  type: 'S' | 'N';
  /** Literal text, or a parameter name where `isParam` is set. */
  parts: string[];
  isParam: boolean[];
}

/** The entity's key templates parsed once: those of S and N keys (binary keys are not rendered from text). */
function keyPlans(entity: Entity, keyTypes: KeyTypes): KeyPlan[] {
  const plans: KeyPlan[] = [];
  for (const [name, source] of Object.entries(entity.keys)) {
    const type = keyTypes.get(name);
    const parsed = type === 'S' || type === 'N' ? tryParseTemplate(source) : undefined;
    if (!parsed || (type !== 'S' && type !== 'N')) continue;
    plans.push({
      name,
      type,
      parts: parsed.segments.map((segment) => (segment.kind === 'literal' ? segment.text : segment.name)),
      isParam: parsed.segments.map((segment) => segment.kind === 'param'),
    });
  }
  return plans;
}

/** The key text the plan renders from the item's attributes, or undefined when one is missing (or it is empty). */
function renderedKey(plan: KeyPlan, item: Item): string | undefined {
  let text = '';
  for (let i = 0; i < plan.parts.length; i++) {
    if (!plan.isParam[i]) {
      text += plan.parts[i]!;
      continue;
    }
    const value = scalar(item[plan.parts[i]!]);
    if (value === undefined) return undefined;
    text += value;
  }
  return text === '' ? undefined : text;
}

/** The stored key already holds this text with the key's type. */
function agrees(stored: AttributeValue | undefined, type: 'S' | 'N', text: string): boolean {
  if (!stored) return false;
  return type === 'S' ? 'S' in stored && stored.S === text : 'N' in stored && stored.N === text;
}

function renderEntity(entity: Entity, keyTypes: KeyTypes): RenderedEntity {
  const hit = entities.get(entity);
  if (hit && hit.keyTypes === keyTypes) return hit;
  const samples = entity.sampleItems ?? [];
  const plans = keyPlans(entity, keyTypes);
  let stale = 0;
  let changedAny = false;
  const items = samples.map((item) => {
    let out: Item | undefined;
    for (const plan of plans) {
      const text = renderedKey(plan, item);
      if (text === undefined || agrees(item[plan.name], plan.type, text)) continue;
      if (plan.type === 'N' && checkDynamoNumber(text) !== undefined) continue;
      out ??= { ...item };
      out[plan.name] = plan.type === 'N' ? { N: text } : { S: text };
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
