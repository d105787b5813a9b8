import type { AttributeTypeName, Item } from '../../model/attribute-value.js';
import { checkStructure, formatPath } from '../../model/safe-json.js';
import {
  MODEL_FORMAT,
  type Entity,
  type GlobalSecondaryIndex,
  type KeyAttribute,
  type Model,
  type Projection,
  type Table,
} from '../../model/schema.js';
import type { Diagnostic } from '../../model/diagnostic.js';
import { keyTypeOrRefuse, projectionAsWritten } from '../dynamodb-refusals.js';
import { InputReader, isObject, type JsonObject, type JsonPath } from '../input-reader.js';
import { buildEntity, isAttributeType, type EntitySource, type TableShape } from './import-entity.js';
import { toItem } from './typed-json.js';
import { readBilling } from './workbench-billing.js';

const reader = new InputReader(
  'NoSQL Workbench model',
  'Export the model again from NoSQL Workbench, or fix the value at this path.',
);
const KNOWN_VERSIONS = ['1.0', '2.0', '3.0'];

/** A NoSQL Workbench data model of any version: an object with a `DataModel` list of tables. */
export function isWorkbenchFile(value: unknown): boolean {
  return (
    isObject(value) &&
    Array.isArray(value.DataModel) &&
    (typeof value.ModelName === 'string' || isObject(value.ModelMetadata) || value.DataModel.length > 0)
  );
}

function readKey(raw: unknown, path: JsonPath): KeyAttribute {
  const key = reader.object(raw, path);
  return {
    name: reader.string(key.AttributeName, [...path, 'AttributeName']),
    type: keyTypeOrRefuse(key.AttributeType, [...path, 'AttributeType'], 'NoSQL Workbench model'),
  };
}

function readKeys(raw: unknown, path: JsonPath): { partitionKey: KeyAttribute; sortKey?: KeyAttribute } {
  const keys = reader.object(raw, path);
  const partitionKey = readKey(keys.PartitionKey, [...path, 'PartitionKey']);
  return keys.SortKey === undefined || keys.SortKey === null
    ? { partitionKey }
    : { partitionKey, sortKey: readKey(keys.SortKey, [...path, 'SortKey']) };
}

/** INCLUDE lists that name key attributes (always projected anyway) are trimmed, with a note. */
function readProjection(raw: unknown, path: JsonPath, keyNames: ReadonlySet<string>, notes: Diagnostic[]): Projection {
  if (raw === undefined || raw === null) return { type: 'ALL' };
  const projection = reader.object(raw, path);
  const type = reader.oneOf(projection.ProjectionType, ['ALL', 'KEYS_ONLY', 'INCLUDE'] as const, [
    ...path,
    'ProjectionType',
  ]);
  const listed = reader
    .optionalArray(projection.NonKeyAttributes, [...path, 'NonKeyAttributes'])
    .map((n, i) => reader.string(n, [...path, 'NonKeyAttributes', i]));
  if (type !== 'INCLUDE') return projectionAsWritten(type, listed, path, notes);
  const keys = listed.filter((n) => keyNames.has(n));
  if (keys.length > 0) {
    notes.push({
      code: 'workbench-projected-keys',
      severity: 'info',
      path: formatPath([...path, 'NonKeyAttributes']),
      message: `The INCLUDE list names key attributes (${keys.join(', ')}); keys are always projected, so they were left out of the list.`,
    });
  }
  return projectionAsWritten(
    type,
    listed.filter((n) => !keyNames.has(n)),
    path,
    notes,
  );
}

function readItems(raw: unknown, path: JsonPath, repairs: string[]): Item[] {
  return reader.optionalArray(raw, path).map((entry, i) => {
    const item = reader.object(entry, [...path, i]);
    if ('' in item)
      reader.fail(
        [...path, i, ''],
        'an attribute with an empty name (DynamoDB attribute names have at least one character)',
      );
    const result = toItem(item, formatPath([...path, i]));
    repairs.push(...result.repairs);
    return result.item;
  });
}

function uniqueName(wanted: string, taken: Set<string>): string {
  let name = wanted;
  for (let n = 2; taken.has(name); n++) name = `${wanted}-${n}`;
  taken.add(name);
  return name;
}

function readTable(raw: unknown, path: JsonPath, notes: Diagnostic[]): Table {
  const t = reader.object(raw, path);
  const name = reader.string(t.TableName, [...path, 'TableName']);
  const { partitionKey, sortKey } = readKeys(t.KeyAttributes, [...path, 'KeyAttributes']);
  const tableKeyNames = new Set([partitionKey.name, ...(sortKey ? [sortKey.name] : [])]);
  const declaredTypes = new Map<string, AttributeTypeName>();
  reader.optionalArray(t.NonKeyAttributes, [...path, 'NonKeyAttributes']).forEach((entry, i) => {
    const a = reader.object(entry, [...path, 'NonKeyAttributes', i]);
    const attrName = reader.string(a.AttributeName, [...path, 'NonKeyAttributes', i, 'AttributeName']);
    if (isAttributeType(a.AttributeType) && !declaredTypes.has(attrName)) declaredTypes.set(attrName, a.AttributeType);
  });
  const gsis: GlobalSecondaryIndex[] = reader
    .optionalArray(t.GlobalSecondaryIndexes, [...path, 'GlobalSecondaryIndexes'])
    .map((entry, i) => {
      const p = [...path, 'GlobalSecondaryIndexes', i];
      const g = reader.object(entry, p);
      const keys = readKeys(g.KeyAttributes, [...p, 'KeyAttributes']);
      const keyNames = new Set([
        ...tableKeyNames,
        keys.partitionKey.name,
        ...(keys.sortKey ? [keys.sortKey.name] : []),
      ]);
      return {
        name: reader.string(g.IndexName, [...p, 'IndexName']),
        ...keys,
        projection: readProjection(g.Projection, [...p, 'Projection'], keyNames, notes),
      };
    });
  const indexKeys = new Map<string, KeyAttribute>();
  for (const g of gsis)
    for (const k of [g.partitionKey, g.sortKey])
      if (k && !tableKeyNames.has(k.name) && !indexKeys.has(k.name)) indexKeys.set(k.name, k);
  const shape: TableShape = { name, partitionKey, sortKey, indexKeys: [...indexKeys.values()], declaredTypes };
  const repairs: string[] = [];
  const taken = new Set<string>();
  const sources: EntitySource[] = reader.optionalArray(t.TableFacets, [...path, 'TableFacets']).map((entry, i) => {
    const p = [...path, 'TableFacets', i];
    const f = reader.object(entry, p);
    const alias = isObject(f.KeyAttributeAlias) ? f.KeyAttributeAlias : {};
    return {
      name: uniqueName(reader.string(f.FacetName, [...p, 'FacetName']), taken),
      path: formatPath(p),
      items: readItems(f.TableData, [...p, 'TableData'], repairs),
      declared: reader
        .optionalArray(f.NonKeyAttributes, [...p, 'NonKeyAttributes'])
        .map((n, j) => reader.string(n, [...p, 'NonKeyAttributes', j])),
      partitionAlias: reader.optionalString(alias.PartitionKeyAlias, [...p, 'KeyAttributeAlias', 'PartitionKeyAlias']),
      sortAlias: reader.optionalString(alias.SortKeyAlias, [...p, 'KeyAttributeAlias', 'SortKeyAlias']),
    };
  });
  // Table-level items that are not copies of a facet item belong to no facet: one entity holds them.
  const inFacets = new Set(sources.flatMap((s) => s.items.map((item) => JSON.stringify(item))));
  const loose = readItems(t.TableData, [...path, 'TableData'], repairs).filter(
    (item) => !inFacets.has(JSON.stringify(item)),
  );
  if (loose.length > 0) {
    const description =
      sources.length > 0 ? 'Table-level items of the Workbench file that are in no facet.' : undefined;
    sources.push({
      name: uniqueName(name, taken),
      path: formatPath([...path, 'TableData']),
      items: loose,
      declared: [],
      ...(description ? { description } : {}),
    });
  }
  if (repairs.length > 0) {
    notes.push({
      code: 'workbench-untyped-values',
      severity: 'info',
      path: repairs[0]!,
      message: `${repairs.length} sample value${repairs.length > 1 ? 's were' : ' was'} not valid DynamoDB JSON (plain JSON inside a typed value), at ${repairs.slice(0, 3).join(', ')}${repairs.length > 3 ? ', …' : ''}; converted to the typed value holding the same data.`,
      hint: 'Nothing was dropped: a plain object became an M, a number an N, text an S.',
    });
  }
  const entities: Entity[] = sources.map((source) => buildEntity(source, shape, notes));
  const table: Table = {
    name,
    partitionKey,
    billing: readBilling(reader, t, path, notes),
    entities,
    accessPatterns: [],
  };
  if (sortKey) table.sortKey = sortKey;
  if (gsis.length > 0) table.globalSecondaryIndexes = gsis;
  return table;
}

/**
 * A NoSQL Workbench data model (no version, 1.0, 2.0 or 3.0) → a Monotable model plus notes (severity info or
 * warning) about everything that had to be interpreted. Unknown keys (`DataAccess`, `ModelSchema`,
 * `SavedQuery`, `SampleDataFormats`) are ignored; wrong types fail with a MonotableError naming the JSON path.
 */
export function importWorkbench(value: unknown): { model: Model; notes: Diagnostic[] } {
  checkStructure(value);
  const root = reader.object(value, []);
  const notes: Diagnostic[] = [];
  const meta: JsonObject = isObject(root.ModelMetadata) ? root.ModelMetadata : {};
  const version = meta.Version;
  if (version !== undefined && !KNOWN_VERSIONS.includes(String(version))) {
    notes.push({
      code: 'workbench-version',
      severity: 'warning',
      path: '$.ModelMetadata.Version',
      message: `Workbench format version ${String(version)} is not one this importer knows (${KNOWN_VERSIONS.join(', ')}); read as 3.0.`,
      hint: 'Check the imported tables, keys and indexes.',
    });
  }
  const tables = reader.array(root.DataModel, ['DataModel']).map((t, i) => readTable(t, ['DataModel', i], notes));
  const model: Model = {
    format: MODEL_FORMAT,
    name: reader.optionalString(root.ModelName, ['ModelName']) || 'imported-model',
    tables,
  };
  const description = reader.optionalString(meta.Description, ['ModelMetadata', 'Description']);
  const author = reader.optionalString(meta.Author, ['ModelMetadata', 'Author']);
  if (description) model.description = description;
  if (author) model.author = author;
  return { model, notes };
}
