import { GetItemCommand, QueryCommand, ScanCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEngine } from '../../test/support/engine.js';
import { createModelTables } from '../../test/support/model-tables.js';
import type { Item } from '../model/attribute-value.js';
import type { AccessPattern, Model, Table } from '../model/schema.js';
import type { TemplateValue } from '../keys/template.js';
import { buildRequest } from '../patterns/build-request.js';
import { CRUDDUR_SAMPLES, cruddurModel } from '../../test/support/cruddur-model.js';
import { resolvePattern } from '../patterns/resolve.js';
import { previewPattern } from './preview-pattern.js';

/**
 * Parity with a real engine: the same requests (built by buildRequest) sent to dynalite must return what the
 * in-memory preview returns. This checks the request JSON is valid DynamoDB input and the preview's semantics.
 */
let engine: Awaited<ReturnType<typeof startTestEngine>>;

const { group, otherUser } = CRUDDUR_SAMPLES;
const [, m2, m3] = CRUDDUR_SAMPLES.messages as [Message, Message, Message];
type Message = (typeof CRUDDUR_SAMPLES.messages)[number];

const q = (p: Partial<AccessPattern> & Pick<AccessPattern, 'name'>): AccessPattern => ({
  entity: 'Message',
  kind: 'query',
  parameters: [{ name: 'message_group_uuid' }],
  ...p,
});

const model: Model = cruddurModel({
  patterns: [
    q({ name: 'limit-before-filter', limit: 2, filter: [{ attribute: 'message', operator: '=', value: m2.message }] }),
    q({
      name: 'since',
      parameters: [{ name: 'message_group_uuid' }, { name: 't' }],
      keyCondition: { partition: { attribute: 'pk' }, sort: { attribute: 'sk', operator: '>=', value: '{t}' } },
    }),
    q({
      name: 'window',
      parameters: [{ name: 'message_group_uuid' }, { name: 'a' }, { name: 'b' }],
      keyCondition: {
        partition: { attribute: 'pk' },
        sort: { attribute: 'sk', operator: 'between', value: '{a}', to: '{b}' },
      },
      order: 'desc',
    }),
    q({
      name: 'not-type',
      filter: [{ attribute: 'type', operator: '<>', value: 'MessageGroup' }],
      projection: ['message', 'sk'],
    }),
    q({
      name: 'by-other-user-keys',
      entity: 'MessageGroup',
      parameters: [{ name: 'other_user_uuid' }],
      keyCondition: { partition: { attribute: 'other_user_uuid', value: '{other_user_uuid}' } },
    }),
    {
      name: 'get',
      entity: 'Message',
      kind: 'get',
      parameters: [{ name: 'message_group_uuid' }, { name: 'created_at' }],
      projection: ['message'],
    },
    {
      name: 'scan-contains',
      entity: 'Message',
      kind: 'scan',
      parameters: [{ name: 'm' }],
      filter: [{ attribute: 'message', operator: 'contains', value: '{m}' }],
    },
  ],
  changeTable: (t) => {
    t.globalSecondaryIndexes!.push({
      name: 'by-other-user',
      partitionKey: { name: 'other_user_uuid', type: 'S' },
      projection: { type: 'KEYS_ONLY' },
    });
    t.localSecondaryIndexes = [
      { name: 'by-message', sortKey: { name: 'message', type: 'S' }, projection: { type: 'KEYS_ONLY' } },
    ];
  },
});
model.tables[0]!.accessPatterns.push(
  q({
    name: 'lsi-projected',
    keyCondition: {
      partition: { attribute: 'pk' },
      sort: { attribute: 'message', operator: 'begins_with', value: 'See' },
    },
  }),
  q({
    name: 'lsi-fetch',
    keyCondition: { partition: { attribute: 'pk' }, sort: { attribute: 'message', operator: '>', value: 'E' } },
    projection: ['created_at', 'message'],
  }),
);

/** Number and string sort orders on their own table. */
function orderTable(name: string, type: 'N' | 'S', values: string[]): Table {
  return {
    name,
    partitionKey: { name: 'pk', type: 'S' },
    sortKey: { name: 'sk', type },
    billing: { mode: 'on-demand' },
    entities: [
      {
        name: 'E',
        keys: { pk: 'P', sk: '{v}' },
        attributes: [{ name: 'v', type }],
        sampleItems: values.map((v) => ({ pk: { S: 'P' }, sk: type === 'N' ? { N: v } : { S: v } })),
      },
    ],
    accessPatterns: [
      { name: `${name}-all`, entity: 'E', kind: 'query', parameters: [] },
      { name: `${name}-desc`, entity: 'E', kind: 'query', parameters: [], order: 'desc', limit: 3 },
    ],
  };
}
model.tables.push(
  orderTable('numbers', 'N', [
    '10',
    '9',
    '-10',
    '0.5',
    '-9',
    '1e3',
    '12345678901234567890123456789012345679',
    '12345678901234567890123456789012345678',
    '0',
  ]),
  orderTable('strings', 'S', ['Z', 'a', 'é', '~', 'ORDER#10', 'ORDER#9', 'ab', 'a b', '\u{1F600}', '\uFFFF']),
);

/** Items of about 3 KB, for read units that span several 4 KB blocks; a KEYS_ONLY GSI reads only small entries. */
const big: Table = {
  name: 'big',
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
      name: 'Doc',
      keys: { pk: 'DOC', sk: '{n}', owner: '{owner}' },
      attributes: [
        { name: 'n', type: 'N' },
        { name: 'owner', type: 'S' },
        { name: 'body', type: 'S' },
      ],
      sampleItems: [1, 2, 3, 4, 5].map((n) => ({
        pk: { S: 'DOC' },
        sk: { N: String(n) },
        owner: { S: 'o1' },
        body: { S: 'x'.repeat(3000) },
      })),
    },
  ],
  accessPatterns: [
    { name: 'big-all', entity: 'Doc', kind: 'query', parameters: [] },
    { name: 'big-two-strong', entity: 'Doc', kind: 'query', parameters: [], limit: 2, consistentRead: true },
    {
      name: 'big-owner',
      entity: 'Doc',
      kind: 'query',
      parameters: [{ name: 'owner' }],
      keyCondition: { partition: { attribute: 'owner' } },
    },
    { name: 'big-get', entity: 'Doc', kind: 'get', parameters: [{ name: 'n' }], consistentRead: true },
  ],
};
model.tables.push(big);

/** Items of 350 KB: a Query page stops once 1 MB has been read, with a LastEvaluatedKey. */
const pages = orderTable('pages', 'N', ['1', '2', '3', '4']);
pages.entities[0]!.sampleItems = pages.entities[0]!.sampleItems!.map((item) => ({
  ...item,
  body: { S: 'x'.repeat(350_000) },
}));
model.tables.push(pages);

beforeAll(async () => {
  engine = await startTestEngine();
  await createModelTables(engine.client, model, { samples: true });
}, 60_000);

afterAll(async () => {
  await engine?.stop();
});

async function fromEngine(
  name: string,
  params: Record<string, TemplateValue>,
): Promise<{ items: Item[]; count: number; scannedCount: number; lastEvaluatedKey?: Item }> {
  const { operation, input } = buildRequest(resolvePattern(model, name), params);
  const client = engine.client;
  if (operation === 'GetItem') {
    const out = await client.send(new GetItemCommand(input as never));
    const items = out.Item ? [out.Item as Item] : [];
    return { items, count: items.length, scannedCount: items.length };
  }
  const out =
    operation === 'Query'
      ? await client.send(new QueryCommand(input as never))
      : await client.send(new ScanCommand(input as never));
  return {
    items: (out.Items ?? []) as Item[],
    count: out.Count ?? 0,
    scannedCount: out.ScannedCount ?? 0,
    ...(out.LastEvaluatedKey && { lastEvaluatedKey: out.LastEvaluatedKey as Item }),
  };
}

/** Read units the engine reports for the request (ReturnConsumedCapacity TOTAL). */
async function unitsFromEngine(name: string, params: Record<string, TemplateValue>): Promise<number | undefined> {
  const { operation, input } = buildRequest(resolvePattern(model, name), params);
  const withCapacity = { ...input, ReturnConsumedCapacity: 'TOTAL' } as never;
  const out =
    operation === 'GetItem'
      ? await engine.client.send(new GetItemCommand(withCapacity))
      : await engine.client.send(new QueryCommand(withCapacity));
  return out.ConsumedCapacity?.CapacityUnits;
}

const cases: [string, Record<string, TemplateValue>][] = [
  ['list-messages', { message_group_uuid: group }],
  ['find-group-rows', { message_group_uuid: group }],
  ['limit-before-filter', { message_group_uuid: group }],
  ['since', { message_group_uuid: group, t: m2.createdAt }],
  ['window', { message_group_uuid: group, a: '2026-10-14T09:31', b: '2026-10-14T09:42' }],
  ['not-type', { message_group_uuid: group }],
  ['by-other-user-keys', { other_user_uuid: otherUser }],
  ['get', { message_group_uuid: group, created_at: m2.createdAt }],
  ['numbers-all', {}],
  ['numbers-desc', {}],
  ['strings-all', {}],
  ['strings-desc', {}],
  ['big-two-strong', {}],
  ['big-owner', { owner: 'o1' }],
  ['lsi-projected', { message_group_uuid: group }],
  ['pages-all', {}],
];

/**
 * The items with runs of equal `sk` put in one fixed order: DynamoDB leaves the order of index entries with equal
 * sort keys unspecified (both Cruddur group rows sit at the time of the last message in the GSI).
 */
function tiesInOneOrder(items: Item[]): Item[] {
  const out: Item[] = [];
  let run: Item[] = [];
  const flush = () => {
    out.push(
      ...run
        .map((i) => JSON.stringify(i))
        .sort()
        .map((t) => JSON.parse(t) as Item),
    );
    run = [];
  };
  for (const item of items) {
    if (run.length > 0 && JSON.stringify(run[0]!['sk']) !== JSON.stringify(item['sk'])) flush();
    run.push(item);
  }
  flush();
  return out;
}

describe('preview matches the real engine', () => {
  it.each(cases)('%s', async (name, params) => {
    const preview = previewPattern(model, name, params);
    const real = await fromEngine(name, params);
    expect(tiesInOneOrder(preview.items)).toEqual(tiesInOneOrder(real.items));
    expect({
      count: preview.count,
      scannedCount: preview.scannedCount,
      lastEvaluatedKey: preview.lastEvaluatedKey,
    }).toEqual({ count: real.count, scannedCount: real.scannedCount, lastEvaluatedKey: real.lastEvaluatedKey });
  });

  it.each([
    ['big-all', {}, 2], // 5 × 3 KB = 15 KB read → 4 blocks × 0.5
    ['big-two-strong', {}, 2], // Limit 2: 6 KB → 2 blocks × 1
    ['big-owner', { owner: 'o1' }, 0.5], // KEYS_ONLY entries are small: one block
    ['big-get', { n: 3 }, 1], // one 3 KB item, strongly consistent
    ['list-messages', { message_group_uuid: group }, 0.5],
    ['lsi-projected', { message_group_uuid: group }, 0.5],
  ] as [string, Record<string, TemplateValue>, number][])(
    'read units of %s agree with the engine',
    async (name, params, expected) => {
      expect(previewPattern(model, name, params).readUnits).toBe(expected);
      expect(await unitsFromEngine(name, params)).toBe(expected);
    },
  );

  it('LSI reads of unprojected attributes: preview fetches them from the table as DynamoDB does; dynalite does not (known gap)', async () => {
    const preview = previewPattern(model, 'lsi-fetch', { message_group_uuid: group });
    const real = await fromEngine('lsi-fetch', { message_group_uuid: group });
    // In the LSI's order (by message text), the messages after "E": "See you…" (m3), then "Yes, …" (m2).
    expect(preview.items).toEqual([
      { message: { S: m3.message }, created_at: { S: m3.createdAt } },
      { message: { S: m2.message }, created_at: { S: m2.createdAt } },
    ]);
    expect(real.items).toEqual(preview.items.map((i) => ({ message: i['message'] })));
  });

  it('a Scan finds the same items (Scan order is unspecified, so compared as sets)', async () => {
    const preview = previewPattern(model, 'scan-contains', { m: 'See' });
    const real = await fromEngine('scan-contains', { m: 'See' });
    const key = (i: Item) => JSON.stringify([i['pk'], i['sk']]);
    expect(preview.items.map(key).sort()).toEqual(real.items.map(key).sort());
    expect(preview.scannedCount).toBe(real.scannedCount);
  });
});
