import { describe, expect, it } from 'vitest';
import type { Item } from '../model/attribute-value.js';
import type { AccessPattern } from '../model/schema.js';
import { cruddurLikeModel } from '../../test/support/cruddur-like-preview-model.js';
import { evaluateRequest } from './evaluate-request.js';
import { previewPattern } from './preview-pattern.js';

const model = cruddurLikeModel(
  [
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
      parameters: ['message_group_uuid', 'created_at', 'message', 'user_uuid', 'last_message_at'].map((name) => ({
        name,
      })),
      writes: [
        { kind: 'put', entity: 'Message' },
        { kind: 'delete', entity: 'MessageGroup' },
        { kind: 'condition-check', entity: 'MessageGroup' },
      ],
    },
  ] as AccessPattern[],
  (t) => {
    t.entities[1]!.sampleItems![0]!['meta'] = { M: { tags: { L: [{ S: 'a' }, { S: 'b' }] }, n: { N: '2' } } };
  },
);

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
    expect(sks(scan('#m = :a OR #m = :b', { ':a': { S: 'See you' }, ':b': { S: 'Yes, live' } }))).toEqual([
      '2026-10-14T09:35',
      '2026-10-14T09:42',
      '2026-10-14T09:42:17',
    ]);
    expect(
      sks(scan('NOT (attribute_exists(#t) OR #m IN (:a, :b))', { ':a': { S: 'See you' }, ':b': { S: 'Yes, live' } })),
    ).toEqual(['2026-10-14T09:30']);
    expect(sks(scan('size(#m) > :n', { ':n': { N: '8' } }))).toEqual(['2026-10-14T09:30', '2026-10-14T09:35']); // 13 and 9 bytes
    expect(sks(scan('#meta.tags[1] = :b AND #meta.n >= :two', { ':b': { S: 'b' }, ':two': { N: '2.0' } }))).toEqual([
      '2026-10-14T09:30',
    ]);
    expect(sks(scan('attribute_type(#meta, :m)', { ':m': { S: 'M' } }))).toEqual(['2026-10-14T09:30']);
    expect(sks(scan('contains(#meta.tags, :a)', { ':a': { S: 'a' } }))).toEqual(['2026-10-14T09:30']);
  });

  it('size counts UTF-8 bytes of a string', () => {
    expect(sks(scan('size(#m) = :n', { ':n': { N: '7' } }))).toEqual(['2026-10-14T09:42', '2026-10-14T09:42:17']); // "See you"
  });

  it('nested projection keeps the enclosing map', () => {
    const out = evaluateRequest(model, {
      operation: 'Query',
      input: {
        TableName: 'cruddur-messages',
        KeyConditionExpression: '#p = :p',
        ProjectionExpression: '#meta.n, #meta.tags[0]',
        ExpressionAttributeNames: { '#p': 'pk', '#meta': 'meta' },
        ExpressionAttributeValues: { ':p': { S: 'MSG#g1' } },
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
    expect(sks(scan(`${'('.repeat(50)}#m = :a${')'.repeat(50)}`, { ':a': { S: 'Yes, live' } }))).toEqual([
      '2026-10-14T09:35',
    ]);
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
    message_group_uuid: 'g1',
    created_at: '2026-10-14T09:35',
    message: 'edited',
    user_uuid: 'u1',
    last_message_at: '2026-10-14T09:42:17',
  };

  it('update shows the item after the SET; delete shows the item it removes', () => {
    expect(previewPattern(model, 'upd', params).items).toEqual([
      {
        pk: { S: 'MSG#g1' },
        sk: { S: '2026-10-14T09:35' },
        message_group_uuid: { S: 'g1' },
        message: { S: 'edited' },
        created_at: { S: '2026-10-14T09:35' },
      },
    ]);
    expect(previewPattern(model, 'del', params).items[0]!['message']).toEqual({ S: 'Yes, live' });
    expect(previewPattern(model, 'del', { ...params, created_at: 'none' }).count).toBe(0);
  });

  it('a transaction shows the items it puts and deletes', () => {
    const result = previewPattern(model, 'tx', params);
    expect(result.items.map((i) => i['pk'])).toEqual([{ S: 'MSG#g1' }, { S: 'GRP#u1' }]);
    expect(result.readUnits).toBe(0);
  });
});
