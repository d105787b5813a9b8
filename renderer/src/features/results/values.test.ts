import { describe, expect, it } from 'vitest';
import type { Item } from '../../../../shared/model/attribute-value.js';
import { planSeed } from '../../../../shared/seed/plan-seed.js';
import { cruddurMessaging } from '../../../../shared/templates/cruddur-messaging.js';
import { displayValue, entityDecoder, valuesByName } from './values.js';

const table = cruddurMessaging.tables[0]!;
const items: Item[] = [];
for (const planned of planSeed(cruddurMessaging, { seed: 3 }).items()) {
  items.push(planned.item);
  if (items.length >= 400) break;
}

describe('result values', () => {
  it('decodes each item’s entity from the key templates', () => {
    const decode = entityDecoder(table);
    const names = new Set(items.map((i) => decode(i)));
    expect(names).toEqual(new Set(['MessageGroup', 'Message']));
    for (const item of items) {
      expect(decode(item)).toBe((item.pk as { S: string }).S.startsWith('GRP#') ? 'MessageGroup' : 'Message');
    }
  });

  it('offers parameter values decoded from keys, consistent within one item', () => {
    const decode = entityDecoder(table);
    const groups = items.filter((i) => decode(i) === 'MessageGroup');
    const values = valuesByName(table, groups);
    const sk = (groups[0]!.sk as { S: string }).S;
    expect(sk).toBe(`${values.get('last_message_at')![0]}#${values.get('message_group_uuid')![0]}`);
    expect((groups[0]!.pk as { S: string }).S).toBe(`GRP#${values.get('user_uuid')![0]}`);
  });

  it('shows values type-faithfully', () => {
    expect(displayValue({ N: '12345678901234567890123456789012345678' })).toBe(
      '12345678901234567890123456789012345678',
    );
    expect(displayValue({ SS: ['a', 'b'] })).toBe('{"a", "b"}');
    expect(displayValue({ L: [{ S: 'a' }, { N: '1' }] })).toBe('["a", 1]');
    expect(displayValue({ B: 'AAH/' })).toBe('AAH/');
  });
});
