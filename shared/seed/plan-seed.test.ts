import { describe, expect, it } from 'vitest';
import type { Entity, Model } from '../model/schema.js';
import { cruddurMessaging } from '../templates/cruddur-messaging.js';
import { planSeed } from './plan-seed.js';
import type { PlannedItem, SeedOptions } from './seed-types.js';

const all = (model: Model, options: SeedOptions = {}): PlannedItem[] => [...planSeed(model, options).items()];
const lines = (model: Model, options: SeedOptions = {}): string =>
  all(model, options)
    .map((p) => JSON.stringify(p.item))
    .join('\n');

function oneEntityModel(entity: Partial<Entity> & Pick<Entity, 'keys' | 'attributes'>, sortKey = true): Model {
  return {
    format: 'monotable/1',
    name: 'test',
    tables: [
      {
        name: 't',
        partitionKey: { name: 'pk', type: 'S' },
        ...(sortKey ? { sortKey: { name: 'sk', type: 'S' as const } } : {}),
        billing: { mode: 'on-demand' },
        entities: [{ name: 'E', seed: { count: 5 }, ...entity }],
        accessPatterns: [],
      },
    ],
  };
}

describe('planSeed on the Cruddur messaging model', () => {
  it('is deterministic: the same options give byte-identical items, another seed gives others', () => {
    const a = lines(cruddurMessaging, { seed: 42 });
    expect(lines(cruddurMessaging, { seed: 42 })).toBe(a);
    expect(lines(cruddurMessaging, { seed: 43 })).not.toBe(a);
    expect(a.length).toBeGreaterThan(1000);
  });

  it('knows the planned count up front and yields exactly that many items', () => {
    const plan = planSeed(cruddurMessaging, { seed: 7 });
    const items = [...plan.items()];
    expect(items).toHaveLength(plan.planned);
    const groups = plan.counts.find((c) => c.entity === 'MessageGroup')!;
    const messages = plan.counts.find((c) => c.entity === 'Message')!;
    expect(groups.parent).toBe('Conversation');
    expect(messages.parent).toBe('Conversation');
    const conversations = groups.count / 2;
    expect(Number.isInteger(conversations)).toBe(true);
    expect(conversations).toBeGreaterThanOrEqual(20); // each of the 20 users starts at least one
    expect(messages.count).toBeGreaterThanOrEqual(3 * conversations);
    expect(messages.count).toBeLessThanOrEqual(30 * conversations);
    expect(plan.planned).toBe(groups.count + messages.count);
    expect(plan.counts.map((c) => c.entity)).toEqual(['MessageGroup', 'Message']);
  });

  it('writes messages into the conversations of the group rows, with keys rendered from the templates', () => {
    const items = all(cruddurMessaging, { seed: 3 });
    const groups = items.filter((p) => p.entity === 'MessageGroup');
    const ids = new Set(groups.map((g) => (g.item.message_group_uuid as { S: string }).S));
    expect(ids.size).toBe(groups.length / 2);
    const perGroup = new Map<string, number>();
    for (const m of items.filter((p) => p.entity === 'Message')) {
      const id = (m.item.message_group_uuid as { S: string }).S;
      expect(ids.has(id)).toBe(true);
      expect(m.item.pk).toEqual({ S: `MSG#${id}` });
      expect(m.item.sk).toEqual({
        S: `${(m.item.created_at as { S: string }).S}#${(m.item.message_uuid as { S: string }).S}`,
      });
      perGroup.set(id, (perGroup.get(id) ?? 0) + 1);
    }
    for (const n of perGroup.values()) expect(n >= 3 && n <= 30).toBe(true);
    expect(groups[0]!.item.pk).toEqual({ S: `GRP#${(groups[0]!.item.user_uuid as { S: string }).S}` });
    expect(items.every((p) => p.problem === undefined)).toBe(true);
  });

  it("emits a conversation's group rows after its messages (they carry the newest message), one subtree at a time", () => {
    const items = all(cruddurMessaging, { seed: 5 });
    const seenGroups = new Set<string>();
    let current: string | undefined;
    for (const p of items) {
      const id = (p.item.message_group_uuid as { S: string }).S;
      if (p.entity === 'Message') {
        expect(seenGroups.has(id)).toBe(false);
        current = id;
      } else {
        expect(id).toBe(current);
        seenGroups.add(id);
      }
    }
  });

  it('scales roots, honours explicit counts, and refuses unknown entities and counts of per-member rows', () => {
    const scaled = planSeed(cruddurMessaging, { scale: 3, counts: { Conversation: 30 } });
    expect(scaled.counts.find((c) => c.entity === 'MessageGroup')!.count).toBe(60);
    const plan = planSeed(cruddurMessaging, { counts: { User: 4, Conversation: 5, Message: 10 } });
    expect(plan.planned).toBe(20);
    expect([...plan.items()]).toHaveLength(20);
    expect(() => planSeed(cruddurMessaging, { counts: { Nope: 1 } })).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND' }),
    );
    expect(() => planSeed(cruddurMessaging, { counts: { MessageGroup: 4 } })).toThrow(
      expect.objectContaining({ code: 'BAD_INPUT', message: expect.stringContaining('per member') }),
    );
  });

  it('streams: a million-item plan is counted without generating, and items come one at a time', () => {
    const plan = planSeed(cruddurMessaging, { counts: { Conversation: 500_000, Message: 0 } });
    expect(plan.planned).toBe(1_000_000);
    const iterator = plan.items();
    const first = iterator.next();
    expect(first.done).toBe(false);
    iterator.return(undefined);
  });

  it('uses the faker locale, and refuses an unknown one', () => {
    const en = all(cruddurMessaging, { counts: { Conversation: 3, Message: 1 }, locale: 'en' });
    const ja = all(cruddurMessaging, { counts: { Conversation: 3, Message: 1 }, locale: 'ja' });
    expect(ja.map((p) => p.item.other_user_display_name)).not.toEqual(en.map((p) => p.item.other_user_display_name));
    expect(() => planSeed(cruddurMessaging, { locale: 'xx_NOPE' })).toThrow(
      expect.objectContaining({ code: 'BAD_INPUT' }),
    );
  });
});

describe('planSeed generators and checks', () => {
  it('takes every ref of one child from the same parent item', () => {
    const model = oneEntityModel({
      keys: { pk: 'P#{id}', sk: 'P' },
      attributes: [
        { name: 'id', type: 'S', generator: { kind: 'faker', method: 'string.uuid' } },
        { name: 'owner', type: 'S', generator: { kind: 'faker', method: 'person.fullName' } },
      ],
    });
    model.tables[0]!.entities.push({
      name: 'C',
      keys: { pk: 'P#{parent_id}', sk: 'C#{n}' },
      attributes: [
        { name: 'parent_id', type: 'S', generator: { kind: 'ref', entity: 'E', attribute: 'id' } },
        { name: 'parent_owner', type: 'S', generator: { kind: 'ref', entity: 'E', attribute: 'owner' } },
        { name: 'n', type: 'N', generator: { kind: 'sequence' } },
      ],
      seed: { perParent: { min: 2, max: 4 } },
    });
    const items = all(model);
    const owners = new Map(
      items.filter((p) => p.entity === 'E').map((p) => [JSON.stringify(p.item.id), JSON.stringify(p.item.owner)]),
    );
    const children = items.filter((p) => p.entity === 'C');
    expect(children.length).toBeGreaterThanOrEqual(10);
    for (const c of children)
      expect(owners.get(JSON.stringify(c.item.parent_id))).toBe(JSON.stringify(c.item.parent_owner));
  });

  it('types values: N as decimal strings, SS de-duplicated and non-empty, BOOL, L and M, sequences', () => {
    const [first, second] = all(
      oneEntityModel({
        keys: { pk: 'X#{n}', sk: 'S' },
        attributes: [
          { name: 'n', type: 'N', generator: { kind: 'sequence', start: 10, step: 5 } },
          { name: 'code', type: 'S', generator: { kind: 'sequence', prefix: 'C-', pad: 4 } },
          { name: 'price', type: 'N', generator: { kind: 'constant', value: 1e21 } },
          { name: 'tags', type: 'SS', generator: { kind: 'constant', value: ['a', 'b', 'a'] } },
          { name: 'empty', type: 'SS', generator: { kind: 'constant', value: [] } },
          { name: 'flag', type: 'BOOL', generator: { kind: 'one-of', values: [true] } },
          { name: 'list', type: 'L', generator: { kind: 'constant', value: [1, 'x', null] } },
          { name: 'map', type: 'M', generator: { kind: 'constant', value: { a: { b: [true] } } } },
          {
            name: 'when',
            type: 'N',
            generator: { kind: 'date-range', from: '2026-01-01', to: '2026-01-02', format: 'epoch-seconds' },
          },
          {
            name: 'rating',
            type: 'N',
            generator: { kind: 'faker', method: 'number.float', args: [{ min: 0, max: 5, fractionDigits: 2 }] },
          },
        ],
      }),
    );
    expect(first!.item.n).toEqual({ N: '10' });
    expect(second!.item.n).toEqual({ N: '15' });
    expect(first!.item.pk).toEqual({ S: 'X#10' });
    expect(second!.item.code).toEqual({ S: 'C-0002' });
    expect(first!.item.price).toEqual({ N: '1e+21' });
    expect(first!.item.tags).toEqual({ SS: ['a', 'b'] });
    expect(first!.item.empty).toBeUndefined();
    expect(first!.item.flag).toEqual({ BOOL: true });
    expect(first!.item.list).toEqual({ L: [{ N: '1' }, { S: 'x' }, { NULL: true }] });
    expect(first!.item.map).toEqual({ M: { a: { M: { b: { L: [{ BOOL: true }] } } } } });
    const when = Number((first!.item.when as { N: string }).N);
    expect(when).toBeGreaterThanOrEqual(Date.parse('2026-01-01') / 1000);
    expect(when).toBeLessThanOrEqual(Date.parse('2026-01-02') / 1000);
    expect((first!.item.rating as { N: string }).N).toMatch(/^\d(\.\d{1,2})?$/);
  });

  it('writes the type attribute and fills key parts that have no generator', () => {
    const [p] = all(
      oneEntityModel({
        typeAttribute: { name: '_type', value: 'E' },
        keys: { pk: 'E#{id}', sk: 'E' },
        attributes: [
          { name: 'id', type: 'S' },
          { name: 'optional', type: 'S' },
        ],
      }),
    );
    expect(p!.item._type).toEqual({ S: 'E' });
    expect((p!.item.pk as { S: string }).S).toMatch(/^E#[0-9a-f-]{36}$/);
    expect(p!.item.optional).toBeUndefined();
  });

  it('reports oversize items and keys in UTF-8 bytes, and does not mark them sendable', () => {
    const cjkKey = '漢'.repeat(700); // 700 characters, 2,100 UTF-8 bytes: dynalite accepts it, AWS does not
    const items = all(
      oneEntityModel({
        seed: { count: 2 },
        keys: { pk: '{big}', sk: 'S#{n}' },
        attributes: [
          { name: 'big', type: 'S', generator: { kind: 'constant', value: cjkKey } },
          { name: 'n', type: 'N', generator: { kind: 'sequence' } },
        ],
      }),
    );
    expect(items[0]!.problem).toMatch(/"pk" is 2100 bytes.*2048/);
    const huge = all(
      oneEntityModel({
        seed: { count: 1 },
        keys: { pk: 'P', sk: 'S' },
        attributes: [{ name: 'text', type: 'S', generator: { kind: 'constant', value: 'é'.repeat(210_000) } }],
      }),
    );
    expect(huge[0]!.size).toBeGreaterThan(409_600);
    expect(huge[0]!.problem).toMatch(/409600/);
  });

  it('counts LSI entries towards the 400 KB limit', () => {
    const model = oneEntityModel({
      seed: { count: 1 },
      keys: { pk: 'P', sk: 'S', lsk: 'L' },
      attributes: [{ name: 'text', type: 'S', generator: { kind: 'constant', value: 'x'.repeat(250_000) } }],
    });
    const [alone] = all(model);
    expect(alone!.problem).toBeUndefined();
    model.tables[0]!.localSecondaryIndexes = [
      { name: 'by-lsk', sortKey: { name: 'lsk', type: 'S' }, projection: { type: 'ALL' } },
    ];
    const [withLsi] = all(model);
    expect(withLsi!.problem).toMatch(/local secondary index entries is 5000\d\d bytes/);
  });

  it('detects duplicate primary keys within the plan', () => {
    const items = all(oneEntityModel({ seed: { count: 3 }, keys: { pk: 'SAME' }, attributes: [] }, false));
    expect(items[0]!.problem).toBeUndefined();
    expect(items[1]!.problem).toMatch(/duplicate primary key: item #0/);
    expect(items[2]!.problem).toMatch(/duplicate/);
  });

  it('tells keys apart whose partition and sort key texts only concatenate alike', () => {
    // (A#x, yz) and (A#xy, z) both read "A#xyz" when run together: different keys, not duplicates.
    const model = oneEntityModel({
      seed: { count: 40 },
      keys: { pk: 'A#{p}', sk: '{s}' },
      attributes: [
        { name: 'p', type: 'S', generator: { kind: 'one-of', values: ['x', 'xy'] } },
        { name: 's', type: 'S', generator: { kind: 'one-of', values: ['yz', 'z'] } },
      ],
    });
    const items = all(model);
    const text = (p: PlannedItem): string => JSON.stringify([p.key.pk, p.key.sk]);
    expect(new Set(items.map(text)).size).toBe(4);
    for (const p of items) {
      const earlier = items.slice(0, p.ordinal).some((q) => text(q) === text(p));
      expect(p.problem === undefined, text(p)).toBe(!earlier);
    }
  });

  it('refuses faker paths that are not faker functions, with the model path', () => {
    for (const method of [
      '__proto__.polluted',
      'constructor.constructor',
      'person.constructor',
      'person.toString',
      'person.valueOf',
      'person.hasOwnProperty',
      'person.__proto__',
      'nope.fn',
      'person.nope',
      'person',
      'helpers.arrayElement.call',
      'rawDefinitions.person',
    ]) {
      const model = oneEntityModel({
        keys: { pk: 'P#{x}', sk: 'S' },
        attributes: [{ name: 'x', type: 'S', generator: { kind: 'faker', method } }],
      });
      expect(() => planSeed(model), method).toThrow(
        expect.objectContaining({
          details: expect.objectContaining({ path: '$.tables[0].entities[0].attributes[0].generator.method' }),
        }),
      );
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('accepts faker methods whose names also exist on Function.prototype (company.name)', () => {
    const model = oneEntityModel({
      keys: { pk: 'P#{x}', sk: 'S' },
      attributes: [{ name: 'x', type: 'S', generator: { kind: 'faker', method: 'company.name' } }],
    });
    const [p] = all(model);
    expect((p!.item.x as { S: string }).S.length).toBeGreaterThan(0);
  });

  it('refuses an entity without a template for a primary key attribute, before generating anything', () => {
    const model = oneEntityModel({ keys: { pk: 'P#{id}' }, attributes: [{ name: 'id', type: 'S' }] });
    expect(() => planSeed(model)).toThrow(
      expect.objectContaining({
        code: 'MODEL_INVALID',
        details: expect.objectContaining({ path: '$.tables[0].entities[0].keys' }),
      }),
    );
  });

  it('refuses ref cycles and refs to entities that do not exist', () => {
    const model = oneEntityModel({
      keys: { pk: 'P#{a}', sk: 'S' },
      attributes: [{ name: 'a', type: 'S', generator: { kind: 'ref', entity: 'C', attribute: 'b' } }],
    });
    model.tables[0]!.entities.push({
      name: 'C',
      keys: { pk: 'C#{b}', sk: 'S' },
      attributes: [{ name: 'b', type: 'S', generator: { kind: 'ref', entity: 'E', attribute: 'a' } }],
    });
    expect(() => planSeed(model)).toThrow(/cycle/);
    const dangling = oneEntityModel({
      keys: { pk: 'P#{a}', sk: 'S' },
      attributes: [{ name: 'a', type: 'S', generator: { kind: 'ref', entity: 'Ghost', attribute: 'id' } }],
    });
    expect(() => planSeed(dangling)).toThrow(expect.objectContaining({ code: 'MODEL_INVALID' }));
  });

  it('refuses numbers DynamoDB cannot store (39 significant digits)', () => {
    const model = oneEntityModel({
      keys: { pk: 'P#{id}', sk: 'S' },
      attributes: [
        { name: 'id', type: 'S' },
        { name: 'big', type: 'N', generator: { kind: 'constant', value: '1'.repeat(39) } },
      ],
    });
    expect(() => all(model)).toThrow(/39 significant digits/);
  });

  it('reports an index key attribute of the wrong type or empty as a problem of that item', () => {
    const model = oneEntityModel({
      seed: { count: 2 },
      keys: { pk: 'P#{id}', sk: 'S' },
      attributes: [
        { name: 'id', type: 'S' },
        { name: 'rank', type: 'S', generator: { kind: 'one-of', values: ['high'] } },
        { name: 'g', type: 'S', generator: { kind: 'constant', value: '' } },
      ],
    });
    model.tables[0]!.globalSecondaryIndexes = [
      { name: 'by-rank', partitionKey: { name: 'rank', type: 'N' }, projection: { type: 'ALL' } },
      { name: 'by-g', partitionKey: { name: 'g', type: 'S' }, projection: { type: 'KEYS_ONLY' } },
    ];
    const [p] = all(model);
    expect(p!.problem).toMatch(/"rank" is a key attribute of type N .* has S/);
    expect(p!.problem).toMatch(/"g" is empty/);
  });

  it('reports a generator value that does not fit the attribute type with its path', () => {
    const model = oneEntityModel({
      keys: { pk: 'P#{n}', sk: 'S' },
      attributes: [{ name: 'n', type: 'N', generator: { kind: 'faker', method: 'person.firstName' } }],
    });
    expect(() => all(model)).toThrow(
      expect.objectContaining({
        code: 'MODEL_INVALID',
        details: expect.objectContaining({ path: '$.tables[0].entities[0].attributes[0].generator' }),
      }),
    );
  });
});
