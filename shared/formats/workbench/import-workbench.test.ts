import { describe, expect, it } from 'vitest';
import { MonotableError } from '../../errors/monotable-error.js';
import { ModelSchema } from '../../model/schema.js';
import { workbenchExportNotes } from './export-losses.js';
import { exportWorkbench, workbenchDate } from './export-workbench.js';
import { importWorkbench, isWorkbenchFile } from './import-workbench.js';
import { toAttributeValue } from './typed-json.js';

const table = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  TableName: 'Orders',
  KeyAttributes: {
    PartitionKey: { AttributeName: 'pk', AttributeType: 'S' },
    SortKey: { AttributeName: 'sk', AttributeType: 'S' },
  },
  NonKeyAttributes: [
    { AttributeName: 'order_id', AttributeType: 'S' },
    { AttributeName: 'total', AttributeType: 'N' },
  ],
  ...extra,
});

function fail(value: unknown): MonotableError {
  try {
    importWorkbench(value);
  } catch (error) {
    expect(error).toBeInstanceOf(MonotableError);
    return error as MonotableError;
  }
  throw new Error('expected importWorkbench to throw');
}

describe('importWorkbench', () => {
  it('reads a file with no version at all (Workbench preview) as well as 1.0/2.0/3.0', () => {
    for (const meta of [
      undefined,
      { Version: '1.0' },
      { Version: '2.0', AWSService: 'Amazon DynamoDB' },
      { Version: '3.0' },
    ]) {
      const file = {
        ModelName: 'Shop',
        ...(meta ? { ModelMetadata: meta } : {}),
        DataModel: [table({ TableData: [{ pk: { S: 'O#1' }, sk: { S: 'O#1' }, total: { N: '12.50' } }] })],
      };
      const { model, notes } = importWorkbench(file);
      expect(ModelSchema.parse(model).tables[0]!.entities[0]!.sampleItems).toEqual([
        { pk: { S: 'O#1' }, sk: { S: 'O#1' }, total: { N: '12.50' } },
      ]);
      expect(notes.filter((n) => n.severity !== 'info')).toEqual([]);
    }
  });

  it('imports a key attribute whose name cannot be a parameter, with a warning', () => {
    const file = {
      ModelName: 'X',
      DataModel: [
        table({
          KeyAttributes: { PartitionKey: { AttributeName: 'Order Id', AttributeType: 'S' } },
          TableData: [{ 'Order Id': { S: '1' } }],
        }),
      ],
    };
    const { model, notes } = importWorkbench(file);
    expect(model.tables[0]!.entities[0]!.keys).toEqual({ 'Order Id': '{Order Id}' });
    expect(notes.map((n) => [n.code, n.severity])).toContainEqual(['workbench-key-name', 'warning']);
  });

  it('warns about an unknown version but still imports', () => {
    const { notes } = importWorkbench({ ModelName: 'X', ModelMetadata: { Version: '9.0' }, DataModel: [table()] });
    expect(notes.map((n) => [n.code, n.severity])).toContainEqual(['workbench-version', 'warning']);
  });

  it('turns a facet alias into a template only when every sample key matches it', () => {
    const items = [
      { pk: { S: 'ORDER#o1' }, sk: { S: 'ORDER#o1' }, order_id: { S: 'o1' } },
      { pk: { S: 'ORDER#o2' }, sk: { S: 'ORDER#o2' }, order_id: { S: 'o2' } },
    ];
    const facets = [
      {
        FacetName: 'Order',
        KeyAttributeAlias: { PartitionKeyAlias: 'ORDER#order_id', SortKeyAlias: 'orderLabel' },
        NonKeyAttributes: ['order_id'],
        TableData: items,
      },
    ];
    const entity = importWorkbench({ ModelName: 'X', DataModel: [table({ TableFacets: facets })] }).model.tables[0]!
      .entities[0]!;
    expect(entity.keys).toEqual({ pk: 'ORDER#{order_id}', sk: '{sk}' });
    expect(entity.attributes.map((a) => a.name)).toEqual(['order_id', 'sk']);
    expect(entity.description).toContain('sk "orderLabel"');
  });

  it.each(['USER#<user_id>', 'USER#{user_id}', 'USER#${user_id}'])(
    'reads the label %s (written by other modelling tools) as a template',
    (label) => {
      const items = [{ pk: { S: 'USER#u1' }, sk: { S: 'X' }, user_id: { S: 'u1' } }];
      const facets = [
        { FacetName: 'User', KeyAttributeAlias: { PartitionKeyAlias: label, SortKeyAlias: 'sk' }, TableData: items },
      ];
      expect(
        importWorkbench({ ModelName: 'X', DataModel: [table({ TableFacets: facets })] }).model.tables[0]!.entities[0]!
          .keys.pk,
      ).toBe('USER#{user_id}');
    },
  );

  it('takes a constant label as a constant template only when every sample key is exactly that text', () => {
    const items = [{ pk: { S: 'USER#1' }, sk: { S: 'PROFILE' }, user_id: { S: '1' } }];
    const facets = [
      {
        FacetName: 'Profile',
        KeyAttributeAlias: { PartitionKeyAlias: 'USER#user_id', SortKeyAlias: 'PROFILE' },
        TableData: items,
      },
    ];
    const entity = importWorkbench({ ModelName: 'X', DataModel: [table({ TableFacets: facets })] }).model.tables[0]!
      .entities[0]!;
    expect(entity.keys).toEqual({ pk: 'USER#{user_id}', sk: 'PROFILE' });
    const other = [
      { ...facets[0]!, TableData: [...items, { pk: { S: 'USER#2' }, sk: { S: 'SETTINGS' }, user_id: { S: '2' } }] },
    ];
    expect(
      importWorkbench({ ModelName: 'X', DataModel: [table({ TableFacets: other })] }).model.tables[0]!.entities[0]!.keys
        .sk,
    ).toBe('{sk}');
  });

  it('keeps table items outside facets in one entity, and table-level copies of facet items once', () => {
    const a = { pk: { S: 'A' }, sk: { S: 'A' } };
    const b = { pk: { S: 'B' }, sk: { S: 'B' } };
    const file = {
      ModelName: 'X',
      DataModel: [table({ TableFacets: [{ FacetName: 'Thing', TableData: [a] }], TableData: [a, b] })],
    };
    const entities = importWorkbench(file).model.tables[0]!.entities;
    expect(entities.map((e) => [e.name, e.sampleItems])).toEqual([
      ['Thing', [a]],
      ['Orders', [b]],
    ]);
  });

  it('reads billing with auto-scaling and INCLUDE projections', () => {
    const scaling = (min: number, max: number) => ({
      ScalableTargetRequest: { MinCapacity: min, MaxCapacity: max },
      ScalingPolicyConfiguration: { TargetValue: 70 },
    });
    const file = {
      ModelName: 'X',
      DataModel: [
        table({
          BillingMode: 'PROVISIONED',
          ProvisionedCapacitySettings: {
            ProvisionedThroughput: { ReadCapacityUnits: 7, WriteCapacityUnits: 3 },
            AutoScalingRead: scaling(1, 10),
            AutoScalingWrite: scaling(2, 20),
          },
          GlobalSecondaryIndexes: [
            {
              IndexName: 'by-total',
              KeyAttributes: { PartitionKey: { AttributeName: 'total', AttributeType: 'N' } },
              Projection: { ProjectionType: 'INCLUDE', NonKeyAttributes: ['order_id', 'pk'] },
            },
          ],
        }),
      ],
    };
    const { model, notes } = importWorkbench(file);
    const t = model.tables[0]!;
    expect(t.billing).toEqual({
      mode: 'provisioned',
      read: 7,
      write: 3,
      autoScaling: { minRead: 1, maxRead: 10, minWrite: 2, maxWrite: 20, targetUtilization: 70 },
    });
    expect(t.globalSecondaryIndexes![0]!.projection).toEqual({ type: 'INCLUDE', nonKeyAttributes: ['order_id'] });
    expect(notes.map((n) => n.code)).toContain('workbench-projected-keys');
    const again = importWorkbench(JSON.parse(JSON.stringify(exportWorkbench(model))));
    expect(again.model.tables[0]!.billing).toEqual(t.billing);
    expect(again.model.tables[0]!.globalSecondaryIndexes).toEqual(t.globalSecondaryIndexes);
  });

  it.each([
    ['not an object', 42, '$'],
    ['a list', [], '$'],
    ['DataModel not a list', { ModelName: 'X', DataModel: {} }, '$.DataModel'],
    ['a table that is text', { ModelName: 'X', DataModel: ['Orders'] }, '$.DataModel[0]'],
    ['missing KeyAttributes', { ModelName: 'X', DataModel: [{ TableName: 'T' }] }, '$.DataModel[0].KeyAttributes'],
    [
      'an item that is a list',
      { ModelName: 'X', DataModel: [table({ TableData: [[1]] })] },
      '$.DataModel[0].TableData[0]',
    ],
    [
      'a facet without a name',
      { ModelName: 'X', DataModel: [table({ TableFacets: [{}] })] },
      '$.DataModel[0].TableFacets[0].FacetName',
    ],
    [
      'a bad billing mode',
      { ModelName: 'X', DataModel: [table({ BillingMode: 'FREE' })] },
      '$.DataModel[0].BillingMode',
    ],
    [
      'an attribute without a name',
      { ModelName: 'X', DataModel: [table({ TableData: [{ pk: { S: 'a' }, '': { S: 'x' } }] })] },
      '$.DataModel[0].TableData[0][""]',
    ],
    [
      'throughput of zero',
      {
        ModelName: 'X',
        DataModel: [
          table({
            BillingMode: 'PROVISIONED',
            ProvisionedCapacitySettings: { ProvisionedThroughput: { ReadCapacityUnits: 0, WriteCapacityUnits: 1 } },
          }),
        ],
      },
      '$.DataModel[0].ProvisionedCapacitySettings.ProvisionedThroughput.ReadCapacityUnits',
    ],
  ])('refuses %s with a path and a hint', (_name, value, path) => {
    const error = fail(value);
    expect(error.code).toBe('SCHEMA_ERROR');
    expect(error.details.path).toBe(path);
    expect(error.details.hint).toBeTruthy();
  });

  it('refuses __proto__ keys anywhere', () => {
    const file = JSON.parse('{"ModelName":"X","DataModel":[{"TableName":"T","__proto__":{"polluted":1}}]}') as unknown;
    expect(fail(file).code).toBe('FORBIDDEN_KEY');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('detects Workbench files', () => {
    expect(isWorkbenchFile({ ModelName: 'X', DataModel: [] })).toBe(true);
    expect(isWorkbenchFile({ format: 'monotable/1', tables: [] })).toBe(false);
    expect(isWorkbenchFile({ Resources: {} })).toBe(false);
    expect(isWorkbenchFile('DataModel')).toBe(false);
  });
});

describe('toAttributeValue (faithful repair of invalid typed JSON)', () => {
  it('keeps valid typed JSON exactly', () => {
    const value = {
      M: { a: { SS: ['x'] }, b: { L: [{ N: '1' }, { NULL: true }, { BOOL: false }] }, c: { B: 'AAE=' } },
    };
    expect(toAttributeValue(value, '$')).toEqual({ value, repairs: [] });
  });

  it('converts a plain map inside an M (GamePlayerProfiles) without losing data', () => {
    const result = toAttributeValue({ M: { M: { HP: { N: '50' } } } }, '$.x');
    expect(result.value).toEqual({ M: { M: { M: { HP: { N: '50' } } } } });
    expect(result.repairs).toEqual(['$.x.M.M']);
  });

  it('converts plain JSON values (ConnectedVehicles) to their typed form', () => {
    const result = toAttributeValue(
      { M: { on: true, v: 'beta', n: 12.5, none: null, list: [1, 'a'], deep: { x: { y: 1 } } } },
      '$',
    );
    expect(result.value).toEqual({
      M: {
        on: { BOOL: true },
        v: { S: 'beta' },
        n: { N: '12.5' },
        none: { NULL: true },
        list: { L: [{ N: '1' }, { S: 'a' }] },
        deep: { M: { x: { M: { y: { N: '1' } } } } },
      },
    });
    expect(result.repairs.length).toBe(6);
  });
});

describe('exportWorkbench', () => {
  it('keeps an entity in its index across a round trip even without sample items', () => {
    const model = {
      format: 'monotable/1' as const,
      name: 'm',
      tables: [
        {
          name: 't',
          partitionKey: { name: 'pk', type: 'S' as const },
          billing: { mode: 'on-demand' as const },
          globalSecondaryIndexes: [
            { name: 'g', partitionKey: { name: 'gpk', type: 'S' as const }, projection: { type: 'ALL' as const } },
          ],
          entities: [
            {
              name: 'User',
              keys: { pk: 'USER#{id}', gpk: 'EMAIL#{email}' },
              attributes: [
                { name: 'id', type: 'S' as const },
                { name: 'email', type: 'S' as const },
              ],
            },
          ],
          accessPatterns: [],
        },
      ],
    };
    const entity = importWorkbench(JSON.parse(JSON.stringify(exportWorkbench(model)))).model.tables[0]!.entities[0]!;
    expect(entity.keys).toEqual({ pk: 'USER#{id}', gpk: '{gpk}' });
  });

  it('writes Workbench 3.0 metadata and its date format', () => {
    const out = exportWorkbench(
      { format: 'monotable/1', name: 'm', tables: [] },
      { now: new Date('2026-11-26T15:04:00Z') },
    );
    expect(out.ModelMetadata).toEqual({
      Author: '',
      DateCreated: 'Nov 26, 2026, 03:04 PM',
      DateLastModified: 'Nov 26, 2026, 03:04 PM',
      Description: '',
      AWSService: 'Amazon DynamoDB',
      Version: '3.0',
    });
    expect(workbenchDate(new Date('2026-01-02T00:30:00Z'))).toBe('Jan 02, 2026, 12:30 AM');
  });
});

describe('workbenchExportNotes', () => {
  it('names what Workbench cannot hold', () => {
    const base = {
      name: 't',
      partitionKey: { name: 'pk', type: 'S' as const },
      sortKey: { name: 'sk', type: 'S' as const },
      billing: { mode: 'on-demand' as const },
      accessPatterns: [],
    };
    const plain = {
      format: 'monotable/1' as const,
      name: 'm',
      tables: [{ ...base, entities: [{ name: 'E', keys: { pk: '{pk}', sk: '{sk}', g: '{g}' }, attributes: [] }] }],
    };
    expect(workbenchExportNotes(plain)).toEqual([]);
    const rich = {
      ...plain,
      tables: [
        {
          ...base,
          ttlAttribute: 'ttl',
          localSecondaryIndexes: [
            { name: 'l', sortKey: { name: 'x', type: 'S' as const }, projection: { type: 'ALL' as const } },
          ],
          entities: [{ name: 'E', keys: { pk: 'A#{id}', sk: '{sk}', g: 'G#{id}' }, attributes: [] }],
        },
      ],
    };
    expect(workbenchExportNotes(rich).map((n) => [n.code, n.message])).toEqual([
      [
        'workbench-export-settings',
        'Workbench files have no place for local secondary indexes, TTL of table "t"; they are not in the export.',
      ],
      ['workbench-export-modelling', 'Not in the Workbench export of "t": index key templates (E.g = G#{id}).'],
    ]);
  });
});
