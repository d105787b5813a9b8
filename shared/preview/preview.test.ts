import { describe, expect, it } from 'vitest';
import type { Item } from '../model/attribute-value.js';
import type { AccessPattern, Model, Table } from '../model/schema.js';
import { CRUDDUR_SAMPLES, cruddurModel } from '../../test/support/cruddur-model.js';
import { compareNumbers, compareUtf8 } from '../model/compare-values.js';
import { indexItems } from './index-items.js';
import { previewPattern } from './preview-pattern.js';

const byText = (a: unknown, b: unknown) => JSON.stringify(a).localeCompare(JSON.stringify(b));
const sks = (items: Item[]) => items.map((i) => ('S' in i['sk']! ? i['sk'].S : 'N' in i['sk']! ? i['sk'].N : '?'));

/** A one-entity table with a Number or String sort key and the given sort values. */
function sortModel(type: 'N' | 'S' | 'B', values: string[], patterns: AccessPattern[] = []): Model {
  return {
    format: 'monotable/1',
    name: 'm',
    tables: [
      {
        name: 't',
        partitionKey: { name: 'pk', type: 'S' },
        sortKey: { name: 'sk', type },
        billing: { mode: 'on-demand' },
        entities: [
          {
            name: 'E',
            keys: { pk: 'P', sk: '{n}' },
            attributes: [
              { name: 'n', type },
              { name: 'flag', type: 'S' },
            ],
            sampleItems: values.map((v, i) => ({
              pk: { S: 'P' },
              sk: type === 'N' ? { N: v } : type === 'S' ? { S: v } : { B: v },
              ...(i === values.length - 1 ? { flag: { S: 'yes' } } : {}),
            })),
          },
        ],
        accessPatterns: [{ name: 'all', entity: 'E', kind: 'query', parameters: [] }, ...patterns],
      },
    ],
  };
}

const { group, user, otherUser } = CRUDDUR_SAMPLES;
const [m1, m2, m3] = CRUDDUR_SAMPLES.messages as [Message, Message, Message];
type Message = (typeof CRUDDUR_SAMPLES.messages)[number];

/** The sample messages stored out of time order, so only the preview's sorting can put them in order. */
const scrambled = (t: Table): void => {
  const [a, b, c] = t.entities[1]!.sampleItems!;
  t.entities[1]!.sampleItems = [b!, c!, a!];
};

describe('previewPattern on the Cruddur patterns', () => {
  it("list-messages returns the group's messages newest first, with the request it sends", () => {
    const result = previewPattern(cruddurModel({ changeTable: scrambled }), 'list-messages', {
      message_group_uuid: group,
    });
    expect(sks(result.items)).toEqual([m3.sk, m2.sk, m1.sk]);
    expect(result).toMatchObject({
      operation: 'Query',
      count: 3,
      scannedCount: 3,
      request: { input: { ScanIndexForward: false, Limit: 20 } },
    });
    expect(result.lastEvaluatedKey).toBeUndefined();
  });

  it('find-group-rows reads the GSI partition: every row with that message_group_uuid, by sk, then filters', () => {
    const partition = {
      name: 'group-partition',
      entity: 'Message',
      kind: 'query',
      index: 'message-group-sk-index',
      parameters: [{ name: 'message_group_uuid' }],
    } satisfies AccessPattern;
    const model = cruddurModel({ patterns: [partition], changeTable: scrambled });
    // By sk: two messages, the two group rows (equal keys, in any order), then the last message.
    const all = previewPattern(model, 'group-partition', { message_group_uuid: group });
    expect(sks(all.items)).toEqual([m1.sk, m2.sk, CRUDDUR_SAMPLES.groupSk, CRUDDUR_SAMPLES.groupSk, m3.sk]);
    const rows = previewPattern(model, 'find-group-rows', { message_group_uuid: group });
    expect(rows).toMatchObject({ count: 2, scannedCount: 5 });
    expect(rows.items.map((i) => i['pk']).sort(byText)).toEqual(
      [{ S: `GRP#${user}` }, { S: `GRP#${otherUser}` }].sort(byText),
    );
    expect(previewPattern(model, 'find-group-rows', { message_group_uuid: 'other' }).items).toEqual([]);
  });

  it('a missing parameter is BAD_INPUT; parameter examples fill in', () => {
    const model = cruddurModel();
    const listMessages = model.tables[0]!.accessPatterns.find((p) => p.name === 'list-messages')!;
    delete listMessages.parameters[0]!.example;
    expect(() => previewPattern(model, 'list-messages')).toThrow(expect.objectContaining({ code: 'BAD_INPUT' }));
    listMessages.parameters[0]!.example = group;
    expect(previewPattern(model, 'list-messages').count).toBe(3);
  });
});

describe('sort order by key type', () => {
  it('numbers sort numerically with any precision (9 < 10, 38 digits, decimals, negatives, exponents)', () => {
    const values = [
      '10',
      '9',
      '-10',
      '0.5',
      '-9',
      '1e3',
      '12345678901234567890123456789012345679',
      '12345678901234567890123456789012345678',
      '0',
    ];
    // read back as DynamoDB returns numbers: canonical decimal text (1e3 → 1000)
    expect(sks(previewPattern(sortModel('N', values), 'all').items)).toEqual([
      '-10',
      '-9',
      '0',
      '0.5',
      '9',
      '10',
      '1000',
      '12345678901234567890123456789012345678',
      '12345678901234567890123456789012345679',
    ]);
    expect(compareNumbers('1.50', '1.5')).toBe(0);
  });

  it('small and large partitions sort alike (numbers and strings), and descending reads come from the end', () => {
    // 40 values take the in-place insertion sort, 300 the general sort: both give the exact order
    for (const count of [40, 300]) {
      const numbers = Array.from({ length: count }, (_, i) => String(((i * 7919) % 1009) - 500));
      const ascending = [...numbers].sort(compareNumbers);
      expect(sks(previewPattern(sortModel('N', numbers), 'all').items)).toEqual(ascending);
      const strings = numbers.map((n) => `k${n}`);
      expect(sks(previewPattern(sortModel('S', strings), 'all').items)).toEqual([...strings].sort(compareUtf8));
      const newest: AccessPattern = {
        name: 'newest',
        entity: 'E',
        kind: 'query',
        parameters: [],
        order: 'desc',
        limit: 3,
      };
      const desc = previewPattern(sortModel('N', numbers, [newest]), 'newest');
      expect(sks(desc.items)).toEqual(ascending.slice(-3).reverse());
      expect(desc.lastEvaluatedKey).toEqual({ pk: { S: 'P' }, sk: { N: ascending.at(-3) } });
    }
  });

  it('strings sort by UTF-8 bytes: U+FFFF before an emoji, unlike JS string order', () => {
    const emoji = '\u{1F600}';
    expect(emoji < '\uFFFF').toBe(true); // JS: UTF-16 code units
    expect(compareUtf8('\uFFFF', emoji)).toBeLessThan(0);
    expect(sks(previewPattern(sortModel('S', [emoji, '\uFFFF', 'a', 'Z', 'é']), 'all').items)).toEqual([
      'Z',
      'a',
      'é',
      '\uFFFF',
      emoji,
    ]);
  });

  it('binary sorts by unsigned bytes', () => {
    // 0x7f = "fw==", 0x80 = "gA==", 0x00 0x01 = "AAE="
    const items = previewPattern(sortModel('B', ['gA==', 'fw==', 'AAE=']), 'all').items;
    expect(items.map((i) => i['sk'])).toEqual([{ B: 'AAE=' }, { B: 'fw==' }, { B: 'gA==' }]);
  });
});

describe('Query semantics', () => {
  it('Limit applies before the filter: the filtered-out reads still count and a LastEvaluatedKey is returned', () => {
    const limited: AccessPattern = {
      name: 'limited',
      entity: 'E',
      kind: 'query',
      parameters: [],
      limit: 2,
      filter: [{ attribute: 'flag', operator: '=', value: 'yes' }],
    };
    const result = previewPattern(sortModel('N', ['1', '2', '3'], [limited]), 'limited');
    expect(result).toMatchObject({
      items: [],
      count: 0,
      scannedCount: 2,
      lastEvaluatedKey: { pk: { S: 'P' }, sk: { N: '2' } },
    });
    const unlimited = previewPattern(
      sortModel('N', ['1', '2', '3'], [{ ...limited, name: 'u', limit: undefined }]),
      'u',
    );
    expect(unlimited).toMatchObject({ count: 1, scannedCount: 3 });
    expect(unlimited.lastEvaluatedKey).toBeUndefined();
  });

  it('a page stops after 1 MB read, with a LastEvaluatedKey', () => {
    const model = sortModel('N', ['1', '2', '3', '4']);
    for (const item of model.tables[0]!.entities[0]!.sampleItems!) item['body'] = { S: 'x'.repeat(350_000) };
    const result = previewPattern(model, 'all');
    expect(result).toMatchObject({ count: 3, scannedCount: 3, lastEvaluatedKey: { pk: { S: 'P' }, sk: { N: '3' } } });
  });

  it('sort conditions: between, begins_with, > on the key; <> matches items without the attribute', () => {
    const patterns: AccessPattern[] = [
      {
        name: 'between',
        entity: 'E',
        kind: 'query',
        parameters: [{ name: 'a' }, { name: 'b' }],
        keyCondition: {
          partition: { attribute: 'pk' },
          sort: { attribute: 'sk', operator: 'between', value: '{a}', to: '{b}' },
        },
      },
      {
        name: 'gt',
        entity: 'E',
        kind: 'query',
        parameters: [{ name: 'a' }],
        keyCondition: { partition: { attribute: 'pk' }, sort: { attribute: 'sk', operator: '>', value: '{a}' } },
        order: 'desc',
      },
      {
        name: 'ne',
        entity: 'E',
        kind: 'query',
        parameters: [],
        filter: [{ attribute: 'flag', operator: '<>', value: 'yes' }],
      },
    ];
    const model = sortModel('N', ['1', '2', '10', '20'], patterns);
    expect(sks(previewPattern(model, 'between', { a: '2', b: '10' }).items)).toEqual(['2', '10']);
    expect(sks(previewPattern(model, 'gt', { a: 2 }).items)).toEqual(['20', '10']);
    expect(sks(previewPattern(model, 'ne').items)).toEqual(['1', '2', '10']);
    const strings = sortModel(
      'S',
      ['ORDER#1', 'ORDER#2', 'PROFILE'],
      [
        {
          name: 'bw',
          entity: 'E',
          kind: 'query',
          parameters: [],
          keyCondition: {
            partition: { attribute: 'pk' },
            sort: { attribute: 'sk', operator: 'begins_with', value: 'ORDER#' },
          },
        },
      ],
    );
    expect(sks(previewPattern(strings, 'bw').items)).toEqual(['ORDER#1', 'ORDER#2']);
  });

  it('projection keeps only the listed attributes; get, scan and put evaluate too', () => {
    const extra: AccessPattern[] = [
      {
        name: 'proj',
        entity: 'Message',
        kind: 'query',
        parameters: [{ name: 'message_group_uuid' }],
        projection: ['message'],
        limit: 1,
        order: 'desc',
      },
      {
        name: 'get',
        entity: 'Message',
        kind: 'get',
        parameters: [{ name: 'message_group_uuid' }, { name: 'created_at' }, { name: 'message_uuid' }],
      },
      {
        name: 'scan',
        entity: 'Message',
        kind: 'scan',
        parameters: [{ name: 'm' }],
        filter: [{ attribute: 'message', operator: 'contains', value: '{m}' }],
      },
      {
        name: 'put',
        entity: 'Message',
        kind: 'put',
        parameters: [
          'message_group_uuid',
          'message_uuid',
          'user_uuid',
          'user_display_name',
          'user_handle',
          'message',
          'created_at',
        ].map((name) => ({ name })),
      },
    ];
    const model = cruddurModel({ patterns: extra, changeTable: scrambled });
    expect(previewPattern(model, 'proj', { message_group_uuid: group }).items).toEqual([
      { message: { S: m3.message } },
    ]);
    expect(
      previewPattern(model, 'get', { message_group_uuid: group, created_at: m2.createdAt, message_uuid: m2.uuid })
        .items[0]!['message'],
    ).toEqual({ S: m2.message });
    expect(
      previewPattern(model, 'get', { message_group_uuid: group, created_at: 'nope', message_uuid: m2.uuid }).count,
    ).toBe(0);
    // The last message, and both group rows that show it.
    expect(previewPattern(model, 'scan', { m: 'See you' })).toMatchObject({ count: 3, scannedCount: 5 });
    const put = { message_uuid: 'm', user_uuid: user, user_display_name: 'A', user_handle: 'a', message: 'x' };
    expect(previewPattern(model, 'put', { ...put, message_group_uuid: 'g2', created_at: '1' }).items[0]!['pk']).toEqual(
      { S: 'MSG#g2' },
    );
  });
});

describe('indexItems', () => {
  it('groups the table by partition in first-seen order, sorted by sort key', () => {
    const partitions = indexItems(cruddurModel({ changeTable: scrambled }), 'cruddur-messages', undefined);
    expect(partitions.map((p) => p.partition)).toEqual([`GRP#${user}`, `GRP#${otherUser}`, `MSG#${group}`]);
    expect(sks(partitions[2]!.items)).toEqual([m1.sk, m2.sk, m3.sk]);
  });

  it('a sparse KEYS_ONLY / INCLUDE index holds only items with its keys, projected', () => {
    const model = cruddurModel({
      changeTable: (t) => {
        t.globalSecondaryIndexes!.push(
          { name: 'by-other', partitionKey: { name: 'other_user_uuid', type: 'S' }, projection: { type: 'KEYS_ONLY' } },
          {
            name: 'by-other-inc',
            partitionKey: { name: 'other_user_uuid', type: 'S' },
            projection: { type: 'INCLUDE', nonKeyAttributes: ['message'] },
          },
        );
      },
    });
    // Only the group rows have other_user_uuid: the messages are not in these indexes.
    const entry = (owner: string, other: string) => ({
      pk: { S: `GRP#${owner}` },
      sk: { S: CRUDDUR_SAMPLES.groupSk },
      other_user_uuid: { S: other },
    });
    expect(indexItems(model, 'cruddur-messages', 'by-other')).toEqual([
      { partition: otherUser, items: [entry(user, otherUser)] },
      { partition: user, items: [entry(otherUser, user)] },
    ]);
    expect(indexItems(model, 'cruddur-messages', 'by-other-inc')[0]!.items[0]).toEqual({
      ...entry(user, otherUser),
      message: { S: m3.message },
    });
    expect(() => indexItems(model, 'cruddur-messages', 'nope')).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });
});
