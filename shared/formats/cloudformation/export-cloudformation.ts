import { Document } from 'yaml';
import type { Model, Table } from '../../model/schema.js';
import {
  attributeDefinitions,
  globalIndexes,
  keySchema,
  localIndexes,
  tagList,
  throughput,
  type Json,
} from '../table-definition.js';
import { logicalIds } from './logical-id.js';

export const MODEL_METADATA_KEY = 'Monotable::Model';

function sse(table: Table): Json | undefined {
  const e = table.encryption;
  if (!e) return undefined;
  if (e.type === 'aws-owned') return { SSEEnabled: false };
  return e.type === 'aws-managed'
    ? { SSEEnabled: true, SSEType: 'KMS' }
    : { SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: e.kmsKeyId };
}

function tableResource(table: Table): Json {
  const p: Json = {
    TableName: table.name,
    BillingMode: table.billing.mode === 'on-demand' ? 'PAY_PER_REQUEST' : 'PROVISIONED',
    AttributeDefinitions: attributeDefinitions(table),
    KeySchema: keySchema(table.partitionKey, table.sortKey),
  };
  if (table.billing.mode === 'provisioned')
    p.ProvisionedThroughput = throughput(table.billing.read, table.billing.write);
  const gsis = globalIndexes(table);
  if (gsis.length > 0) p.GlobalSecondaryIndexes = gsis;
  const lsis = localIndexes(table);
  if (lsis.length > 0) p.LocalSecondaryIndexes = lsis;
  if (table.ttlAttribute) p.TimeToLiveSpecification = { AttributeName: table.ttlAttribute, Enabled: true };
  if (table.stream) p.StreamSpecification = { StreamViewType: table.stream };
  const encryption = sse(table);
  if (encryption) p.SSESpecification = encryption;
  if (table.pointInTimeRecovery !== undefined)
    p.PointInTimeRecoverySpecification = { PointInTimeRecoveryEnabled: table.pointInTimeRecovery };
  if (table.deletionProtection !== undefined) p.DeletionProtectionEnabled = table.deletionProtection;
  if (table.tableClass) p.TableClass = table.tableClass;
  const tags = tagList(table.tags);
  if (tags.length > 0) p.Tags = tags;
  return { Type: 'AWS::DynamoDB::Table', Properties: p };
}

/** Table auto-scaling: a scalable target and a target-tracking policy for reads and for writes. */
function scalingResources(table: Table, id: string): Record<string, Json> {
  const billing = table.billing;
  if (billing.mode !== 'provisioned' || !billing.autoScaling) return {};
  const a = billing.autoScaling;
  const out: Record<string, Json> = {};
  for (const [side, min, max, metric] of [
    ['Read', a.minRead, a.maxRead, 'DynamoDBReadCapacityUtilization'],
    ['Write', a.minWrite, a.maxWrite, 'DynamoDBWriteCapacityUtilization'],
  ] as const) {
    out[`${id}${side}ScalableTarget`] = {
      Type: 'AWS::ApplicationAutoScaling::ScalableTarget',
      Properties: {
        ServiceNamespace: 'dynamodb',
        ScalableDimension: `dynamodb:table:${side}CapacityUnits`,
        ResourceId: { 'Fn::Sub': `table/\${${id}}` },
        MinCapacity: min,
        MaxCapacity: max,
      },
    };
    out[`${id}${side}ScalingPolicy`] = {
      Type: 'AWS::ApplicationAutoScaling::ScalingPolicy',
      Properties: {
        PolicyName: `${table.name}-${side.toLowerCase()}-scaling`,
        PolicyType: 'TargetTrackingScaling',
        ScalingTargetId: { Ref: `${id}${side}ScalableTarget` },
        TargetTrackingScalingPolicyConfiguration: {
          TargetValue: a.targetUtilization,
          PredefinedMetricSpecification: { PredefinedMetricType: metric },
        },
      },
    };
  }
  return out;
}

/** The template as a value: one AWS::DynamoDB::Table per model table, plus its auto-scaling resources. */
export function cloudFormationTemplate(model: Model): Json {
  const ids = logicalIds(model.tables.map((t) => t.name));
  const resources: Record<string, Json> = {};
  model.tables.forEach((table, i) => {
    resources[ids[i]!] = tableResource(table);
    Object.assign(resources, scalingResources(table, ids[i]!));
  });
  return {
    AWSTemplateFormatVersion: '2010-09-09',
    Description: model.description ?? `DynamoDB tables of the Monotable model "${model.name}".`,
    Metadata: { [MODEL_METADATA_KEY]: { Name: model.name } },
    Resources: resources,
  };
}

/** CloudFormation JSON (2-space indent) or YAML (long-form intrinsic functions, valid CloudFormation YAML). */
export function exportCloudFormation(model: Model, syntax: 'json' | 'yaml'): string {
  const template = cloudFormationTemplate(model);
  if (syntax === 'json') return `${JSON.stringify(template, null, 2)}\n`;
  // Written for YAML 1.1 readers too: strings such as 2010-09-09, yes, on or 012 are quoted, so no reader takes
  // them for a date, a boolean or a number.
  return new Document(template, { version: '1.1', aliasDuplicateObjects: false }).toString({ lineWidth: 0 });
}
