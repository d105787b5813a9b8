import { describe, expect, it } from 'vitest';
import type { Item } from '../model/attribute-value.js';
import type { AccessPattern } from '../model/schema.js';
import { CRUDDUR_SAMPLES, cruddurModel } from '../../test/support/cruddur-model.js';
import { evaluateRequest } from './evaluate-request.js';
import { previewPattern } from './preview-pattern.js';

const { group, user } = CRUDDUR_SAMPLES;
const [m1, m2, m3] = CRUDDUR_SAMPLES.messages as [Message, Message, Message];
type Message = (typeof CRUDDUR_SAMPLES.messages)[number];

const model = cruddurModel({
  patterns: [
    {
      name: 'upd',
      entity: 'Message',
      kind: 'update',
      parameters: ['message_group_uuid', 'created_at', 'message'].map((name) => ({ name })),
      set: ['message'],
    },
    {
      name: 'del',
      entity: 'Message',
      kind: 'delete',
      parameters: [{ name: 'message_group_uuid' }, { name: 'created_at' }],
    },
    {
      name: 'tx',
      entity: 'Message',
      kind: 'transact-write',
      parameters: [
        'message_group_uuid',
        'message_uuid',
        'user_uuid',
        'user_display_name',
        'user_handle',
        'message',
        'created_at',
        'last_message_at',
      ].map((name) => ({ name })),
      writes: [
        { kind: 'put', entity: 'Message' },
        { kind: 'delete', entity: 'MessageGroup' },
        { kind: 'condition-check', entity: 'MessageGroup' },
      ],
    },
  ] as AccessPattern[],
  changeTable: (t) => {
    // Group rows carry a type attribute here, so filters can tell them from messages.
    for (const row of t.entities[0]!.sampleItems!) row['type'] = { S: 'MessageGroup' };
    t.entities[1]!.sampleItems![0]!['meta'] = { M: { tags: { L: [{ S: 'a' }, { S: 'b' }] }, n: { N: '2' } } };
  },
});

const scan = (filter: string, values: Record<string, unknown> = {}, names: Record<string, string> = {}): Item[] =>
  evaluateRequest(model, {
    operation: 'Scan',
    input: {
      TableName: 'cruddur-messages',
      FilterExpression: filter,
      ExpressionAttributeNames: { '#m': 'message', '#t': 'type', '#meta': 'meta', ...names },
      ExpressionAttributeValues: values,
    },
  }).items;
const sks = (items: Item[]) => items.map((i) => ('S' in i['sk']! ? i['sk'].S : '')).sort();

describe('evaluateRequest condition expressions', () => {
  it('OR, NOT, parentheses, IN, size, attribute_type and nested paths', () => {
    const last = { ':a': { S: m3.message }, ':b': { S: m2.message } };
    // m2, m3 and the two group rows that show the last message m3
    expect(sks(scan('#m = :a OR #m = :b', last))).toEqual([m2.createdAt, m3.createdAt, m3.createdAt, m3.createdAt]);
    expect(sks(scan('NOT (attribute_exists(#t) OR #m IN (:a, :b))', last))).toEqual([m1.createdAt]);
    expect(sks(scan('size(#m) > :n', { ':n': { N: '33' } }))).toEqual([m1.createdAt, m2.createdAt]); // 34 and 38 bytes
    expect(sks(scan('#meta.tags[1] = :b AND #meta.n >= :two', { ':b': { S: 'b' }, ':two': { N: '2.0' } }))).toEqual([
      m1.createdAt,
    ]);
    expect(sks(scan('attribute_type(#meta, :m)', { ':m': { S: 'M' } }))).toEqual([m1.createdAt]);
    expect(sks(scan('contains(#meta.tags, :a)', { ':a': { S: 'a' } }))).toEqual([m1.createdAt]);
  });

  it('size counts UTF-8 bytes of a string', () => {
    // "See you at the standup tomorrow!" is 32 bytes: the last message and both group rows
    expect(sks(scan('size(#m) = :n', { ':n': { N: '32' } }))).toEqual([m3.createdAt, m3.createdAt, m3.createdAt]);
  });

  it('nested projection keeps the enclosing map', () => {
    const out = evaluateRequest(model, {
      operation: 'Query',
      input: {
        TableName: 'cruddur-messages',
        KeyConditionExpression: '#p = :p',
        ProjectionExpression: '#meta.n, #meta.tags[0]',
        ExpressionAttributeNames: { '#p': 'pk', '#meta': 'meta' },
        ExpressionAttributeValues: { ':p': { S: `MSG#${group}` } },
        Limit: 1,
      },
    });
    expect(out.items).toEqual([{ meta: { M: { n: { N: '2' }, tags: { L: [{ S: 'a' }] } } } }]);
  });

  it('hostile nesting is BAD_INPUT, not a stack overflow', () => {
    expect(() => scan(`${'('.repeat(10_000)}#m = :a${')'.repeat(10_000)}`, { ':a': { S: 'x' } })).toThrow(
      expect.objectContaining({ code: 'BAD_INPUT' }),
    );
    expect(() => scan(`${'NOT '.repeat(1000)}#m = :a`, { ':a': { S: 'x' } })).toThrow(
      expect.objectContaining({ code: 'BAD_INPUT', message: expect.stringContaining('nesting') }),
    );
    expect(() => scan(Array.from({ length: 1000 }, () => '#m = :a').join(' OR '), { ':a': { S: 'x' } })).toThrow(
      expect.objectContaining({ code: 'BAD_INPUT', message: expect.stringContaining('4096') }),
    );
    expect(sks(scan(`${'('.repeat(50)}#m = :a${')'.repeat(50)}`, { ':a': { S: m2.message } }))).toEqual([m2.createdAt]);
  });

  it('bad expressions are BAD_INPUT with the text', () => {
    expect(() => scan('#m = ', {})).toThrow(expect.objectContaining({ code: 'BAD_INPUT' }));
    expect(() => scan('#nope = :a', { ':a': { S: 'x' } })).toThrow(
      expect.objectContaining({ code: 'BAD_INPUT', message: expect.stringContaining('#nope') }),
    );
    expect(() => scan('#m = :missing')).toThrow(
      expect.objectContaining({ code: 'BAD_INPUT', message: expect.stringContaining(':missing') }),
    );
  });
});

describe('previewing writes', () => {
  const params = {
    message_group_uuid: group,
    message_uuid: 'new',
    user_uuid: user,
    user_display_name: 'Andrew Brown',
    user_handle: 'andrewbrown',
    created_at: m2.createdAt,
    message: 'edited',
    last_message_at: m3.createdAt,
  };

  it('update shows the item after the SET; delete shows the item it removes', () => {
    const stored = model.tables[0]!.entities[1]!.sampleItems![1]!;
    expect(previewPattern(model, 'upd', params).items).toEqual([{ ...stored, message: { S: 'edited' } }]);
    expect(previewPattern(model, 'del', params).items[0]!['message']).toEqual({ S: m2.message });
    expect(previewPattern(model, 'del', { ...params, created_at: 'none' }).count).toBe(0);
  });

  it('a transaction shows the items it puts and deletes', () => {
    const result = previewPattern(model, 'tx', params);
    expect(result.items.map((i) => i['pk'])).toEqual([{ S: `MSG#${group}` }, { S: `GRP#${user}` }]);
    expect(result.readUnits).toBe(0);
  });
});
