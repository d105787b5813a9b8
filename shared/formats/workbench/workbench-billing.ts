import type { Billing } from '../../model/schema.js';
import type { Diagnostic } from '../../model/diagnostic.js';
import { formatPath } from '../../model/safe-json.js';
import { isObject, type InputReader, type JsonObject, type JsonPath } from '../input-reader.js';

/** The service-linked role Workbench writes into every auto-scaling setting. */
export const AUTO_SCALING_ROLE = 'AWSServiceRoleForApplicationAutoScaling_DynamoDBTable';

interface Scaling {
  min: number;
  max: number;
  target: number;
}

function readScaling(reader: InputReader, raw: unknown, path: JsonPath): Scaling | undefined {
  if (raw === undefined || raw === null) return undefined;
  const scaling = reader.object(raw, path);
  const request = reader.object(scaling.ScalableTargetRequest, [...path, 'ScalableTargetRequest']);
  const policy = reader.object(scaling.ScalingPolicyConfiguration, [...path, 'ScalingPolicyConfiguration']);
  const target = policy.TargetValue;
  if (typeof target !== 'number' || target < 1 || target > 100) {
    reader.fail(
      [...path, 'ScalingPolicyConfiguration', 'TargetValue'],
      'expected a utilisation target between 1 and 100 (percent)',
    );
  }
  return {
    min: reader.positiveInt(request.MinCapacity, [...path, 'ScalableTargetRequest', 'MinCapacity']),
    max: reader.positiveInt(request.MaxCapacity, [...path, 'ScalableTargetRequest', 'MaxCapacity']),
    target,
  };
}

/**
 * `BillingMode` + `ProvisionedCapacitySettings` (Workbench 3.0) → the model's billing. Files before 3.0 have
 * no billing at all: they become on-demand, with a note. Workbench keeps a separate utilisation target for
 * reads and writes while the model has one; when they differ the read target is kept and a note says so.
 */
export function readBilling(reader: InputReader, table: JsonObject, path: JsonPath, notes: Diagnostic[]): Billing {
  const mode = table.BillingMode;
  const settingsPath = [...path, 'ProvisionedCapacitySettings'];
  if (mode === undefined || mode === null) {
    notes.push({
      code: 'workbench-no-billing',
      severity: 'info',
      path: formatPath(path),
      message: `Table "${String(table.TableName)}" has no BillingMode (Workbench files before 3.0 have none); imported as on-demand.`,
      hint: 'Set provisioned capacity in the model if the table uses it.',
    });
    return { mode: 'on-demand' };
  }
  if (reader.oneOf(mode, ['PAY_PER_REQUEST', 'PROVISIONED'], [...path, 'BillingMode']) === 'PAY_PER_REQUEST')
    return { mode: 'on-demand' };
  const settings = reader.object(table.ProvisionedCapacitySettings ?? {}, settingsPath);
  const throughput = isObject(settings.ProvisionedThroughput)
    ? settings.ProvisionedThroughput
    : { ReadCapacityUnits: 5, WriteCapacityUnits: 5 };
  const tpPath = [...settingsPath, 'ProvisionedThroughput'];
  const billing: Billing = {
    mode: 'provisioned',
    read: reader.positiveInt(throughput.ReadCapacityUnits, [...tpPath, 'ReadCapacityUnits']),
    write: reader.positiveInt(throughput.WriteCapacityUnits, [...tpPath, 'WriteCapacityUnits']),
  };
  const read = readScaling(reader, settings.AutoScalingRead, [...settingsPath, 'AutoScalingRead']);
  const write = readScaling(reader, settings.AutoScalingWrite, [...settingsPath, 'AutoScalingWrite']);
  if (read || write) {
    const r = read ?? { min: billing.read, max: billing.read, target: write!.target };
    const w = write ?? { min: billing.write, max: billing.write, target: r.target };
    if (r.target !== w.target) {
      notes.push({
        code: 'workbench-scaling-target',
        severity: 'info',
        path: formatPath(settingsPath),
        message: `Read and write auto-scaling targets differ (${r.target}% and ${w.target}%); the model keeps one target, ${r.target}%.`,
      });
    }
    billing.autoScaling = {
      minRead: r.min,
      maxRead: r.max,
      minWrite: w.min,
      maxWrite: w.max,
      targetUtilization: r.target,
    };
  }
  return billing;
}

function scalingSetting(min: number, max: number, target: number): Record<string, unknown> {
  return {
    ScalableTargetRequest: { MinCapacity: min, MaxCapacity: max, ServiceRole: AUTO_SCALING_ROLE },
    ScalingPolicyConfiguration: { TargetValue: target },
  };
}

/** The model's billing → Workbench 3.0's `BillingMode` and `ProvisionedCapacitySettings`. */
export function writeBilling(billing: Billing): Record<string, unknown> {
  if (billing.mode === 'on-demand') return { BillingMode: 'PAY_PER_REQUEST' };
  const settings: Record<string, unknown> = {
    ProvisionedThroughput: { ReadCapacityUnits: billing.read, WriteCapacityUnits: billing.write },
  };
  const a = billing.autoScaling;
  if (a) {
    settings.AutoScalingRead = scalingSetting(a.minRead, a.maxRead, a.targetUtilization);
    settings.AutoScalingWrite = scalingSetting(a.minWrite, a.maxWrite, a.targetUtilization);
  }
  return { BillingMode: 'PROVISIONED', ProvisionedCapacitySettings: settings };
}
