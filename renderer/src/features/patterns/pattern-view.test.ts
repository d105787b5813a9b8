import { describe, expect, it } from 'vitest';
import { cruddurMessaging } from '../../../../shared/templates/cruddur-messaging.js';
import type { Model } from '../../../../shared/model/schema.js';
import { resolvePattern } from '../../../../shared/patterns/resolve.js';
import {
  costView,
  initialParameters,
  operationView,
  parameterValues,
  patternCode,
  readableExpression,
  requestJson,
  runPreview,
} from './pattern-view.js';

const table = cruddurMessaging.tables[0]!;

describe('pattern view', () => {
  it('shows list-messages as a Query on the table, newest first, with the key condition written out', () => {
    const resolved = resolvePattern(cruddurMessaging, 'list-messages');
    const view = operationView(resolved, table);
    expect(view.operation).toBe('Query');
    expect(view.target).toBe('table cruddur-messages');
    expect(view.keyCondition).toBe('pk = "MSG#{message_group_uuid}"');
    expect(view.order).toMatch(/descending/);
    expect(view.scan).toBeUndefined();
  });

  it('shows a loud scan with the reason and the fix when no index serves the key condition', () => {
    const model: Model = structuredClone(cruddurMessaging);
    model.tables[0]!.accessPatterns.push({
      name: 'messages-by-user',
      entity: 'Message',
      kind: 'query',
      parameters: [{ name: 'user_uuid' }],
      keyCondition: { partition: { attribute: 'user_uuid', value: '{user_uuid}' } },
    });
    const resolved = resolvePattern(model, 'messages-by-user');
    const view = operationView(resolved, model.tables[0]!);
    expect(view.operation).toBe('Scan');
    expect(view.scan?.reason).toMatch(/no index has partition key "user_uuid"/);
    expect(view.scan?.fix).toMatch(/Add a GSI with partition key "user_uuid"/);
  });

  it('prefills parameters from examples and previews the three messages newest first', () => {
    const resolved = resolvePattern(cruddurMessaging, 'list-messages');
    const text = initialParameters(cruddurMessaging, resolved);
    expect(text).toEqual({ message_group_uuid: '5ae290ed-55d1-47a0-bc6d-fe2bc2700399' });
    const outcome = runPreview(cruddurMessaging, 'list-messages', parameterValues(resolved, text));
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.result.items.map((i) => i['created_at'])).toEqual([
      { S: '2026-10-14T09:42:17.000Z' },
      { S: '2026-10-14T09:35:48.000Z' },
      { S: '2026-10-14T09:30:02.000Z' },
    ]);
    const none = runPreview(cruddurMessaging, 'list-messages', { message_group_uuid: 'nope' });
    expect(none.ok && none.result.count).toBe(0);
  });

  it('prefills a parameter without an example from a sample item of the entity', () => {
    const model: Model = structuredClone(cruddurMessaging);
    delete model.tables[0]!.accessPatterns[1]!.parameters[0]!.example;
    const resolved = resolvePattern(model, 'list-messages');
    expect(initialParameters(model, resolved)).toEqual({ message_group_uuid: '5ae290ed-55d1-47a0-bc6d-fe2bc2700399' });
  });

  it('builds the exact request and says which parameter is missing', () => {
    const model: Model = structuredClone(cruddurMessaging);
    delete model.tables[0]!.accessPatterns[1]!.parameters[0]!.example;
    const resolved = resolvePattern(model, 'list-messages');
    const ok = requestJson(resolved, { message_group_uuid: 'g1' });
    expect(ok.ok && JSON.parse(ok.json)).toEqual({
      TableName: 'cruddur-messages',
      KeyConditionExpression: '#k0 = :v0',
      ExpressionAttributeNames: { '#k0': 'pk' },
      ExpressionAttributeValues: { ':v0': { S: 'MSG#g1' } },
      ScanIndexForward: false,
      Limit: 20,
    });
    const missing = requestJson(resolved, {});
    expect(missing.ok).toBe(false);
    expect(!missing.ok && missing.message).toMatch(/message_group_uuid/);
    expect(readableExpression('#k0 = :v0', resolved)).toBe('pk = "MSG#{message_group_uuid}"');
  });

  it('counts GSI writes for a put and prices it with the price table date', () => {
    const resolved = resolvePattern(cruddurMessaging, 'create-message');
    const cost = costView(cruddurMessaging, resolved)!;
    expect(cost.capacity.tableWriteUnits).toBe(1);
    expect(cost.capacity.gsiWriteUnits).toEqual({ 'message-group-sk-index': 1 });
    expect(cost.capacity.writeUnits).toBe(2);
    expect(cost.priceDate).toBe('2024-11-01');
    expect(cost.perMillionRequests).toBeCloseTo(1.25);
    expect(cost.itemBytes).toBeGreaterThan(100);
  });

  it('generates TypeScript and Python for the one pattern', () => {
    const resolved = resolvePattern(cruddurMessaging, 'list-messages');
    const ts = patternCode(cruddurMessaging, resolved, 'typescript');
    expect(ts).toContain('export async function listMessages(');
    expect(ts).not.toContain('listMessageGroups');
    const py = patternCode(cruddurMessaging, resolved, 'python');
    expect(py).toContain('def list_messages(message_group_uuid: str');
  });
});
