import { describe, expect, it } from 'vitest';
import type { Item } from '../model/attribute-value.js';
import type { AccessPattern, Model, Table } from '../model/schema.js';
import { cruddurModel } from '../../test/support/cruddur-model.js';
import { resolvePattern } from '../patterns/resolve.js';
import {
  averageItemSize,
  estimatedItem,
  estimatedItemCount,
  monthlyCost,
  patternCapacity,
  PRICE_TABLE,
  pricesFor,
  readUnits,
  writeCapacity,
  writeUnits,
} from './index.js';
import { itemSize } from '../model/item-size.js';

/** Without seed counts, capacity counts the sample items (the template seeds 20 groups of 5 to 50 messages). */
const countSampleItems = (t: Table): void => {
  for (const e of t.entities) delete e.seed;
};

/** An item of exactly `bytes` bytes with keys pk/sk and optional extra attributes. */
function sized(bytes: number, extra: Item = {}): Item {
  const base: Item = { pk: { S: 'P' }, sk: { S: 'S' }, ...extra };
  const filler = bytes - itemSize(base) - 'body'.length;
  return { ...base, body: { S: 'x'.repeat(filler) } };
}

describe('units', () => {
  it('reads round up to 4 KB: 8 KB is 2 strong, 1 eventual, 4 transactional; writes round up to 1 KB', () => {
    expect([readUnits(8192, 'strong'), readUnits(8192, 'eventual'), readUnits(8192, 'transactional')]).toEqual([
      2, 1, 4,
    ]);
    expect(readUnits(8193, 'strong')).toBe(3);
    expect(readUnits(0, 'eventual')).toBe(0.5);
    expect([writeUnits(1024), writeUnits(1025), writeUnits(1025, true), writeUnits(10)]).toEqual([1, 2, 4, 1]);
  });
});

describe('writeCapacity: GSI write amplification', () => {
  const table = (change: (t: Table) => void): Table => cruddurModel({ changeTable: change }).tables[0]!;

  it('a put costs the table and every GSI holding the item, sized on the projected entry', () => {
    const t = table((t) => {
      t.globalSecondaryIndexes!.push({
        name: 'keys-only',
        partitionKey: { name: 'user_uuid', type: 'S' },
        projection: { type: 'KEYS_ONLY' },
      });
    });
    const item = sized(3000, { message_group_uuid: { S: 'g1' }, user_uuid: { S: 'u1' } });
    const w = writeCapacity(t, item);
    expect(w.tableUnits).toBe(3);
    expect(w.indexes.map((i) => [i.index, i.writes, i.units])).toEqual([
      ['message-group-sk-index', 1, 3],
      ['keys-only', 1, 1],
    ]);
    expect(w.totalUnits).toBe(7);
    expect(writeCapacity(t, item, { transactional: true }).totalUnits).toBe(14);
  });

  it('an item without the index keys is not in the sparse GSI and costs it nothing', () => {
    const w = writeCapacity(
      table(() => {}),
      sized(500),
    );
    expect(w.indexes).toEqual([]);
    expect(w.totalUnits).toBe(1);
  });

  it('LSI entries are charged to the table', () => {
    const t = table((t) => {
      t.localSecondaryIndexes = [
        { name: 'by-user', sortKey: { name: 'user_uuid', type: 'S' }, projection: { type: 'ALL' } },
      ];
    });
    const w = writeCapacity(t, sized(1500, { user_uuid: { S: 'u' } }));
    expect(w.tableUnits).toBe(4);
    expect(w.totalUnits).toBe(4);
  });

  it('an update changing a GSI key costs that GSI two writes; one touching no projected attribute costs it none', () => {
    const t = table((t) => {
      t.globalSecondaryIndexes![0]!.projection = { type: 'KEYS_ONLY' };
    });
    const item = sized(800, { message_group_uuid: { S: 'g1' } });
    expect(writeCapacity(t, item, { kind: 'update', changed: ['message_group_uuid'] }).indexes).toMatchObject([
      { writes: 2, units: 2 },
    ]);
    expect(writeCapacity(t, item, { kind: 'update', changed: ['body'] }).indexes).toEqual([]);
  });
});

describe('patternCapacity', () => {
  const extra: AccessPattern[] = [
    {
      name: 'get',
      entity: 'Message',
      kind: 'get',
      parameters: [{ name: 'message_group_uuid' }, { name: 'created_at' }],
      consistentRead: true,
    },
    {
      name: 'put',
      entity: 'Message',
      kind: 'put',
      parameters: ['message_group_uuid', 'created_at', 'message'].map((name) => ({ name })),
    },
    { name: 'scan', entity: 'Message', kind: 'scan', parameters: [] },
  ];

  it("list-messages reads the partition's items, sums, then rounds: 3 small items = 0.5 RCU eventual", () => {
    const model = cruddurModel({ patterns: extra, changeTable: countSampleItems });
    const c = patternCapacity(model, resolvePattern(model, 'list-messages'));
    expect(c).toMatchObject({
      operation: 'Query',
      readTarget: 'cruddur-messages',
      consistency: 'eventual',
      itemsRead: 3,
      readUnits: 0.5,
      writeUnits: 0,
      estimated: false,
    });
  });

  it('a Query reading 20 items of 1.5 KB is 30 KB → 8 blocks → 4 RCU eventual (Limit caps the items read)', () => {
    const model = cruddurModel({
      patterns: extra,
      changeTable: (t) => {
        const messages = t.entities[1]!;
        messages.seed = { perParent: { min: 50, max: 50 } };
        messages.sampleItems = [sized(1536, { message_group_uuid: { S: 'g1' } })];
      },
    });
    const c = patternCapacity(model, resolvePattern(model, 'list-messages'));
    expect(c).toMatchObject({ itemsRead: 20, bytesRead: 20 * 1536, readUnits: 4 });
  });

  it('find-group-rows on the GSI reads the group rows and the messages sharing the partition', () => {
    const model = cruddurModel({ patterns: extra, changeTable: countSampleItems });
    const c = patternCapacity(model, resolvePattern(model, 'find-group-rows'));
    expect(c.readTarget).toBe('message-group-sk-index');
    expect(c.itemsRead).toBe(5); // 2 group rows (one per user) + 3 messages of the one conversation in the samples
    expect(c.notes.join(' ')).toContain('Message items');
  });

  it('a put counts the GSI write; a strong get rounds the whole item', () => {
    const model = cruddurModel({ patterns: extra });
    const put = patternCapacity(model, resolvePattern(model, 'put'));
    expect(put).toMatchObject({ tableWriteUnits: 1, gsiWriteUnits: { 'message-group-sk-index': 1 }, writeUnits: 2 });
    expect(patternCapacity(model, resolvePattern(model, 'get'))).toMatchObject({ consistency: 'strong', readUnits: 1 });
  });

  it('entities without sample items are estimated from attribute types, and say so', () => {
    const model = cruddurModel({
      patterns: extra,
      changeTable: (t) => {
        for (const e of t.entities) delete e.sampleItems;
      },
    });
    const c = patternCapacity(model, resolvePattern(model, 'put'));
    expect(c.estimated).toBe(true);
    expect(c.writeUnits).toBe(2);
    expect(c.notes.join(' ')).toContain('estimated');
  });
});

describe('entity sizes and counts', () => {
  it('average item size comes from the sample items, or from attribute types when there are none', () => {
    const table = cruddurModel().tables[0]!;
    const messages = table.entities[1]!;
    const sizes = messages.sampleItems!.map(itemSize);
    expect(averageItemSize(table, messages)).toBeCloseTo(sizes.reduce((a, b) => a + b, 0) / sizes.length, 6);
    const bare = { ...messages, sampleItems: undefined };
    // keys MSG#{36 chars} and {36 chars}, three 32-character strings, the names
    expect(averageItemSize(table, bare)).toBe(itemSize(estimatedItem(table, bare)));
    expect(estimatedItem(table, bare)['pk']).toEqual({ S: `MSG#${'x'.repeat(36)}` });
  });

  it('item counts: seed.count, else parents × average perParent, else the sample items', () => {
    const table = cruddurModel({
      changeTable: (t) => {
        t.entities[0]!.seed = { count: 20 };
        t.entities[1]!.seed = { perParent: { min: 5, max: 15 } };
        t.entities[1]!.attributes[0]!.generator = {
          kind: 'ref',
          entity: 'MessageGroup',
          attribute: 'message_group_uuid',
        };
      },
    }).tables[0]!;
    expect(estimatedItemCount(table, table.entities[0]!)).toBe(20);
    expect(estimatedItemCount(table, table.entities[1]!)).toBe(200);
    const samplesOnly = cruddurModel({ changeTable: countSampleItems }).tables[0]!;
    expect(estimatedItemCount(samplesOnly, samplesOnly.entities[1]!)).toBe(3);
  });
});

describe('monthlyCost', () => {
  it('prices are dated data: us-east-1 on demand $0.125 per million RRU, $0.625 per million WRU, storage $0.25', () => {
    expect(PRICE_TABLE.asOf).toBe('2024-11-01');
    expect(pricesFor('us-east-1')).toMatchObject({
      onDemand: { perMillionReadRequestUnits: 0.125, perMillionWriteRequestUnits: 0.625 },
      storage: { standardPerGBMonth: 0.25 },
    });
    expect(() => pricesFor('mars-1')).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });

  it('one put per second at 2 WRU (table + GSI) is 5,256,000 WRU a month = $3.285 on demand', () => {
    const model: Model = cruddurModel({
      patterns: [
        {
          name: 'put',
          entity: 'Message',
          kind: 'put',
          requestsPerSecond: 1,
          parameters: ['message_group_uuid', 'created_at', 'message'].map((name) => ({ name })),
        },
      ],
    });
    const cost = monthlyCost(model);
    const table = cost.tables[0]!;
    const put = table.patterns.find((p) => p.pattern === 'put')!;
    expect(put).toMatchObject({ writeUnitsPerMonth: 5_256_000, cost: 3.285 });
    expect(table.storageGB).toBeGreaterThan(0);
    expect(table.total).toBeCloseTo(3.285 + table.storageCost, 4);
    expect(cost).toMatchObject({ region: 'us-east-1', asOf: '2024-11-01', currency: 'USD' });
  });

  it('provisioned tables pay capacity per hour, table plus GSIs, and warn when patterns need more', () => {
    const model = cruddurModel({
      patterns: [
        {
          name: 'put',
          entity: 'Message',
          kind: 'put',
          requestsPerSecond: 10,
          parameters: ['message_group_uuid', 'created_at', 'message'].map((name) => ({ name })),
        },
      ],
      changeTable: (t) => {
        t.billing = { mode: 'provisioned', read: 5, write: 5 };
      },
    });
    const table = monthlyCost(model).tables[0]!;
    expect(table.provisionedCost).toBeCloseTo(730 * (10 * 0.00013 + 10 * 0.00065), 4);
    expect(table.requestCost).toBe(0);
    expect(table.notes.join(' ')).toContain('table cruddur-messages needs 0.0 RCU / 10.0 WCU');
    expect(table.notes.join(' ')).toContain('GSI message-group-sk-index needs 0.0 RCU / 10.0 WCU');
  });

  it('with auto-scaling, provisioned capacity follows demand at the target utilisation within min and max', () => {
    const model = cruddurModel({
      patterns: [
        {
          name: 'put',
          entity: 'Message',
          kind: 'put',
          requestsPerSecond: 10,
          parameters: ['message_group_uuid', 'created_at', 'message'].map((name) => ({ name })),
        },
      ],
      changeTable: (t) => {
        t.billing = {
          mode: 'provisioned',
          read: 5,
          write: 5,
          autoScaling: { minRead: 2, maxRead: 100, minWrite: 2, maxWrite: 100, targetUtilization: 50 },
        };
      },
    });
    const table = monthlyCost(model).tables[0]!;
    // 10 WCU of demand at 50 % → 20 WCU on the table and on the GSI; reads stay at the minimum 2
    expect(table.provisionedCost).toBeCloseTo(730 * 2 * (2 * 0.00013 + 20 * 0.00065), 4);
    expect(table.notes).toEqual([]);
  });
});
