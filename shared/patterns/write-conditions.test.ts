import { describe, expect, it } from 'vitest';
import type { AccessPattern, Model } from '../model/schema.js';
import { evaluateRequest } from '../preview/evaluate-request.js';
import { findTemplate } from '../templates/index.js';
import { buildRequest } from './build-request.js';
import { resolvePattern } from './resolve.js';

const cruddur = (): Model => findTemplate('cruddur-messaging')!.model;
const example = (model: Model, name: string): Record<string, string> =>
  Object.fromEntries(
    model.tables[0]!.accessPatterns.find((p) => p.name === name)!.parameters.map((p) => [p.name, p.example!]),
  );
const withPattern = (model: Model, pattern: AccessPattern): Model => {
  model.tables[0]!.accessPatterns.push(pattern);
  return model;
};
const groupUpdate = (extra: Partial<AccessPattern> = {}): AccessPattern => ({
  name: 'rename',
  entity: 'MessageGroup',
  kind: 'update',
  parameters: ['user_uuid', 'last_message_at', 'message_group_uuid', 'other_user_handle'].map((name) => ({ name })),
  set: ['other_user_handle'],
  ...extra,
});
const params = {
  user_uuid: '90ba9a4b-7f42-4bb7-8c5c-6d3d5b2a4f10',
  last_message_at: '2026-10-14T09:42:17.000Z',
  message_group_uuid: '5ae290ed-55d1-47a0-bc6d-fe2bc2700399',
  other_user_handle: 'bayko2',
};

describe('write patterns carry the conditions that keep them from making ghosts', () => {
  it('an update changes an existing item: attribute_exists on the key, unless it upserts', () => {
    const model = withPattern(withPattern(cruddur(), groupUpdate()), groupUpdate({ name: 'up', upsert: true }));
    const strict = buildRequest(resolvePattern(model, 'rename'), params).input;
    expect(strict['ConditionExpression']).toBe('attribute_exists(#c0)');
    expect(strict['ExpressionAttributeNames']).toEqual({ '#s0': 'other_user_handle', '#c0': 'pk' });
    const upsert = buildRequest(resolvePattern(model, 'up'), params).input;
    expect(upsert['ConditionExpression']).toBeUndefined();
    expect(resolvePattern(model, 'rename').summary).toContain('(must exist)');
  });

  it('the preview refuses an update of a missing item and shows the update of an existing one', () => {
    const model = withPattern(cruddur(), groupUpdate());
    const resolved = resolvePattern(model, 'rename');
    const ok = evaluateRequest(model, buildRequest(resolved, params));
    expect(ok.items[0]!.other_user_handle).toEqual({ S: 'bayko2' });
    expect(() =>
      evaluateRequest(model, buildRequest(resolved, { ...params, last_message_at: '2020-01-01T00:00:00.000Z' })),
    ).toThrow(expect.objectContaining({ code: 'CONDITION_FAILED', message: expect.stringContaining('no item with') }));
  });

  it('a put with ifNotExists carries attribute_not_exists; create-message of Cruddur does', () => {
    const model = cruddur();
    const put = buildRequest(resolvePattern(model, 'create-message'), example(model, 'create-message')).input;
    expect(put['ConditionExpression']).toBe('attribute_not_exists(#c0)');
    expect(put['ExpressionAttributeNames']).toEqual({ '#c0': 'pk' });
  });

  it("Cruddur's update-message-group moves the row: one TransactWriteItems, Delete at the old key + Put at the new", () => {
    const model = cruddur();
    const resolved = resolvePattern(model, 'update-message-group');
    expect(resolved.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(resolved.operation).toBe('TransactWriteItems');
    const values = example(model, 'update-message-group');
    const request = buildRequest(resolved, values);
    const group = values['message_group_uuid'];
    expect(request.operation).toBe('TransactWriteItems');
    const [del, put] = request.input['TransactItems'] as Record<string, Record<string, unknown>>[];
    expect(del).toEqual({
      Delete: {
        TableName: 'cruddur-messages',
        Key: {
          pk: { S: `GRP#${values['user_uuid']}` },
          sk: { S: `${values['previous_last_message_at']}#${group}` },
        },
        ConditionExpression: 'attribute_exists(#c0)',
        ExpressionAttributeNames: { '#c0': 'pk' },
      },
    });
    expect(put!['Put']).toMatchObject({
      TableName: 'cruddur-messages',
      ConditionExpression: 'attribute_not_exists(#c0)',
      Item: {
        pk: { S: `GRP#${values['user_uuid']}` },
        sk: { S: `${values['last_message_at']}#${group}` },
        message: { S: values['message'] },
        updated_at: { S: values['updated_at'] },
        other_user_handle: { S: values['other_user_handle'] },
      },
    });
    expect(resolved.summary).toMatch(
      /move MessageGroup from .*previous_last_message_at.* to .*last_message_at.*Delete \+ Put/,
    );
    // The preview: the sample row is deleted and the new one written; a row that is not there cannot move.
    const preview = evaluateRequest(model, request);
    expect(preview.items.map((i) => i.sk)).toEqual([
      { S: `${values['previous_last_message_at']}#${group}` },
      { S: `${values['last_message_at']}#${group}` },
    ]);
    expect(() =>
      evaluateRequest(model, buildRequest(resolved, { ...values, previous_last_message_at: '2020-01-01' })),
    ).toThrow(expect.objectContaining({ code: 'CONDITION_FAILED', message: expect.stringContaining('action #1') }));
  });

  it('a move names key attributes only, and its current value comes from another parameter', () => {
    const bad = withPattern(
      cruddur(),
      groupUpdate({ name: 'bad', moveFrom: { message: 'old_message', last_message_at: 'last_message_at' } }),
    );
    const codes = resolvePattern(bad, 'bad').diagnostics.map((d) => d.code);
    expect(codes).toContain('pattern-move-not-key');
    expect(codes).toContain('pattern-move-same-parameter');
    expect(codes).toContain('pattern-move-ignores-set');
  });
});
