import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MonotableError } from '../../shared/errors/monotable-error.js';
import {
  exportCloudFormation,
  importCloudFormation,
  parseCloudFormationText,
} from '../../shared/formats/cloudformation/index.js';
import { importWorkbench } from '../../shared/formats/workbench/import-workbench.js';
import { ModelSchema } from '../../shared/model/schema.js';
import { TEMPLATES } from '../../shared/templates/index.js';
import { WORKBENCH_CORPUS } from '../support/workbench-corpus.js';

/**
 * Property: whatever a file holds, the importers either return a schema-valid model or throw a MonotableError
 * (with a path and a hint for shape errors) — never a TypeError from deep inside. Inputs are real documents with
 * one subtree replaced by arbitrary JSON, so the damage reaches every level of the format.
 */
const workbench = JSON.parse(
  readFileSync(resolve(WORKBENCH_CORPUS, 'aws-dynamodb-examples/RecurringPaymentsSchema.json'), 'utf8'),
) as unknown;
const cloudFormation = JSON.parse(exportCloudFormation(TEMPLATES[0]!.model, 'json')) as unknown;
const auto = (min: number, max: number) => ({
  MinCapacity: min,
  MaxCapacity: max,
  TargetTrackingScalingPolicyConfiguration: { TargetValue: 70 },
});
const globalTable: unknown = {
  Parameters: { Units: { Type: 'Number', Default: 3 } },
  Resources: {
    Global: {
      Type: 'AWS::DynamoDB::GlobalTable',
      Properties: {
        TableName: 'g',
        BillingMode: 'PROVISIONED',
        AttributeDefinitions: [
          { AttributeName: 'pk', AttributeType: 'S' },
          { AttributeName: 'gpk', AttributeType: 'N' },
        ],
        KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
        SSESpecification: { SSEEnabled: true },
        WriteProvisionedThroughputSettings: { WriteCapacityAutoScalingSettings: auto(1, 9) },
        GlobalSecondaryIndexes: [
          {
            IndexName: 'by-g',
            KeySchema: [{ AttributeName: 'gpk', KeyType: 'HASH' }],
            Projection: { ProjectionType: 'ALL' },
            WriteProvisionedThroughputSettings: { WriteCapacityAutoScalingSettings: auto(2, 4) },
          },
        ],
        Replicas: [
          {
            Region: 'eu-west-1',
            ReadProvisionedThroughputSettings: { ReadCapacityUnits: { Ref: 'Units' } },
            SSESpecification: { KMSMasterKeyId: 'k' },
            Tags: [{ Key: 'a', Value: 'b' }],
            GlobalSecondaryIndexes: [
              { IndexName: 'by-g', ReadProvisionedThroughputSettings: { ReadCapacityAutoScalingSettings: auto(1, 2) } },
            ],
          },
        ],
      },
    },
  },
};

type Json = unknown;

function paths(value: Json, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(prefix);
  if (Array.isArray(value)) value.forEach((v, i) => paths(v, [...prefix, i], out));
  else if (value !== null && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) paths(v, [...prefix, k], out);
  return out;
}

function replaceAt(value: Json, path: (string | number)[], replacement: Json): Json {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  if (Array.isArray(value)) return value.map((v, i) => (i === head ? replaceAt(v, rest, replacement) : v));
  const obj = value as Record<string, Json>;
  return { ...obj, [head as string]: replaceAt(obj[head as string], rest, replacement) };
}

function checkOutcome(run: () => { model: unknown }): void {
  try {
    ModelSchema.parse(run().model);
  } catch (error) {
    if (!(error instanceof MonotableError)) throw error;
    if (error.code === 'SCHEMA_ERROR') {
      expect(error.details.path).toMatch(/^\$/);
      expect(error.details.hint).toBeTruthy();
    }
  }
}

const damaged = (document: Json) => {
  const all = paths(document);
  return fc
    .tuple(fc.integer({ min: 0, max: all.length - 1 }), fc.jsonValue({ maxDepth: 3 }))
    .map(([i, v]) => replaceAt(document, all[i]!, v));
};

describe('importers on damaged documents', () => {
  it('Workbench: a model or a MonotableError, never a crash', () => {
    fc.assert(
      fc.property(damaged(workbench), (doc) => checkOutcome(() => importWorkbench(doc))),
      { numRuns: 400 },
    );
  });

  it('CloudFormation: a model or a MonotableError, never a crash', () => {
    fc.assert(
      fc.property(damaged(cloudFormation), (doc) => checkOutcome(() => importCloudFormation(doc))),
      { numRuns: 400 },
    );
  });

  it('CloudFormation GlobalTable: a model or a MonotableError, never a crash', () => {
    checkOutcome(() => importCloudFormation(globalTable));
    expect(importCloudFormation(globalTable).model.tables[0]!.billing).toMatchObject({ read: 3, write: 1 });
    fc.assert(
      fc.property(damaged(globalTable), (doc) => checkOutcome(() => importCloudFormation(doc))),
      { numRuns: 400 },
    );
  });

  it('arbitrary JSON at the top level', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (doc) => {
        checkOutcome(() => importWorkbench(doc));
        checkOutcome(() => importCloudFormation(doc));
      }),
      { numRuns: 300 },
    );
  });

  it('arbitrary text as a CloudFormation template: parsed or a MonotableError', () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom('a', ':', ' ', '\n', '-', '!Ref', '!Sub', '[', ']', '{', '}', '&x', '*x', '"', '#'),
        }),
        (text) => {
          try {
            parseCloudFormationText(text);
          } catch (error) {
            expect(error).toBeInstanceOf(MonotableError);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
