import type { Faker } from '@faker-js/faker';
import { attributeSize, itemSize, utf8Length } from '../model/item-size.js';
import { MonotableError, isMonotableError } from '../errors/monotable-error.js';
import { parseTemplate, renderTemplate, type KeyTemplate, type TemplateValue } from '../keys/template.js';
import type { AttributeValue, Item } from '../model/attribute-value.js';
import { indexViews, keyAttributes } from '../model/indexes.js';
import type { Table } from '../model/schema.js';
import {
  Aggregates,
  aggregateSpecs,
  compileAttribute,
  type Frame,
  type GenerationScope,
  type ValueMaker,
} from './generate-value.js';
import type { SeedNode } from './seed-graph.js';
import { encodeBase64 } from './base64.js';
import { utf8Bytes } from './to-attribute-value.js';

export const MAX_ITEM_BYTES = 409_600;
export const MAX_PARTITION_KEY_BYTES = 2048;
export const MAX_SORT_KEY_BYTES = 1024;

export interface MadeItem {
  item: Item;
  key: Item;
  size: number;
  problem?: string;
}

interface KeyPart {
  name: string;
  template: KeyTemplate;
  type: 'S' | 'N' | 'B';
  limit: number;
  primary: boolean;
}

function templateText(value: AttributeValue | undefined): TemplateValue | undefined {
  if (!value) return undefined;
  if ('S' in value) return value.S;
  if ('N' in value) return value.N;
  if ('B' in value) return value.B;
  if ('BOOL' in value) return value.BOOL;
  return undefined;
}

/** The primary key as text for reports: `pk=MSG#1 sk=2026-01-02`. */
export function formatKey(keyNames: readonly string[], key: Item): string {
  return keyNames.map((n) => `${n}=${String(templateText(key[n]) ?? '')}`).join(' ');
}

function keyBytes(value: AttributeValue): number {
  if ('S' in value) return utf8Length(value.S);
  if ('N' in value) return value.N.length;
  if ('B' in value)
    return Math.floor((value.B.length * 3) / 4) - (value.B.endsWith('==') ? 2 : value.B.endsWith('=') ? 1 : 0);
  return 0;
}

/** Same result as `keyBytes(value) === 0`, without counting bytes (S and N are empty exactly when their text is). */
function isEmptyKey(value: AttributeValue): boolean {
  if ('S' in value) return value.S.length === 0;
  if ('N' in value) return value.N.length === 0;
  return keyBytes(value) === 0;
}

/** itemSize, with the common string attribute counted directly (no per-value work list). */
function sizeOfItem(item: Item): number {
  let total = 0;
  for (const name in item) {
    const value = item[name]!;
    total += 'S' in value ? utf8Length(name) + utf8Length(value.S) : attributeSize(name, value);
  }
  return total;
}

function keyParts(table: Table, keys: Record<string, string>, where: string): KeyPart[] {
  const types = new Map(keyAttributes(table).map((k) => [k.name, k.type]));
  const primary = new Set([table.partitionKey.name, table.sortKey?.name]);
  return Object.entries(keys).map(([name, source]) => {
    let template: KeyTemplate;
    try {
      template = parseTemplate(source);
    } catch (error) {
      if (isMonotableError(error))
        throw new MonotableError(error.code, error.message, { ...error.details, path: `${where}.keys.${name}` });
      throw error;
    }
    // A name that is a sort key anywhere gets the tighter sort-key limit.
    const isSort = indexViews(table).some((v) => v.sortKey?.name === name);
    const limit = isSort ? MAX_SORT_KEY_BYTES : MAX_PARTITION_KEY_BYTES;
    return { name, template, type: types.get(name) ?? 'S', limit, primary: primary.has(name) };
  });
}

function keyValue(part: KeyPart, text: string): AttributeValue | string {
  if (text === '') return `key attribute "${part.name}" renders empty ("${part.template.source}")`;
  if (part.type === 'N')
    return /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(text)
      ? { N: text }
      : `key attribute "${part.name}" is a Number but renders "${text}"`;
  if (part.type === 'B') return { B: encodeBase64(utf8Bytes(text)) };
  return { S: text };
}

/**
 * The bytes an item's entries in the table's LSIs add: with LSIs, the base item plus all its LSI entries (keys and
 * projected attributes) must fit in 400 KB together.
 */
function lsiSizer(table: Table, keyNames: string[]): (item: Item) => number {
  const lsis = table.localSecondaryIndexes ?? [];
  if (lsis.length === 0) return () => 0;
  return (item) => {
    let total = 0;
    for (const lsi of lsis) {
      if (!item[lsi.sortKey.name]) continue;
      if (lsi.projection.type === 'ALL') {
        total += itemSize(item);
        continue;
      }
      const names = new Set([
        ...keyNames,
        lsi.sortKey.name,
        ...(lsi.projection.type === 'INCLUDE' ? (lsi.projection.nonKeyAttributes ?? []) : []),
      ]);
      const entry: Item = {};
      for (const name of names) if (item[name]) entry[name] = item[name];
      total += itemSize(entry);
    }
    return total;
  };
}

/** Makes the items of one entity in two steps: `start` (its own values), then `finish` (aggregates, keys, checks). */
export interface NodeMaker {
  /** A new item under `parent`: the values that need no children, so children can read them. */
  start(parent: Frame | undefined, ordinal: number, memberIndex: number | undefined): Frame;
  /** The values computed from the children (aggregates and what follows them), then keys and the checks. */
  finish(frame: Frame): MadeItem;
}

function attributeMakers(
  faker: Faker,
  node: SeedNode,
  needed: Set<string>,
  scope: GenerationScope,
  late: boolean,
): { names: string[]; fns: ValueMaker[] } {
  const names: string[] = [];
  const fns: ValueMaker[] = [];
  for (const i of node.order) {
    const a = node.attributes[i]!;
    if (node.late.has(a.name) !== late) continue;
    const make = compileAttribute(
      faker,
      a,
      needed.has(a.name),
      node.parent?.name,
      `${node.path}.attributes[${i}]`,
      scope,
    );
    if (make) {
      names.push(a.name);
      fns.push(make);
    }
  }
  return { names, fns };
}

/**
 * Compiles an entity (written or seed-only) into its item maker: attribute values from generators, keys rendered from
 * the entity's templates, the type attribute, and the checks DynamoDB would otherwise fail the whole batch for.
 */
export function compileNode(faker: Faker, table: Table, node: SeedNode, scope: GenerationScope): NodeMaker {
  const entity = node.entity;
  const where = node.path;
  const parts = entity ? keyParts(table, entity.keys, where) : [];
  const needed = new Set(parts.flatMap((p) => p.template.params));
  for (const p of parts) {
    for (const param of p.template.params) {
      if (!node.attributes.some((a) => a.name === param)) {
        throw new MonotableError(
          'MODEL_INVALID',
          `Key template "${p.template.source}" of entity "${node.name}" uses {${param}}, which is not one of its attributes.`,
          {
            path: `${where}.keys.${p.name}`,
            hint: `Add an attribute "${param}" with a generator, or use one of: ${node.attributes.map((a) => a.name).join(', ')}.`,
          },
        );
      }
    }
  }
  for (const name of entity ? [table.partitionKey.name, table.sortKey?.name] : []) {
    if (name !== undefined && entity!.keys[name] === undefined) {
      throw new MonotableError(
        'MODEL_INVALID',
        `Entity "${node.name}" has no key template for "${name}", part of the primary key of table "${table.name}".`,
        {
          path: `${where}.keys`,
          hint: `Add "${name}": "<template>" to the entity's keys, e.g. "${node.name.toUpperCase()}#{id}".`,
        },
      );
    }
  }
  const early = attributeMakers(faker, node, needed, scope, false);
  const late = attributeMakers(faker, node, needed, scope, true);
  const specs = aggregateSpecs(node.attributes);
  const keyNames = table.sortKey ? [table.partitionKey.name, table.sortKey.name] : [table.partitionKey.name];
  const typeName = entity?.typeAttribute?.name;
  // Read-only like a constant generator's value: one object shared by every item.
  const typeValue: AttributeValue | undefined = entity?.typeAttribute ? { S: entity.typeAttribute.value } : undefined;
  const keyTypes = keyAttributes(table).map((k) => [k.name, k.type] as const);
  const lsiEntriesSize = lsiSizer(table, keyNames);
  const neededNames = [...needed];
  // Reused for every item: each item sets every needed name before a template reads it.
  const values: Record<string, TemplateValue | undefined> = {};
  const run = (frame: Frame, makers: { names: string[]; fns: ValueMaker[] }): void => {
    const { names, fns } = makers;
    for (let i = 0; i < fns.length; i++) {
      const value = fns[i]!(frame);
      if (value !== undefined) frame.item[names[i]!] = value;
    }
  };

  return {
    start(parent, ordinal, memberIndex) {
      const frame: Frame = {
        item: {},
        ordinal,
        parent,
        memberIndex,
        anyMember: undefined,
        members: undefined,
        picked: undefined,
        aggregates: specs.length > 0 ? new Aggregates(specs) : undefined,
      };
      run(frame, early);
      return frame;
    },
    // The hot path of seeding: called once per item, so it avoids allocations beyond the item itself.
    finish(frame) {
      if (late.fns.length > 0) run(frame, late);
      const item = frame.item;
      if (!entity) return { item, key: item, size: 0 };
      for (const name of neededNames) values[name] = templateText(item[name]);
      let problems: string[] | undefined;
      for (const part of parts) {
        let text: string;
        try {
          text = renderTemplate(part.template, values);
        } catch (error) {
          // An index key that cannot be rendered leaves the item out of that (sparse) index.
          if (part.primary) (problems ??= []).push((error as Error).message);
          continue;
        }
        const value = keyValue(part, text);
        if (typeof value === 'string') {
          if (part.primary) (problems ??= []).push(value);
          continue;
        }
        // UTF-8 takes at most 3 bytes per UTF-16 unit: short keys need no byte count.
        if (text.length * 3 > part.limit) {
          const bytes = keyBytes(value);
          if (bytes > part.limit)
            (problems ??= []).push(
              `key attribute "${part.name}" is ${bytes} bytes (UTF-8); DynamoDB allows ${part.limit}`,
            );
        }
        item[part.name] = value;
      }
      if (typeValue) item[typeName!] = typeValue;
      for (const [name, type] of keyTypes) {
        const value = item[name];
        if (!value) continue;
        if (!(type in value))
          (problems ??= []).push(
            `"${name}" is a key attribute of type ${type} (table or index) but the item has ${Object.keys(value)[0]}`,
          );
        else if (isEmptyKey(value))
          (problems ??= []).push(`key attribute "${name}" is empty; DynamoDB refuses empty key values`);
      }
      const key: Item = {};
      for (const name of keyNames) {
        const value = item[name];
        if (value) key[name] = value;
        else if (problems === undefined) problems = [`primary key attribute "${name}" is missing`];
      }
      const size = sizeOfItem(item);
      const withLsi = size + lsiEntriesSize(item);
      if (withLsi > MAX_ITEM_BYTES) {
        (problems ??= []).push(
          withLsi === size
            ? `item is ${size} bytes (UTF-8); DynamoDB allows ${MAX_ITEM_BYTES} (400 KB)`
            : `item with its local secondary index entries is ${withLsi} bytes (UTF-8); DynamoDB allows ${MAX_ITEM_BYTES} (400 KB)`,
        );
      }
      const made: MadeItem = { item, key, size };
      if (problems) made.problem = problems.join('; ');
      return made;
    },
  };
}
