import { afterAll, describe, expect, it } from 'vitest';
import { cliFolder } from '../support/run-cli.js';

/**
 * A Workbench or CloudFormation file describing what DynamoDB itself refuses is a model with errors: exit 1, the
 * DynamoDB rule named, the JSON path of the source given; kept as written where the model can hold it, never dropped.
 */
const folder = cliFolder();
afterAll(() => folder.remove());

const workbench = (keyType: string, projection: unknown) => ({
  ModelName: 'm',
  ModelMetadata: { Version: '3.0' },
  DataModel: [
    {
      TableName: 't',
      KeyAttributes: { PartitionKey: { AttributeName: 'pk', AttributeType: keyType } },
      GlobalSecondaryIndexes: [
        {
          IndexName: 'g',
          KeyAttributes: { PartitionKey: { AttributeName: 'gpk', AttributeType: 'S' } },
          Projection: projection,
        },
      ],
      TableFacets: [],
      BillingMode: 'PAY_PER_REQUEST',
    },
  ],
});
const cloudFormation = (keyType: string, projection: unknown) => ({
  Resources: {
    T: {
      Type: 'AWS::DynamoDB::Table',
      Properties: {
        TableName: 't',
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [
          { AttributeName: 'pk', AttributeType: keyType },
          { AttributeName: 'gpk', AttributeType: 'S' },
        ],
        KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
        GlobalSecondaryIndexes: [
          { IndexName: 'g', KeySchema: [{ AttributeName: 'gpk', KeyType: 'HASH' }], Projection: projection },
        ],
      },
    },
  },
});

async function importFile(name: string, body: unknown) {
  const { writeFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  writeFileSync(join(folder.dir, name), JSON.stringify(body));
  return folder.cli('import', name, '-o', `${name}.monotable.json`);
}

describe('importing what DynamoDB refuses', () => {
  it('a key type outside S/N/B: exit 1, key-type-invalid and the source path, nothing written', async () => {
    for (const [name, body, path] of [
      [
        'wb.json',
        workbench('BOOL', { ProjectionType: 'ALL' }),
        '$.DataModel[0].KeyAttributes.PartitionKey.AttributeType',
      ],
      [
        'cfn.json',
        cloudFormation('BOOL', { ProjectionType: 'ALL' }),
        '$.Resources.T.Properties.AttributeDefinitions[0].AttributeType',
      ],
    ] as const) {
      const result = await importFile(name, body);
      expect(result.code, result.stderr).toBe(1);
      expect(result.stderr).toContain(`error [MODEL_INVALID] ${path}:`);
      expect(result.stderr).toContain('key-type-invalid');
      expect(result.stderr).toMatch(/DynamoDB key attributes are S \(string\), N \(number\) or B \(binary\)/);
      expect(() => folder.read(`${name}.monotable.json`)).toThrow();
    }
  });

  it('NonKeyAttributes on a KEYS_ONLY index: exit 1 naming CreateTable’s rule, kept as written, and validate agrees', async () => {
    for (const [name, body, path] of [
      [
        'wb-keys.json',
        workbench('S', { ProjectionType: 'KEYS_ONLY', NonKeyAttributes: ['a'] }),
        '$.DataModel[0].GlobalSecondaryIndexes[0].Projection.NonKeyAttributes',
      ],
      [
        'cfn-keys.json',
        cloudFormation('S', { ProjectionType: 'KEYS_ONLY', NonKeyAttributes: ['a'] }),
        '$.Resources.T.Properties.GlobalSecondaryIndexes[0].Projection.NonKeyAttributes',
      ],
    ] as const) {
      const result = await importFile(name, body);
      expect(result.code, result.stderr).toBe(1);
      expect(result.stderr).toContain(`error projection-nonkey-without-include ${path}`);
      expect(result.stderr).toContain('only with ProjectionType INCLUDE');
      const model = JSON.parse(folder.read(`${name}.monotable.json`));
      expect(model.tables[0].globalSecondaryIndexes[0].projection).toEqual({
        type: 'KEYS_ONLY',
        nonKeyAttributes: ['a'],
      });
      const validated = await folder.cli('validate', `${name}.monotable.json`);
      expect(validated.code).toBe(1);
      expect(validated.stdout + validated.stderr).toContain('projection-nonkey-without-include');
    }
  });
});
