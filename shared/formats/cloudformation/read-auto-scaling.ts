import { formatPath } from '../../model/safe-json.js';
import type { Table } from '../../model/schema.js';
import type { Diagnostic } from '../../model/diagnostic.js';
import { isObject, type JsonObject } from '../input-reader.js';
import type { TemplateValues } from './template-values.js';

interface Side {
  min: number;
  max: number;
  target?: number;
}

/** Does a ScalableTarget's ResourceId point at this table (by logical id or by literal name)? */
function pointsAt(resourceId: unknown, id: string, tableName: string): boolean {
  if (resourceId === `table/${tableName}`) return true;
  if (!isObject(resourceId)) return false;
  const sub = resourceId['Fn::Sub'];
  if (typeof sub === 'string') return sub === `table/\${${id}}` || sub === `table/${tableName}`;
  const join = resourceId['Fn::Join'];
  if (Array.isArray(join) && Array.isArray(join[1])) {
    const parts = join[1] as unknown[];
    return (
      parts.some((p) => isObject(p) && p.Ref === id) &&
      parts.some((p) => typeof p === 'string' && p.startsWith('table'))
    );
  }
  return false;
}

/**
 * Application Auto Scaling resources for a table's read and write capacity (ScalableTarget + a
 * TargetTrackingScaling policy on it) → `billing.autoScaling`. Index-level scaling has no slot in the model: noted.
 */
export function readAutoScaling(
  table: Table,
  id: string,
  resources: JsonObject,
  v: TemplateValues,
  notes: Diagnostic[],
): void {
  if (table.billing.mode !== 'provisioned') return;
  const sides: Partial<Record<'Read' | 'Write', Side>> = {};
  for (const [targetId, raw] of Object.entries(resources)) {
    if (!isObject(raw) || raw.Type !== 'AWS::ApplicationAutoScaling::ScalableTarget' || !isObject(raw.Properties))
      continue;
    const props = raw.Properties;
    if (!pointsAt(props.ResourceId, id, table.name)) continue;
    const path = ['Resources', targetId, 'Properties'];
    const dimension = /^dynamodb:(table|index):(Read|Write)CapacityUnits$/.exec(String(props.ScalableDimension));
    if (!dimension || dimension[1] === 'index') {
      notes.push({
        code: 'cloudformation-index-scaling',
        severity: 'info',
        path: formatPath(path),
        message: `${targetId} scales ${String(props.ScalableDimension)}; the model only holds table-level auto-scaling, so it was not imported.`,
      });
      continue;
    }
    const side: Side = {
      min: v.int(props.MinCapacity, [...path, 'MinCapacity']),
      max: v.int(props.MaxCapacity, [...path, 'MaxCapacity']),
    };
    for (const [policyId, policy] of Object.entries(resources)) {
      if (
        !isObject(policy) ||
        policy.Type !== 'AWS::ApplicationAutoScaling::ScalingPolicy' ||
        !isObject(policy.Properties)
      )
        continue;
      const ref = policy.Properties.ScalingTargetId;
      const config = policy.Properties.TargetTrackingScalingPolicyConfiguration;
      if (!isObject(ref) || ref.Ref !== targetId || !isObject(config)) continue;
      const target = v.percent(config.TargetValue, [
        'Resources',
        policyId,
        'Properties',
        'TargetTrackingScalingPolicyConfiguration',
        'TargetValue',
      ]);
      if (target !== undefined) side.target = target;
    }
    sides[dimension[2] as 'Read' | 'Write'] = side;
  }
  const { Read: read, Write: write } = sides;
  if (!read && !write) return;
  const target = read?.target ?? write?.target ?? 70;
  if (read?.target === undefined && write?.target === undefined) {
    notes.push({
      code: 'cloudformation-scaling-target',
      severity: 'info',
      path: `$.Resources.${id}`,
      message: `No target-tracking policy found for ${id}'s scalable targets; 70% utilisation assumed.`,
    });
  }
  const b = table.billing;
  table.billing = {
    ...b,
    autoScaling: {
      minRead: read?.min ?? b.read,
      maxRead: read?.max ?? b.read,
      minWrite: write?.min ?? b.write,
      maxWrite: write?.max ?? b.write,
      targetUtilization: target,
    },
  };
}
