import { describe, expect, it } from 'vitest';
import { cruddurMessaging } from '../../../../shared/templates/cruddur-messaging.js';
import type { Model } from '../../../../shared/model/schema.js';
import { formatValue } from '../../components/format-value.js';
import { parseItemText } from './item-text.js';
import { itemsView, viewOptions } from './item-view.js';

describe('items view', () => {
  it('groups the Cruddur items by partition key with each row knowing its entity', () => {
    const view = itemsView(cruddurMessaging, 0, undefined);
    expect(view.count).toBe(5);
    expect(view.partitionCount).toBe(3);
    const partitions = view.rows.filter((r) => r.kind === 'partition').map((r) => r.partition);
    expect(partitions).toEqual([
      'GRP#90ba9a4b-7f42-4bb7-8c5c-6d3d5b2a4f10',
      'GRP#c2f4a6c1-0f51-4d8e-9a2b-2a8f0e3c7d55',
      'MSG#5ae290ed-55d1-47a0-bc6d-fe2bc2700399',
    ]);
    const messages = view.rows.filter((r) => r.kind === 'item' && r.entity === 'Message');
    expect(messages).toHaveLength(3);
    const first = messages[0]!;
    expect(first.kind === 'item' && first.attributes.map(([n]) => n)).not.toContain('pk');
    expect(first.kind === 'item' && first.entityIndex).toBe(1);
  });

  it('shows a sparse GSI: entities without the index key are absent, with the reason', () => {
    const model: Model = structuredClone(cruddurMessaging);
    const group = model.tables[0]!.entities[0]!;
    delete group.keys['message_group_uuid'];
    for (const item of group.sampleItems ?? []) delete item['message_group_uuid'];
    const view = itemsView(model, 0, 'message-group-sk-index');
    expect(view.count).toBe(3);
    expect(view.tableCount).toBe(5);
    expect(view.absent).toEqual([
      {
        entity: 'MessageGroup',
        missing: 2,
        reason: 'MessageGroup has no key template for "message_group_uuid", so its items are not in this index',
      },
    ]);
  });

  it('respects a KEYS_ONLY projection: non-key attributes are not in the index entries', () => {
    const model: Model = structuredClone(cruddurMessaging);
    model.tables[0]!.globalSecondaryIndexes![0]!.projection = { type: 'KEYS_ONLY' };
    const view = itemsView(model, 0, 'message-group-sk-index');
    const row = view.rows.find((r) => r.kind === 'item')!;
    expect(row.kind === 'item' && row.attributes.map(([n]) => n).sort()).toEqual(['pk']);
    expect(view.projected?.sort()).toEqual(['message_group_uuid', 'pk', 'sk']);
    expect(viewOptions(model.tables[0]!).map((o) => o.label)).toEqual([
      'Table cruddur-messages',
      'GSI message-group-sk-index',
    ]);
  });

  it('formats values faithfully to their types', () => {
    expect(formatValue({ N: '12345678901234567890123456789012345678' })).toBe('12345678901234567890123456789012345678');
    expect(formatValue({ SS: ['a', 'b'] })).toBe('{"a", "b"}');
    expect(formatValue({ NS: ['1', '2.5'] })).toBe('{1, 2.5}');
    expect(formatValue({ B: 'AQID' })).toBe('AQID');
    expect(formatValue({ L: [{ S: '1' }, { N: '1' }] })).toBe('["1", 1]');
    expect(formatValue({ M: { a: { BOOL: true }, b: { NULL: true } } })).toBe('{a: true, b: null}');
  });
});

describe('parseItemText', () => {
  const keys = { required: [{ name: 'pk', type: 'S' as const }], optional: [{ name: 'g', type: 'S' as const }] };
  const previous = { pk: { S: 'a' }, n: { N: '1' } };

  it('accepts typed JSON, keeps 38-digit numbers, and lists type changes for confirmation', () => {
    const big = '12345678901234567890123456789012345678';
    const parsed = parseItemText(JSON.stringify({ pk: { S: 'a' }, n: { S: big } }), previous, keys);
    expect(parsed).toEqual({
      ok: true,
      item: { pk: { S: 'a' }, n: { S: big } },
      typeChanges: [{ attribute: 'n', from: 'N', to: 'S' }],
    });
    const same = parseItemText(JSON.stringify({ pk: { S: 'a' }, n: { N: big } }), previous, keys);
    expect(same.ok && same.item['n']).toEqual({ N: big });
    expect(same.ok && same.typeChanges).toEqual([]);
  });

  it('refuses what DynamoDB refuses: bad numbers, empty or duplicate sets, bad base64, missing or mistyped keys', () => {
    const bad = (item: unknown): string[] => {
      const parsed = parseItemText(JSON.stringify(item), previous, keys);
      return parsed.ok ? [] : parsed.errors;
    };
    expect(bad({ pk: { S: 'a' }, n: { N: 'abc' } })[0]).toMatch(/n: "abc" is not a number/);
    expect(bad({ pk: { S: 'a' }, s: { SS: [] } })[0]).toMatch(/cannot be empty/);
    expect(bad({ pk: { S: 'a' }, s: { SS: ['x', 'x'] } })[0]).toMatch(/same value twice/);
    expect(bad({ pk: { S: 'a' }, b: { B: '@@' } })[0]).toMatch(/base64/);
    expect(bad({ n: { N: '1' } })[0]).toMatch(/"pk" is the table's key/);
    expect(bad({ pk: { N: '1' } })[0]).toMatch(/key of type S/);
    expect(bad({ pk: { S: 'a' }, g: { N: '1' } })[0]).toMatch(/index key of type S/);
    expect(bad({ pk: 'a' })[0]).toMatch(/expected a typed value/);
    expect(parseItemText('{', previous, keys).ok).toBe(false);
  });
});
