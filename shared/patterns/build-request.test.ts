import { describe, expect, it } from 'vitest';
import type { AccessPattern, Table } from '../model/schema.js';
import { buildBatchGetRequest, buildRequest } from './build-request.js';
import { cruddurModel } from '../../test/support/cruddur-model.js';
import { resolvePattern } from './resolve.js';

/** Every attribute a Message of the Cruddur template requires, so a put pattern can declare them all. */
const MESSAGE_FIELDS = [
  'message_group_uuid',
  'message_uuid',
  'user_uuid',
  'user_display_name',
  'user_handle',
  'message',
  'created_at',
];
const sender = { message_uuid: 'm1', user_uuid: 'u1', user_display_name: 'Ann', user_handle: 'ann' };

const resolve = (name: string, extra: AccessPattern[] = [], change?: (table: Table) => void) =>
  resolvePattern(cruddurModel({ patterns: extra, changeTable: change }), name);

describe('buildRequest', () => {
  it('list-messages becomes the exact Query body', () => {
    expect(buildRequest(resolve('list-messages'), { message_group_uuid: 'g1' })).toEqual({
      operation: 'Query',
      input: {
        TableName: 'cruddur-messages',
        KeyConditionExpression: '#k0 = :v0',
        ExpressionAttributeNames: { '#k0': 'pk' },
        ExpressionAttributeValues: { ':v0': { S: 'MSG#g1' } },
        ScanIndexForward: false,
        Limit: 20,
      },
    });
  });

  it('find-group-rows names the GSI', () => {
    const { input } = buildRequest(resolve('find-group-rows'), { message_group_uuid: 'g1' });
    expect(input).toMatchObject({
      TableName: 'cruddur-messages',
      IndexName: 'message-group-sk-index',
      ExpressionAttributeValues: { ':v0': { S: 'g1' } },
    });
  });

  it('a missing parameter is BAD_INPUT naming it', () => {
    expect(() => buildRequest(resolve('list-messages'), {})).toThrow(
      expect.objectContaining({ code: 'BAD_INPUT', message: expect.stringContaining('"message_group_uuid"') }),
    );
  });

  it('Number values stay text and keep all 38 digits; bad numbers are BAD_INPUT', () => {
    const pattern: AccessPattern = {
      name: 'p',
      entity: 'Message',
      kind: 'query',
      parameters: [{ name: 'message_group_uuid' }, { name: 'n', type: 'N' }],
      keyCondition: { partition: { attribute: 'pk' }, sort: { attribute: 'sk', operator: '>', value: '{n}' } },
    };
    const resolved = resolve('p', [pattern], (t) => {
      t.sortKey = { name: 'sk', type: 'N' };
      t.entities[1]!.keys['sk'] = '{n}';
    });
    const big = '12345678901234567890123456789012345678';
    const { input } = buildRequest(resolved, { message_group_uuid: 'g', n: big });
    expect((input['ExpressionAttributeValues'] as Record<string, unknown>)[':v1']).toEqual({ N: big });
    expect(() => buildRequest(resolved, { message_group_uuid: 'g', n: 'twelve' })).toThrow(
      expect.objectContaining({ code: 'BAD_INPUT' }),
    );
    expect(() => buildRequest(resolved, { message_group_uuid: 'g', n: `${big}9` })).toThrow(
      expect.objectContaining({ code: 'BAD_INPUT' }),
    );
  });

  it('get, put, update and delete carry Key / Item and no empty expression maps', () => {
    const extra: AccessPattern[] = [
      {
        name: 'get',
        entity: 'Message',
        kind: 'get',
        parameters: [{ name: 'message_group_uuid' }, { name: 'created_at' }],
      },
      {
        name: 'put',
        entity: 'Message',
        kind: 'put',
        parameters: MESSAGE_FIELDS.map((name) => ({ name })),
      },
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
    ];
    const params = { message_group_uuid: 'g1', created_at: '2026', message: 'hi', ...sender };
    const key = { pk: { S: 'MSG#g1' }, sk: { S: '2026' } };
    expect(buildRequest(resolve('get', extra), params)).toEqual({
      operation: 'GetItem',
      input: { TableName: 'cruddur-messages', Key: key },
    });
    expect(buildRequest(resolve('put', extra), params).input).toEqual({
      TableName: 'cruddur-messages',
      Item: {
        ...key,
        message_group_uuid: { S: 'g1' },
        message_uuid: { S: 'm1' },
        user_uuid: { S: 'u1' },
        user_display_name: { S: 'Ann' },
        user_handle: { S: 'ann' },
        message: { S: 'hi' },
        created_at: { S: '2026' },
      },
    });
    expect(buildRequest(resolve('upd', extra), params).input).toEqual({
      TableName: 'cruddur-messages',
      Key: key,
      UpdateExpression: 'SET #s0 = :v0',
      ConditionExpression: 'attribute_exists(#c0)',
      ExpressionAttributeNames: { '#s0': 'message', '#c0': 'pk' },
      ExpressionAttributeValues: { ':v0': { S: 'hi' } },
    });
    expect(buildRequest(resolve('del', extra), params)).toEqual({
      operation: 'DeleteItem',
      input: { TableName: 'cruddur-messages', Key: key },
    });
  });

  it('transact-write wraps each write; batch-get takes up to 100 keys', () => {
    const extra: AccessPattern[] = [
      {
        name: 'tx',
        entity: 'Message',
        kind: 'transact-write',
        parameters: [...MESSAGE_FIELDS, 'last_message_at'].map((name) => ({ name })),
        writes: [
          { kind: 'put', entity: 'Message' },
          { kind: 'condition-check', entity: 'MessageGroup' },
        ],
      },
      {
        name: 'bg',
        entity: 'Message',
        kind: 'batch-get',
        parameters: [{ name: 'message_group_uuid' }, { name: 'created_at' }],
        projection: ['message'],
      },
    ];
    const params = { message_group_uuid: 'g1', created_at: '1', message: 'm', ...sender, last_message_at: '2' };
    const tx = buildRequest(resolve('tx', extra), params).input['TransactItems'] as Record<string, unknown>[];
    expect(tx.map((t) => Object.keys(t)[0])).toEqual(['Put', 'ConditionCheck']);
    expect(tx[1]).toEqual({
      ConditionCheck: {
        TableName: 'cruddur-messages',
        Key: { pk: { S: 'GRP#u1' }, sk: { S: '2' } },
        ConditionExpression: 'attribute_exists(#c0)',
        ExpressionAttributeNames: { '#c0': 'pk' },
      },
    });
    const bg = resolve('bg', extra);
    expect(
      buildBatchGetRequest(bg, [
        { message_group_uuid: 'a', created_at: '1' },
        { message_group_uuid: 'b', created_at: '2' },
      ]).input,
    ).toEqual({
      RequestItems: {
        'cruddur-messages': {
          Keys: [
            { pk: { S: 'MSG#a' }, sk: { S: '1' } },
            { pk: { S: 'MSG#b' }, sk: { S: '2' } },
          ],
          ProjectionExpression: '#p0',
          ExpressionAttributeNames: { '#p0': 'message' },
        },
      },
    });
    expect(() =>
      buildBatchGetRequest(
        bg,
        Array.from({ length: 101 }, () => ({ message_group_uuid: 'a', created_at: '1' })),
      ),
    ).toThrow(expect.objectContaining({ code: 'BAD_INPUT' }));
  });

  it('a pattern with errors is refused as MODEL_INVALID with the path', () => {
    const resolved = resolve('p', [{ name: 'p', entity: 'Nope', kind: 'get', parameters: [] }]);
    expect(() => buildRequest(resolved, {})).toThrow(
      expect.objectContaining({
        code: 'MODEL_INVALID',
        details: expect.objectContaining({ path: '$.tables[0].accessPatterns[5].entity' }),
      }),
    );
  });

  it('sets, lists and maps come from JSON parameters; empty sets are refused', () => {
    const resolved = resolve(
      'put',
      [
        {
          name: 'put',
          entity: 'Message',
          kind: 'put',
          parameters: [...MESSAGE_FIELDS, 'tags', 'meta'].map((name) => ({ name })),
        },
      ],
      (t) => {
        t.entities[1]!.attributes.push({ name: 'tags', type: 'SS' }, { name: 'meta', type: 'M' });
      },
    );
    const item = buildRequest(resolved, {
      ...sender,
      message_group_uuid: 'g',
      created_at: '1',
      message: 'm',
      tags: '["a","b"]',
      meta: '{"n":1,"ok":true,"l":[null]}',
    }).input['Item'] as Record<string, unknown>;
    expect(item['tags']).toEqual({ SS: ['a', 'b'] });
    expect(item['meta']).toEqual({ M: { n: { N: '1' }, ok: { BOOL: true }, l: { L: [{ NULL: true }] } } });
    expect(() =>
      buildRequest(resolved, {
        ...sender,
        message_group_uuid: 'g',
        created_at: '1',
        message: 'm',
        tags: '[]',
        meta: '{}',
      }),
    ).toThrow(expect.objectContaining({ code: 'BAD_INPUT' }));
  });
});
