import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { MonotableError } from '../../errors/monotable-error.js';
import { ModelSchema, type Model, type Table } from '../../model/schema.js';
import { validate } from '../../rules/validate.js';
import {
  exportCloudFormation,
  importCloudFormation,
  isCloudFormationTemplate,
  parseCloudFormationText,
} from './index.js';
import { logicalIds } from './logical-id.js';

const orders: Table = {
  name: 'shop-orders',
  partitionKey: { name: 'pk', type: 'S' },
  sortKey: { name: 'sk', type: 'S' },
  billing: {
    mode: 'provisioned',
    read: 10,
    write: 5,
    autoScaling: { minRead: 2, maxRead: 40, minWrite: 1, maxWrite: 20, targetUtilization: 65 },
  },
  globalSecondaryIndexes: [
    {
      name: 'by-customer',
      partitionKey: { name: 'customer', type: 'S' },
      sortKey: { name: 'at', type: 'N' },
      projection: { type: 'INCLUDE', nonKeyAttributes: ['total'] },
      throughput: { read: 3, write: 2 },
    },
    { name: 'by-status', partitionKey: { name: 'status', type: 'S' }, projection: { type: 'KEYS_ONLY' } },
  ],
  localSecondaryIndexes: [{ name: 'by-total', sortKey: { name: 'total', type: 'N' }, projection: { type: 'ALL' } }],
  ttlAttribute: 'expires_at',
  stream: 'NEW_AND_OLD_IMAGES',
  encryption: { type: 'customer-kms', kmsKeyId: 'alias/shop' },
  tableClass: 'STANDARD_INFREQUENT_ACCESS',
  deletionProtection: true,
  pointInTimeRecovery: true,
  tags: { env: 'prod', team: 'shop' },
  entities: [],
  accessPatterns: [],
};
const sessions: Table = {
  name: 'sessions',
  partitionKey: { name: 'id', type: 'B' },
  billing: { mode: 'on-demand' },
  encryption: { type: 'aws-managed' },
  pointInTimeRecovery: false,
  deletionProtection: false,
  entities: [],
  accessPatterns: [],
};
const audit: Table = {
  name: '2026.audit',
  partitionKey: { name: 'id', type: 'S' },
  billing: { mode: 'provisioned', read: 1, write: 1 },
  encryption: { type: 'aws-owned' },
  entities: [],
  accessPatterns: [],
};
const model: Model = {
  format: 'monotable/1',
  name: 'shop',
  description: 'The shop tables.',
  tables: [orders, sessions, audit],
};

function error(work: () => unknown): MonotableError {
  try {
    work();
  } catch (e) {
    expect(e).toBeInstanceOf(MonotableError);
    return e as MonotableError;
  }
  throw new Error('expected a MonotableError');
}

describe('CloudFormation export and import', () => {
  it.each(['json', 'yaml'] as const)('model → CloudFormation %s → model keeps every table setting', (syntax) => {
    const text = exportCloudFormation(model, syntax);
    const { model: back, notes } = importCloudFormation(parseCloudFormationText(text));
    expect(ModelSchema.parse(back)).toEqual(model);
    expect(notes).toEqual([]);
    expect(validate(back).filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('writes AWS::DynamoDB::Table resources named after the tables, with auto-scaling resources', () => {
    const template = JSON.parse(exportCloudFormation(model, 'json')) as {
      AWSTemplateFormatVersion: string;
      Resources: Record<string, { Type: string; Properties: Record<string, unknown> }>;
    };
    expect(template.AWSTemplateFormatVersion).toBe('2010-09-09');
    expect(Object.keys(template.Resources)).toEqual([
      'ShopOrders',
      'ShopOrdersReadScalableTarget',
      'ShopOrdersReadScalingPolicy',
      'ShopOrdersWriteScalableTarget',
      'ShopOrdersWriteScalingPolicy',
      'Sessions',
      'Table2026Audit',
    ]);
    expect(template.Resources.ShopOrders!.Properties).toMatchObject({
      TableName: 'shop-orders',
      BillingMode: 'PROVISIONED',
      TimeToLiveSpecification: { AttributeName: 'expires_at', Enabled: true },
      SSESpecification: { SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: 'alias/shop' },
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
      DeletionProtectionEnabled: true,
      TableClass: 'STANDARD_INFREQUENT_ACCESS',
      Tags: [
        { Key: 'env', Value: 'prod' },
        { Key: 'team', Value: 'shop' },
      ],
    });
    expect(template.Resources.Sessions!.Properties.ProvisionedThroughput).toBeUndefined();
    expect(parse(exportCloudFormation(model, 'yaml'))).toEqual(template);
  });

  it('quotes YAML strings a YAML 1.1 reader would turn into dates, booleans or numbers', () => {
    const tagged: Model = {
      ...model,
      tables: [{ ...sessions, tags: { backup: 'yes', since: '2026-01-01', code: '012', off: 'on' } }],
    };
    const text = exportCloudFormation(tagged, 'yaml');
    expect(text).toContain('AWSTemplateFormatVersion: "2010-09-09"');
    for (const version of ['1.1', '1.2'] as const) {
      expect(
        (parse(text, { version }) as { Resources: { Sessions: { Properties: { Tags: unknown } } } }).Resources.Sessions
          .Properties.Tags,
      ).toEqual([
        { Key: 'backup', Value: 'yes' },
        { Key: 'since', Value: '2026-01-01' },
        { Key: 'code', Value: '012' },
        { Key: 'off', Value: 'on' },
      ]);
    }
  });

  it('imports a hand-written YAML template with short-form functions', () => {
    const text = `
AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  ReadUnits: { Type: Number, Default: 8 }
Resources:
  Bucket:
    Type: AWS::S3::Bucket
  Messages:
    Type: AWS::DynamoDB::Table
    Properties:
      TableName: !Sub "\${AWS::StackName}-messages"
      AttributeDefinitions:
        - { AttributeName: pk, AttributeType: S }
        - { AttributeName: sk, AttributeType: S }
      KeySchema:
        - { AttributeName: pk, KeyType: HASH }
        - { AttributeName: sk, KeyType: RANGE }
      ProvisionedThroughput: { ReadCapacityUnits: !Ref ReadUnits, WriteCapacityUnits: 2 }
      SSESpecification: { SSEEnabled: "true", KMSMasterKeyId: !GetAtt Key.Arn }
      TimeToLiveSpecification: { AttributeName: ttl, Enabled: false }
Outputs:
  Arn: { Value: !GetAtt Messages.Arn }
  Name: { Value: !Join ["", [!Ref Messages]] }
`;
    const value = parseCloudFormationText(text);
    expect(isCloudFormationTemplate(value)).toBe(true);
    const e = error(() => importCloudFormation(value));
    expect(e.details.path).toBe('$.Resources.Messages.Properties.SSESpecification.KMSMasterKeyId');
    const fixed = parseCloudFormationText(text.replace('KMSMasterKeyId: !GetAtt Key.Arn', 'KMSMasterKeyId: alias/x'));
    const { model: m, notes } = importCloudFormation(fixed);
    expect(m.tables).toEqual([
      {
        name: 'Messages',
        partitionKey: { name: 'pk', type: 'S' },
        sortKey: { name: 'sk', type: 'S' },
        billing: { mode: 'provisioned', read: 8, write: 2 },
        encryption: { type: 'customer-kms', kmsKeyId: 'alias/x' },
        entities: [],
        accessPatterns: [],
      },
    ]);
    expect(notes.map((n) => n.code).sort()).toEqual(['cloudformation-parameter-default', 'cloudformation-table-name']);
  });

  it.each([
    ['not an object', 'just text', '$'],
    ['Resources missing', { AWSTemplateFormatVersion: '2010-09-09' }, '$.Resources'],
    [
      'a key without an attribute definition',
      {
        Resources: {
          T: {
            Type: 'AWS::DynamoDB::Table',
            Properties: {
              AttributeDefinitions: [],
              KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
              BillingMode: 'PAY_PER_REQUEST',
            },
          },
        },
      },
      '$.Resources.T.Properties.KeySchema[0].AttributeName',
    ],
    [
      'KeySchema of the wrong type',
      { Resources: { T: { Type: 'AWS::DynamoDB::Table', Properties: { AttributeDefinitions: [], KeySchema: 'pk' } } } },
      '$.Resources.T.Properties.KeySchema',
    ],
    [
      'a bad billing mode',
      {
        Resources: {
          T: {
            Type: 'AWS::DynamoDB::Table',
            Properties: {
              AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
              KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
              BillingMode: 'FREE',
            },
          },
        },
      },
      '$.Resources.T.Properties.BillingMode',
    ],
    [
      'provisioned without throughput',
      {
        Resources: {
          T: {
            Type: 'AWS::DynamoDB::Table',
            Properties: {
              AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
              KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
            },
          },
        },
      },
      '$.Resources.T.Properties.ProvisionedThroughput',
    ],
  ])('refuses %s with a path and a hint', (_name, value, path) => {
    const e = error(() => importCloudFormation(value));
    expect(e.details.path).toBe(path);
    expect(e.details.hint).toBeTruthy();
  });

  it('reports broken YAML with line and column, and refuses alias bombs', () => {
    const broken = error(() => parseCloudFormationText('Resources:\n  T: [1, 2\n'));
    expect(broken.code).toBe('PARSE_ERROR');
    expect(broken.details.path).toMatch(/^\d+:\d+$/);
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 8; i++)
      lines.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10)
          .fill(`*${String.fromCharCode(96 + i)}`)
          .join(', ')}]`,
      );
    expect(error(() => parseCloudFormationText(lines.join('\n'))).code).toBe('PARSE_ERROR');
    expect(error(() => parseCloudFormationText('{"Resources": {"__proto__": {}}}')).code).toBe('FORBIDDEN_KEY');
  });

  it('imports an AWS::DynamoDB::GlobalTable with the settings of its first replica', () => {
    const text = `
Resources:
  Orders:
    Type: AWS::DynamoDB::GlobalTable
    Properties:
      TableName: orders
      BillingMode: PROVISIONED
      AttributeDefinitions:
        - { AttributeName: pk, AttributeType: S }
        - { AttributeName: gpk, AttributeType: S }
      KeySchema: [{ AttributeName: pk, KeyType: HASH }]
      StreamSpecification: { StreamViewType: NEW_AND_OLD_IMAGES }
      SSESpecification: { SSEEnabled: true, SSEType: KMS }
      TimeToLiveSpecification: { AttributeName: ttl, Enabled: true }
      WriteProvisionedThroughputSettings:
        WriteCapacityAutoScalingSettings: { MinCapacity: 2, MaxCapacity: 20, SeedCapacity: 4, TargetTrackingScalingPolicyConfiguration: { TargetValue: 60 } }
      GlobalSecondaryIndexes:
        - IndexName: by-g
          KeySchema: [{ AttributeName: gpk, KeyType: HASH }]
          Projection: { ProjectionType: KEYS_ONLY }
          WriteProvisionedThroughputSettings:
            WriteCapacityAutoScalingSettings: { MinCapacity: 1, MaxCapacity: 5, TargetTrackingScalingPolicyConfiguration: { TargetValue: 60 } }
      Replicas:
        - Region: eu-west-1
          ReadProvisionedThroughputSettings: { ReadCapacityUnits: 8 }
          PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true }
          DeletionProtectionEnabled: true
          TableClass: STANDARD
          SSESpecification: { KMSMasterKeyId: alias/orders }
          Tags: [{ Key: env, Value: prod }]
        - Region: us-east-1
          ReadProvisionedThroughputSettings: { ReadCapacityUnits: 3 }
`;
    const { model: m, notes } = importCloudFormation(parseCloudFormationText(text));
    expect(m.tables).toEqual([
      {
        name: 'orders',
        partitionKey: { name: 'pk', type: 'S' },
        billing: {
          mode: 'provisioned',
          read: 8,
          write: 4,
          autoScaling: { minRead: 8, maxRead: 8, minWrite: 2, maxWrite: 20, targetUtilization: 60 },
        },
        globalSecondaryIndexes: [
          {
            name: 'by-g',
            partitionKey: { name: 'gpk', type: 'S' },
            projection: { type: 'KEYS_ONLY' },
            throughput: { read: 8, write: 1 },
          },
        ],
        ttlAttribute: 'ttl',
        stream: 'NEW_AND_OLD_IMAGES',
        encryption: { type: 'customer-kms', kmsKeyId: 'alias/orders' },
        tableClass: 'STANDARD',
        deletionProtection: true,
        pointInTimeRecovery: true,
        tags: { env: 'prod' },
        entities: [],
        accessPatterns: [],
      },
    ]);
    expect(ModelSchema.parse(m)).toEqual(m);
    expect(notes.map((n) => n.message)).toEqual([
      'Orders is a global table with replicas in eu-west-1, us-east-1; the model holds one table, with the settings of the eu-west-1 replica.',
    ]);
    const missing = error(() =>
      importCloudFormation(
        parseCloudFormationText(
          text.replace(
            'ReadProvisionedThroughputSettings: { ReadCapacityUnits: 8 }',
            'ContributorInsightsSpecification: { Enabled: false }',
          ),
        ),
      ),
    );
    expect(missing.details.path).toBe('$.Resources.Orders.Properties.Replicas[0].ReadProvisionedThroughputSettings');
    expect(isCloudFormationTemplate({ Resources: { B: { Type: 'AWS::S3::Bucket' } } })).toBe(false);
  });

  it('makes unique alphanumeric logical ids', () => {
    expect(logicalIds(['orders', 'Orders', 'my-table.v2', '9lives', '---'])).toEqual([
      'Orders',
      'Orders2',
      'MyTableV2',
      'Table9lives',
      'Table',
    ]);
  });
});
