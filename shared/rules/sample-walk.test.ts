import { describe, expect, it } from 'vitest';
import type { Item } from '../model/attribute-value.js';
import type { Model } from '../model/schema.js';
import { indexItems } from '../preview/index-items.js';
import { validate } from './validate.js';

/**
 * The validator's sample-item checks and the preview's rows (preview/view-parts.ts) read the same items, each in its
 * own walk, and share caches keyed by the same item arrays: neither may change what the other finds, whichever runs
 * first. These items are the ones where the two could differ: missing or mistyped table keys, a primary key repeated
 * in one entity (`1` and `1.0` are the same number) and across entities, an item outside the sparse GSI.
 */
function trickyModel(): Model {
  const item = (pk: Item['pk'] | undefined, sk: Item['sk'] | undefined, rest: Item = {}): Item => ({
    ...(pk ? { pk } : {}),
    ...(sk ? { sk } : {}),
    ...rest,
  });
  return {
    format: 'monotable/1',
    name: 'walk',
    tables: [
      {
        name: 't',
        partitionKey: { name: 'pk', type: 'S' },
        sortKey: { name: 'sk', type: 'N' },
        billing: { mode: 'on-demand' },
        globalSecondaryIndexes: [
          {
            name: 'by-owner',
            partitionKey: { name: 'owner', type: 'S' },
            sortKey: { name: 'sk', type: 'N' },
            projection: { type: 'KEYS_ONLY' },
          },
        ],
        entities: [
          {
            name: 'A',
            keys: { pk: 'A#{id}', sk: '{n}', owner: '{owner}' },
            attributes: [
              { name: 'id', type: 'S' },
              { name: 'n', type: 'N' },
              { name: 'owner', type: 'S' },
            ],
            sampleItems: [
              item({ S: 'A#1' }, { N: '1' }, { id: { S: '1' }, n: { N: '1' }, owner: { S: 'x' } }),
              item({ S: 'A#1' }, { N: '1.0' }, { id: { S: '1' }, n: { N: '1.0' }, owner: { S: 'y' } }),
              item(undefined, { N: '2' }, { id: { S: '2' }, n: { N: '2' } }),
              item({ N: '5' }, { N: '3' }, { id: { S: '5' }, n: { N: '3' } }),
              item({ S: 'A#4' }, { N: '4' }, { id: { S: '4' }, n: { N: '4' } }),
            ],
          },
          {
            name: 'B',
            keys: { pk: 'A#{id}', sk: '{n}', owner: '{owner}' },
            attributes: [
              { name: 'id', type: 'S' },
              { name: 'n', type: 'N' },
              { name: 'owner', type: 'S' },
            ],
            sampleItems: [item({ S: 'A#4' }, { N: '4' }, { id: { S: '4' }, n: { N: '4' }, owner: { S: 'z' } })],
          },
        ],
        accessPatterns: [],
      },
    ],
  };
}

const views = (model: Model) => [indexItems(model, 't', undefined), indexItems(model, 't', 'by-owner')];

describe('the validator and the preview over the same sample items', () => {
  it('gives the same index views whether the validator walked the items first or not', () => {
    const alone = views(trickyModel());
    const validated = trickyModel();
    validate(validated);
    expect(views(validated)).toEqual(alone);
    // the duplicates were resolved as puts would: A#1/1.0 replaced A#1/1, B's A#4/4 replaced A's
    expect(alone[0]!.flatMap((p) => p.items.map((i) => [i['pk'], i['sk']]))).toEqual([
      [{ S: 'A#1' }, { N: '1.0' }],
      [{ S: 'A#4' }, { N: '4' }],
    ]);
  });

  it('gives the same findings whether the preview walked the items first or not', () => {
    const alone = validate(trickyModel());
    const previewed = trickyModel();
    views(previewed);
    expect(validate(previewed)).toEqual(alone);
    expect(alone.map((d) => d.code)).toEqual(
      expect.arrayContaining(['sample-key-missing', 'sample-key-type', 'sample-duplicate-key']),
    );
  });
});
