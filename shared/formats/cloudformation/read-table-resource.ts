import type { KEY_TYPES } from '../../model/attribute-value.js';
import { formatPath } from '../../model/safe-json.js';
import type { GlobalSecondaryIndex, KeyAttribute, LocalSecondaryIndex, Projection, Table } from '../../model/schema.js';
import type { Diagnostic } from '../../model/diagnostic.js';
import { keyTypeOrRefuse, projectionAsWritten } from '../dynamodb-refusals.js';
import { isObject, type JsonObject, type JsonPath } from '../input-reader.js';
import { reader, type TemplateValues } from './template-values.js';

type KeyTypeName = (typeof KEY_TYPES)[number];

function readKeys(
  raw: unknown,
  path: JsonPath,
  types: ReadonlyMap<string, KeyTypeName>,
  v: TemplateValues,
): { hash: KeyAttribute; range?: KeyAttribute } {
  const out: { hash?: KeyAttribute; range?: KeyAttribute } = {};
  reader.array(raw, path).forEach((entry, i) => {
    const p = [...path, i];
    const k = reader.object(entry, p);
    const name = v.string(k.AttributeName, [...p, 'AttributeName']);
    const type =
      types.get(name) ??
      reader.fail(
        [...p, 'AttributeName'],
        `the key attribute "${name}" has no entry in AttributeDefinitions`,
        'Add it to AttributeDefinitions with its type (S, N or B).',
      );
    const role = reader.oneOf(k.KeyType, ['HASH', 'RANGE'] as const, [...p, 'KeyType']);
    out[role === 'HASH' ? 'hash' : 'range'] = { name, type };
  });
  if (!out.hash) reader.fail(path, 'no HASH key', 'Every table and index needs exactly one HASH key.');
  return out.range ? { hash: out.hash, range: out.range } : { hash: out.hash };
}

function readProjection(raw: unknown, path: JsonPath, v: TemplateValues, notes: Diagnostic[]): Projection {
  const p = reader.object(raw, path);
  const type = reader.oneOf(p.ProjectionType ?? 'KEYS_ONLY', ['ALL', 'KEYS_ONLY', 'INCLUDE'] as const, [
    ...path,
    'ProjectionType',
  ]);
  const names = reader
    .optionalArray(p.NonKeyAttributes, [...path, 'NonKeyAttributes'])
    .map((n, i) => v.string(n, [...path, 'NonKeyAttributes', i]));
  return projectionAsWritten(type, names, path, notes);
}

/** One AWS::DynamoDB::Table's Properties → a model table with no entities (billing's auto-scaling added later). */
export function readTableResource(
  id: string,
  props: JsonObject,
  path: JsonPath,
  v: TemplateValues,
  notes: Diagnostic[],
): Table {
  const types = new Map<string, KeyTypeName>();
  reader.array(props.AttributeDefinitions, [...path, 'AttributeDefinitions']).forEach((entry, i) => {
    const p = [...path, 'AttributeDefinitions', i];
    const d = reader.object(entry, p);
    types.set(
      v.string(d.AttributeName, [...p, 'AttributeName']),
      keyTypeOrRefuse(d.AttributeType, [...p, 'AttributeType'], 'CloudFormation template'),
    );
  });
  let name =
    typeof props.TableName === 'string' && props.TableName !== ''
      ? props.TableName
      : v.literal(props.TableName, [...path, 'TableName']);
  if (typeof name !== 'string' || name === '') {
    notes.push({
      code: 'cloudformation-table-name',
      severity: 'info',
      path: formatPath([...path, 'TableName']),
      message:
        props.TableName === undefined
          ? `Table resource ${id} has no TableName (CloudFormation generates one); named "${id}" after its logical id.`
          : `Table resource ${id} computes its TableName with a function; named "${id}" after its logical id.`,
      hint: 'Rename the table in the model if needed.',
    });
    name = id;
  }
  const keys = readKeys(props.KeySchema, [...path, 'KeySchema'], types, v);
  const billingMode = reader.oneOf(
    v.literal(props.BillingMode, [...path, 'BillingMode']) ?? 'PROVISIONED',
    ['PROVISIONED', 'PAY_PER_REQUEST'] as const,
    [...path, 'BillingMode'],
  );
  const tp = (raw: unknown, p: JsonPath) => {
    const t = reader.object(raw, p);
    return {
      read: v.int(t.ReadCapacityUnits, [...p, 'ReadCapacityUnits']),
      write: v.int(t.WriteCapacityUnits, [...p, 'WriteCapacityUnits']),
    };
  };
  const tableTp =
    billingMode === 'PROVISIONED' ? tp(props.ProvisionedThroughput, [...path, 'ProvisionedThroughput']) : undefined;
  const table: Table = {
    name: name as string,
    partitionKey: keys.hash,
    billing: tableTp ? { mode: 'provisioned', ...tableTp } : { mode: 'on-demand' },
    entities: [],
    accessPatterns: [],
  };
  if (keys.range) table.sortKey = keys.range;
  const gsis: GlobalSecondaryIndex[] = reader
    .optionalArray(props.GlobalSecondaryIndexes, [...path, 'GlobalSecondaryIndexes'])
    .map((entry, i) => {
      const p = [...path, 'GlobalSecondaryIndexes', i];
      const g = reader.object(entry, p);
      const k = readKeys(g.KeySchema, [...p, 'KeySchema'], types, v);
      const gsi: GlobalSecondaryIndex = {
        name: v.string(g.IndexName, [...p, 'IndexName']),
        partitionKey: k.hash,
        projection: readProjection(g.Projection, [...p, 'Projection'], v, notes),
      };
      if (k.range) gsi.sortKey = k.range;
      if (tableTp && isObject(g.ProvisionedThroughput)) {
        const own = tp(g.ProvisionedThroughput, [...p, 'ProvisionedThroughput']);
        if (own.read !== tableTp.read || own.write !== tableTp.write) gsi.throughput = own; // same as the table = the model's default
      }
      return gsi;
    });
  if (gsis.length > 0) table.globalSecondaryIndexes = gsis;
  const lsis: LocalSecondaryIndex[] = reader
    .optionalArray(props.LocalSecondaryIndexes, [...path, 'LocalSecondaryIndexes'])
    .map((entry, i) => {
      const p = [...path, 'LocalSecondaryIndexes', i];
      const l = reader.object(entry, p);
      const k = readKeys(l.KeySchema, [...p, 'KeySchema'], types, v);
      if (!k.range) reader.fail([...p, 'KeySchema'], 'a local secondary index needs a RANGE key');
      return {
        name: v.string(l.IndexName, [...p, 'IndexName']),
        sortKey: k.range,
        projection: readProjection(l.Projection, [...p, 'Projection'], v, notes),
      };
    });
  if (lsis.length > 0) table.localSecondaryIndexes = lsis;
  readOptions(table, props, path, v);
  return table;
}

export function readOptions(table: Table, props: JsonObject, path: JsonPath, v: TemplateValues): void {
  if (isObject(props.TimeToLiveSpecification)) {
    const ttl = props.TimeToLiveSpecification;
    const p = [...path, 'TimeToLiveSpecification'];
    if (v.bool(ttl.Enabled, [...p, 'Enabled']) !== false && ttl.AttributeName !== undefined)
      table.ttlAttribute = v.string(ttl.AttributeName, [...p, 'AttributeName']);
  }
  if (isObject(props.StreamSpecification)) {
    const p = [...path, 'StreamSpecification', 'StreamViewType'];
    table.stream = reader.oneOf(
      v.literal(props.StreamSpecification.StreamViewType, p),
      ['NEW_IMAGE', 'OLD_IMAGE', 'NEW_AND_OLD_IMAGES', 'KEYS_ONLY'] as const,
      p,
    );
  }
  if (isObject(props.SSESpecification)) {
    const s = props.SSESpecification;
    const p = [...path, 'SSESpecification'];
    if (v.bool(s.SSEEnabled, [...p, 'SSEEnabled']) !== true) table.encryption = { type: 'aws-owned' };
    else if (s.KMSMasterKeyId !== undefined)
      table.encryption = { type: 'customer-kms', kmsKeyId: v.string(s.KMSMasterKeyId, [...p, 'KMSMasterKeyId']) };
    else table.encryption = { type: 'aws-managed' };
  }
  if (isObject(props.PointInTimeRecoverySpecification)) {
    const on = v.bool(props.PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled, [
      ...path,
      'PointInTimeRecoverySpecification',
      'PointInTimeRecoveryEnabled',
    ]);
    if (on !== undefined) table.pointInTimeRecovery = on;
  }
  const protection = v.bool(props.DeletionProtectionEnabled, [...path, 'DeletionProtectionEnabled']);
  if (protection !== undefined) table.deletionProtection = protection;
  if (props.TableClass !== undefined) {
    const p = [...path, 'TableClass'];
    table.tableClass = reader.oneOf(
      v.literal(props.TableClass, p),
      ['STANDARD', 'STANDARD_INFREQUENT_ACCESS'] as const,
      p,
    );
  }
  const tags = reader.optionalArray(props.Tags, [...path, 'Tags']);
  if (tags.length > 0) {
    table.tags = {};
    tags.forEach((entry, i) => {
      const t = reader.object(entry, [...path, 'Tags', i]);
      table.tags![v.string(t.Key, [...path, 'Tags', i, 'Key'])] = v.string(t.Value, [...path, 'Tags', i, 'Value']);
    });
  }
}
