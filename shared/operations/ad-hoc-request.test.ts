import { describe, expect, it } from 'vitest';
import { isMonotableError } from '../errors/monotable-error.js';
import type { Model } from '../model/schema.js';
import { buildAdHocQuery, buildAdHocScan } from './ad-hoc-request.js';
import { parseFilter } from './parse-filter.js';

const model: Model = {
  format: 'monotable/1',
  name: 'm',
  tables: [
    {
      name: 'T',
      partitionKey: { name: 'pk', type: 'S' },
      sortKey: { name: 'n', type: 'N' },
      billing: { mode: 'on-demand' },
      globalSecondaryIndexes: [
        { name: 'g', partitionKey: { name: 'status', type: 'S' }, projection: { type: 'KEYS_ONLY' } },
      ],
      entities: [
        {
          name: 'E',
          keys: { pk: '{id}', n: '{n}' },
          attributes: [
            { name: 'size', type: 'N' },
            { name: 'flag', type: 'BOOL' },
          ],
        },
      ],
      accessPatterns: [],
    },
  ],
};

function code(f: () => unknown): string {
  try {
    f();
  } catch (error) {
    if (isMonotableError(error)) return `${error.code}: ${error.message}`;
  }
  return 'no error';
}

describe('ad hoc requests', () => {
  it('types key values from the model and aliases every name', () => {
    expect(
      buildAdHocQuery(model, {
        table: 'T',
        partition: 'a',
        sort: { operator: 'between', value: '1', to: '12345678901234567890123456789012345678' },
        descending: true,
        limit: 5,
        filters: [
          parseFilter('size >= 3'),
          parseFilter('flag = true'),
          parseFilter('name begins_with Al Bo'),
          parseFilter('x exists'),
        ],
        projection: ['size', 'name'],
      }),
    ).toEqual({
      operation: 'Query',
      input: {
        TableName: 'T',
        KeyConditionExpression: '#n0 = :v0 AND #n1 BETWEEN :v1 AND :v2',
        ScanIndexForward: false,
        Limit: 5,
        FilterExpression: '#n2 >= :v3 AND #n3 = :v4 AND begins_with(#n4, :v5) AND attribute_exists(#n5)',
        ProjectionExpression: '#n2, #n4',
        ExpressionAttributeNames: { '#n0': 'pk', '#n1': 'n', '#n2': 'size', '#n3': 'flag', '#n4': 'name', '#n5': 'x' },
        ExpressionAttributeValues: {
          ':v0': { S: 'a' },
          ':v1': { N: '1' },
          ':v2': { N: '12345678901234567890123456789012345678' },
          ':v3': { N: '3' },
          ':v4': { BOOL: true },
          ':v5': { S: 'Al Bo' },
        },
      },
    });
  });

  it('refuses what DynamoDB would refuse, with the reason', () => {
    expect(
      code(() => buildAdHocQuery(model, { table: 'T', partition: 'a', sort: { operator: '=', value: 'x' } })),
    ).toMatch(/BAD_INPUT: sort key n: "x" is not a number/);
    expect(
      code(() =>
        buildAdHocQuery(model, { table: 'T', index: 'g', partition: 'a', sort: { operator: '=', value: '1' } }),
      ),
    ).toMatch(/Index "g" has no sort key/);
    expect(
      code(() => buildAdHocQuery(model, { table: 'T', index: 'g', partition: 'a', consistentRead: true })),
    ).toMatch(/no strongly consistent reads/);
    expect(code(() => buildAdHocScan(model, { table: 'T', index: 'nope' }))).toMatch(
      /NOT_FOUND: Table "T" has no index "nope"/,
    );
    expect(code(() => buildAdHocScan(model, { table: 'U' }))).toMatch(/NOT_FOUND/);
    expect(code(() => parseFilter('size ~ 3'))).toMatch(/unknown operator "~"/);
    expect(code(() => parseFilter('size between 3'))).toMatch(/LOW and HIGH/);
  });

  it('scans an index with a limit', () => {
    expect(buildAdHocScan(model, { table: 'T', index: 'g', limit: 2 })).toEqual({
      operation: 'Scan',
      input: { TableName: 'T', IndexName: 'g', Limit: 2 },
    });
  });
});
