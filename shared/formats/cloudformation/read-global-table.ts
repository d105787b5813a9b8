import { formatPath } from '../../model/safe-json.js';
import type { Table } from '../../model/schema.js';
import type { Diagnostic } from '../../model/diagnostic.js';
import { isObject, type JsonObject, type JsonPath } from '../input-reader.js';
import { readOptions, readTableResource } from './read-table-resource.js';
import { reader, type TemplateValues } from './template-values.js';

interface Capacity {
  base: number;
  min: number;
  max: number;
  target?: number;
}

/** `{ReadCapacityUnits}` or `{Read|WriteCapacityAutoScalingSettings: {MinCapacity, MaxCapacity, SeedCapacity, …}}`. */
function capacity(raw: unknown, path: JsonPath, side: 'Read' | 'Write', v: TemplateValues): Capacity | undefined {
  if (!isObject(raw)) return undefined;
  if (raw[`${side}CapacityUnits`] !== undefined) {
    const units = v.int(raw[`${side}CapacityUnits`], [...path, `${side}CapacityUnits`]);
    return { base: units, min: units, max: units };
  }
  const autoPath = [...path, `${side}CapacityAutoScalingSettings`];
  const auto = raw[`${side}CapacityAutoScalingSettings`];
  if (!isObject(auto)) return undefined;
  const min = v.int(auto.MinCapacity, [...autoPath, 'MinCapacity']);
  const max = v.int(auto.MaxCapacity, [...autoPath, 'MaxCapacity']);
  const base = auto.SeedCapacity === undefined ? min : v.int(auto.SeedCapacity, [...autoPath, 'SeedCapacity']);
  const policy = auto.TargetTrackingScalingPolicyConfiguration;
  const target = isObject(policy)
    ? v.percent(policy.TargetValue, [...autoPath, 'TargetTrackingScalingPolicyConfiguration', 'TargetValue'])
    : undefined;
  return target === undefined ? { base, min, max } : { base, min, max, target };
}

/**
 * An AWS::DynamoDB::GlobalTable → one model table. Shared settings come from the resource; per-replica ones
 * (read capacity, PITR, deletion protection, table class, tags, KMS key) from the first replica, with a note
 * naming the regions. Provisioned write capacity is always auto-scaled in a global table.
 */
export function readGlobalTableResource(
  id: string,
  props: JsonObject,
  path: JsonPath,
  v: TemplateValues,
  notes: Diagnostic[],
): Table {
  const replicasPath = [...path, 'Replicas'];
  const replicas = reader.array(props.Replicas, replicasPath);
  const replica = reader.object(replicas[0], [...replicasPath, 0]);
  const replicaPath = [...replicasPath, 0];
  const gsiNames = reader
    .optionalArray(props.GlobalSecondaryIndexes, [...path, 'GlobalSecondaryIndexes'])
    .map((g, i) => reader.object(g, [...path, 'GlobalSecondaryIndexes', i]));
  const provisioned = v.literal(props.BillingMode, [...path, 'BillingMode']) !== 'PAY_PER_REQUEST';
  const shared: JsonObject = { ...props, SSESpecification: undefined, ProvisionedThroughput: undefined };
  let write: Capacity | undefined;
  let read: Capacity | undefined;
  if (provisioned) {
    const writePath = [...path, 'WriteProvisionedThroughputSettings'];
    write =
      capacity(props.WriteProvisionedThroughputSettings, writePath, 'Write', v) ??
      reader.fail(writePath, 'a provisioned global table needs WriteCapacityAutoScalingSettings');
    const readPath = [...replicaPath, 'ReadProvisionedThroughputSettings'];
    read =
      capacity(replica.ReadProvisionedThroughputSettings, readPath, 'Read', v) ??
      reader.fail(readPath, 'a provisioned global table needs the replica read capacity');
    shared.ProvisionedThroughput = { ReadCapacityUnits: read.base, WriteCapacityUnits: write.base };
  }
  const table = readTableResource(
    id,
    { ...shared, GlobalSecondaryIndexes: gsiNames.map((g) => ({ ...g, ProvisionedThroughput: undefined })) },
    path,
    v,
    notes,
  );
  const { PointInTimeRecoverySpecification, DeletionProtectionEnabled, TableClass, Tags } = replica;
  readOptions(table, { PointInTimeRecoverySpecification, DeletionProtectionEnabled, TableClass, Tags }, replicaPath, v);
  if (isObject(props.SSESpecification)) {
    const enabled = v.bool(props.SSESpecification.SSEEnabled, [...path, 'SSESpecification', 'SSEEnabled']) === true;
    const key = isObject(replica.SSESpecification) ? replica.SSESpecification.KMSMasterKeyId : undefined;
    table.encryption = !enabled
      ? { type: 'aws-owned' }
      : key === undefined
        ? { type: 'aws-managed' }
        : { type: 'customer-kms', kmsKeyId: v.string(key, [...replicaPath, 'SSESpecification', 'KMSMasterKeyId']) };
  }
  if (write && read && table.billing.mode === 'provisioned') {
    const target = write.target ?? read.target ?? 70;
    const scaled = write.min !== write.max || read.min !== read.max;
    if (scaled)
      table.billing.autoScaling = {
        minRead: read.min,
        maxRead: read.max,
        minWrite: write.min,
        maxWrite: write.max,
        targetUtilization: target,
      };
    (table.globalSecondaryIndexes ?? []).forEach((gsi, i) => {
      const w = capacity(
        gsiNames[i]!.WriteProvisionedThroughputSettings,
        [...path, 'GlobalSecondaryIndexes', i, 'WriteProvisionedThroughputSettings'],
        'Write',
        v,
      );
      const perReplica = reader.optionalArray(replica.GlobalSecondaryIndexes, [
        ...replicaPath,
        'GlobalSecondaryIndexes',
      ]);
      const j = perReplica.findIndex((r) => isObject(r) && r.IndexName === gsi.name);
      const r =
        j < 0
          ? undefined
          : capacity(
              (perReplica[j] as JsonObject).ReadProvisionedThroughputSettings,
              [...replicaPath, 'GlobalSecondaryIndexes', j, 'ReadProvisionedThroughputSettings'],
              'Read',
              v,
            );
      const own = { read: r?.base ?? read.base, write: w?.base ?? write.base };
      if (own.read !== read.base || own.write !== write.base) gsi.throughput = own;
    });
  }
  const regions = replicas.map((r) => (isObject(r) && typeof r.Region === 'string' ? r.Region : '?'));
  notes.push({
    code: 'cloudformation-global-table',
    severity: 'info',
    path: formatPath(path),
    message: `${id} is a global table with replicas in ${regions.join(', ')}; the model holds one table, with the settings of the ${regions[0]} replica.`,
  });
  return table;
}
