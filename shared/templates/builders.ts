import type { AttributeValue, Item } from '../model/attribute-value.js';
import { keyAttributes } from '../model/indexes.js';
import type { Attribute, Entity, Generator, Parameter, Table } from '../model/schema.js';
import { parseTemplate, renderTemplate } from '../keys/template.js';

/**
 * Small helpers that keep the built-in templates readable: generators in one call, and sample rows written as
 * plain values whose key attributes are rendered from the entity's own key templates (so a sample item can never
 * disagree with its templates) and whose values are typed from the entity's attribute list.
 */
export type SampleValue = string | number | boolean | string[] | null;
export type SampleRow = Record<string, SampleValue>;

export const faker = (method: string, ...args: unknown[]): Generator =>
  args.length > 0 ? { kind: 'faker', method, args } : { kind: 'faker', method };
export const ref = (entity: string, attribute: string): Generator => ({ kind: 'ref', entity, attribute });
/** A date after `attribute` of the same item by up to `within` (ISO 8601 duration). */
export const after = (attribute: string, within: string): Generator => ({ kind: 'after', attribute, within });
export const oneOf = (...values: unknown[]): Generator => ({ kind: 'one-of', values });
export const dateRange = (from: string, to: string, format?: 'iso' | 'epoch-seconds' | 'epoch-millis'): Generator =>
  format ? { kind: 'date-range', from, to, format } : { kind: 'date-range', from, to };

/** A required attribute; pass `{ required: false }` for an optional one. */
export function attr(
  name: string,
  type: Attribute['type'],
  generator: Generator,
  options: { required?: boolean; description?: string } = {},
): Attribute {
  const out: Attribute = { name, type, required: options.required ?? true, generator };
  if (options.description) out.description = options.description;
  return out;
}

export function param(name: string, description: string, example: string, type?: Parameter['type']): Parameter {
  return type ? { name, type, description, example } : { name, description, example };
}

export interface EntityDraft extends Omit<Entity, 'sampleItems'> {
  samples?: SampleRow[];
}

export interface TableDraft extends Omit<Table, 'entities'> {
  entities: EntityDraft[];
}

function typed(type: Attribute['type'], value: SampleValue, where: string): AttributeValue {
  if (value === null) return { NULL: true };
  if (Array.isArray(value)) {
    if (type === 'SS' || type === 'NS') return type === 'SS' ? { SS: value } : { NS: value };
    throw new Error(`${where}: a list sample value needs an SS or NS attribute, not ${type}.`);
  }
  if (type === 'S' && typeof value === 'string') return { S: value };
  if (type === 'N' && (typeof value === 'number' || typeof value === 'string')) return { N: String(value) };
  if (type === 'BOOL' && typeof value === 'boolean') return { BOOL: value };
  throw new Error(`${where}: sample value ${JSON.stringify(value)} does not fit attribute type ${type}.`);
}

function sampleItem(table: Table, entity: EntityDraft, row: SampleRow): Item {
  const where = `template table ${table.name}, entity ${entity.name}`;
  const keyTypes = new Map(keyAttributes(table).map((k) => [k.name, k.type]));
  const item: Item = {};
  for (const [keyName, template] of Object.entries(entity.keys)) {
    const values = Object.fromEntries(
      Object.entries(row).filter(
        (e): e is [string, string | number | boolean] => !Array.isArray(e[1]) && e[1] !== null,
      ),
    );
    const text = renderTemplate(parseTemplate(template), values);
    item[keyName] = keyTypes.get(keyName) === 'N' ? { N: text } : { S: text };
  }
  if (entity.typeAttribute) item[entity.typeAttribute.name] = { S: entity.typeAttribute.value };
  for (const [name, value] of Object.entries(row)) {
    const attribute = entity.attributes.find((a) => a.name === name);
    if (!attribute) throw new Error(`${where}: sample value for "${name}", which is not an attribute.`);
    item[name] = typed(attribute.type, value, `${where}, attribute ${name}`);
  }
  return item;
}

/** Builds a table, turning each entity's sample rows into DynamoDB-typed sample items. */
export function table(draft: TableDraft): Table {
  const { entities, ...rest } = draft;
  const out: Table = { ...rest, entities: [] };
  out.entities = entities.map(({ samples, ...entity }) => {
    const built: Entity = { ...entity };
    if (samples && samples.length > 0) built.sampleItems = samples.map((row) => sampleItem(out, entity, row));
    return built;
  });
  return out;
}
