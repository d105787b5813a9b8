import { describe, expect, it } from 'vitest';
import type { AttributeValue, Item } from '../model/attribute-value.js';
import type { Attribute, Entity, Model, SeedEntity } from '../model/schema.js';
import { planSeed } from './plan-seed.js';
import { seedGraph } from './seed-graph.js';

const S = (v: AttributeValue | undefined): string => (v && 'S' in v ? v.S : '');
const N = (v: AttributeValue | undefined): number => (v && 'N' in v ? Number(v.N) : Number.NaN);

function model(entities: Entity[], seedEntities?: SeedEntity[]): Model {
  return {
    format: 'monotable/1',
    name: 'm',
    tables: [
      {
        name: 't',
        partitionKey: { name: 'pk', type: 'S' },
        sortKey: { name: 'sk', type: 'S' },
        billing: { mode: 'on-demand' },
        entities,
        ...(seedEntities ? { seedEntities } : {}),
        accessPatterns: [],
      },
    ],
  };
}

const uuid = (name: string): Attribute => ({ name, type: 'S', generator: { kind: 'faker', method: 'string.uuid' } });

/** A parent with an aggregate over its children, and children with `after`. */
function parentAndChildren(parentSeed: Entity['seed'], extra: Attribute[] = []): Model {
  return model([
    {
      name: 'Parent',
      keys: { pk: 'P#{id}', sk: 'P' },
      attributes: [
        uuid('id'),
        { name: 'children', type: 'N', generator: { kind: 'aggregate', of: 'Child', function: 'count' } },
        { name: 'newest', type: 'S', generator: { kind: 'aggregate', of: 'Child', function: 'max', attribute: 'at' } },
        { name: 'oldest', type: 'S', generator: { kind: 'aggregate', of: 'Child', function: 'min', attribute: 'at' } },
        {
          name: 'newest_text',
          type: 'S',
          generator: { kind: 'aggregate', of: 'Child', function: 'latest', attribute: 'text', by: 'at' },
        },
        { name: 'touched', type: 'S', generator: { kind: 'after', attribute: 'newest', within: 'PT1H' } },
        ...extra,
      ],
      seed: { count: 40 },
    },
    {
      name: 'Child',
      keys: { pk: 'P#{parent_id}', sk: 'C#{id}' },
      attributes: [
        { name: 'parent_id', type: 'S', generator: { kind: 'ref', entity: 'Parent', attribute: 'id' } },
        uuid('id'),
        { name: 'text', type: 'S', generator: { kind: 'faker', method: 'lorem.word' } },
        {
          name: 'at',
          type: 'S',
          generator: { kind: 'date-range', from: '2026-01-01T00:00:00Z', to: '2026-02-01T00:00:00Z' },
        },
        { name: 'seen', type: 'S', generator: { kind: 'after', attribute: 'at', within: 'PT30S' } },
      ],
      seed: parentSeed,
    },
  ]);
}

const items = (m: Model, seed = 1): Item[] => [...planSeed(m, { seed }).items()].map((p) => p.item);

describe('aggregates, after and per-parent distributions', () => {
  it('computes count, min, max and latest from each parent item’s own children; after stays within its window', () => {
    const rows = items(parentAndChildren({ perParent: { min: 0, max: 6 } }));
    const parents = rows.filter((r) => S(r.sk) === 'P');
    const children = rows.filter((r) => S(r.sk).startsWith('C#'));
    expect(children.length).toBeGreaterThan(0);
    for (const p of parents) {
      const own = children.filter((c) => S(c.parent_id) === S(p.id));
      expect(N(p.children)).toBe(own.length);
      if (own.length === 0) {
        expect(p.newest).toBeUndefined();
        expect(p.touched).toBeUndefined();
        continue;
      }
      const times = own.map((c) => S(c.at)).sort();
      expect(S(p.newest)).toBe(times.at(-1));
      expect(S(p.oldest)).toBe(times[0]);
      expect(S(p.newest_text)).toBe(S(own.find((c) => S(c.at) === times.at(-1))!.text));
      const gap = Date.parse(S(p.touched)) - Date.parse(S(p.newest));
      expect(gap >= 0 && gap <= 3_600_000).toBe(true);
    }
    for (const c of children) {
      const gap = Date.parse(S(c.seen)) - Date.parse(S(c.at));
      expect(gap >= 0 && gap <= 30_000).toBe(true);
    }
  });

  it('fixed, uniform and skewed child counts', () => {
    const countsOf = (perParent: Entity['seed']): number[] => {
      const rows = items(parentAndChildren(perParent));
      return rows.filter((r) => S(r.sk) === 'P').map((p) => N(p.children));
    };
    expect(new Set(countsOf({ perParent: { min: 3, max: 3 } }))).toEqual(new Set([3]));
    const uniform = countsOf({ perParent: { min: 0, max: 9 } });
    const skewed = countsOf({ perParent: { min: 0, max: 9, distribution: 'skewed', skew: 2 } });
    const share = (list: number[], n: number) => list.filter((x) => x === n).length / list.length;
    expect(share(skewed, 0)).toBeGreaterThan(0.4); // P(0) = 1/ζ-ish ≈ 0.65 for s = 2
    expect(share(uniform, 0)).toBeLessThan(0.3); // 0.1 expected
    expect(Math.max(...skewed)).toBeGreaterThanOrEqual(3);
  });

  it('emits a parent after the children it aggregates over, and is deterministic byte for byte', () => {
    const m = parentAndChildren({ perParent: { min: 1, max: 4 } });
    const plan = [...planSeed(m, { seed: 9 }).items()];
    let pending = new Set<string>();
    for (const p of plan) {
      if (p.entity === 'Child') pending.add(S(p.item.parent_id));
      else {
        expect([...pending]).toEqual([S(p.item.id)]);
        pending = new Set();
      }
    }
    const text = (seed: number) => JSON.stringify(items(m, seed));
    expect(text(9)).toBe(text(9));
    expect(text(9)).not.toBe(text(10));
  });
});

describe('members and member', () => {
  const chat = (count = 2): Model =>
    model(
      [
        {
          name: 'Row',
          keys: { pk: 'U#{user}', sk: 'G#{group}' },
          attributes: [
            { name: 'group', type: 'S', generator: { kind: 'ref', entity: 'Group', attribute: 'id' } },
            { name: 'user', type: 'S', generator: { kind: 'member', of: 'people', attribute: 'id', which: 'this' } },
            { name: 'other', type: 'S', generator: { kind: 'member', of: 'people', attribute: 'id', which: 'other' } },
            {
              name: 'other_name',
              type: 'S',
              generator: { kind: 'member', of: 'people', attribute: 'name', which: 'other' },
            },
          ],
          seed: { perMember: 'people' },
        },
        {
          name: 'Post',
          keys: { pk: 'G#{group}', sk: 'P#{id}' },
          attributes: [
            { name: 'group', type: 'S', generator: { kind: 'ref', entity: 'Group', attribute: 'id' } },
            uuid('id'),
            { name: 'by', type: 'S', generator: { kind: 'member', of: 'people', attribute: 'id', which: 'any' } },
            {
              name: 'by_name',
              type: 'S',
              generator: { kind: 'member', of: 'people', attribute: 'name', which: 'any' },
            },
          ],
          seed: { perParent: { min: 2, max: 6 } },
        },
      ],
      [
        {
          name: 'Person',
          attributes: [
            uuid('id'),
            { name: 'name', type: 'S', generator: { kind: 'faker', method: 'person.fullName' } },
          ],
          seed: { count: 8 },
        },
        {
          name: 'Group',
          attributes: [
            uuid('id'),
            { name: 'people', type: 'SS', generator: { kind: 'members', entity: 'Person', attribute: 'id', count } },
          ],
          seed: { parent: 'Person', perParent: { min: 1, max: 3 } },
        },
      ],
    );

  it('one row per member naming the others; a post’s id and name belong to one member; seed-only items are not written', () => {
    const plan = planSeed(chat(3), { seed: 4 });
    expect(plan.counts.map((c) => c.entity).sort()).toEqual(['Post', 'Row']);
    const rows = [...plan.items()];
    expect(rows).toHaveLength(plan.planned);
    expect(rows.every((r) => r.problem === undefined)).toBe(true);
    const names = new Map<string, string>();
    const byGroup = new Map<string, Item[]>();
    for (const r of rows.filter((x) => x.entity === 'Row')) {
      names.set(S(r.item.other), S(r.item.other_name));
      byGroup.set(S(r.item.group), [...(byGroup.get(S(r.item.group)) ?? []), r.item]);
    }
    for (const [, members] of byGroup) {
      expect(members).toHaveLength(3);
      const users = members.map((m) => S(m.user));
      expect(new Set(users).size).toBe(3);
      members.forEach((m, i) => expect(S(m.other)).toBe(users[(i + 1) % 3]));
    }
    for (const p of rows.filter((x) => x.entity === 'Post')) {
      const users = byGroup.get(S(p.item.group))!.map((m) => S(m.user));
      expect(users).toContain(S(p.item.by));
      expect(names.get(S(p.item.by))).toBe(S(p.item.by_name));
    }
  });

  it('the members count is capped by the people there are', () => {
    const m = chat(5);
    m.tables[0]!.seedEntities![0]!.seed = { count: 3 };
    const plan = planSeed(m, { seed: 1 });
    const rows = [...plan.items()].filter((r) => r.entity === 'Row');
    expect(rows).toHaveLength(plan.counts.find((c) => c.entity === 'Row')!.count);
    expect(new Set(rows.map((r) => S(r.item.group))).size * 3).toBe(rows.length);
  });
});

describe('validation of the seed vocabulary (JSON paths)', () => {
  const problems = (m: Model) => seedGraph(m.tables[0]!, '$.tables[0]').problems;

  it('finds references to missing attributes and entities, with the path of the field', () => {
    const m = parentAndChildren({ perParent: { min: 1, max: 2 } }, [
      { name: 'bad', type: 'S', generator: { kind: 'aggregate', of: 'Child', function: 'max', attribute: 'nope' } },
      { name: 'bad2', type: 'S', generator: { kind: 'after', attribute: 'missing', within: 'PT1M' } },
      { name: 'bad3', type: 'N', generator: { kind: 'aggregate', of: 'Ghost', function: 'count' } },
      { name: 'bad4', type: 'S', generator: { kind: 'after', attribute: 'id', within: '1 hour' } },
    ]);
    expect(problems(m).map((p) => [p.code, p.path])).toEqual([
      ['seed-unknown-attribute', '$.tables[0].entities[0].attributes[6].generator.attribute'],
      ['seed-unknown-attribute', '$.tables[0].entities[0].attributes[7].generator.attribute'],
      ['seed-unknown-entity', '$.tables[0].entities[0].attributes[8].generator.of'],
      ['seed-duration-invalid', '$.tables[0].entities[0].attributes[9].generator.within'],
    ]);
    expect(() => planSeed(m)).toThrow(
      expect.objectContaining({
        code: 'MODEL_INVALID',
        details: expect.objectContaining({ path: '$.tables[0].entities[0].attributes[6].generator.attribute' }),
      }),
    );
  });

  it('finds cycles: after chains, and a child copying the aggregate computed from it', () => {
    const loop = parentAndChildren({ perParent: { min: 1, max: 2 } }, [
      { name: 'a', type: 'S', generator: { kind: 'after', attribute: 'b', within: 'PT1M' } },
      { name: 'b', type: 'S', generator: { kind: 'after', attribute: 'a', within: 'PT1M' } },
    ]);
    expect(problems(loop)).toEqual([
      expect.objectContaining({
        code: 'seed-cycle',
        path: '$.tables[0].entities[0].attributes[6].generator',
        message: expect.stringContaining('a → b → a'),
      }),
    ]);
    const copy = parentAndChildren({ perParent: { min: 1, max: 2 } });
    copy.tables[0]!.entities[1]!.attributes.push({
      name: 'copy',
      type: 'S',
      generator: { kind: 'ref', entity: 'Parent', attribute: 'newest' },
    });
    expect(problems(copy)).toEqual([
      expect.objectContaining({ code: 'seed-cycle', path: '$.tables[0].entities[1].attributes[5].generator' }),
    ]);
  });

  it('refuses member generators without a members attribute or per-member rows, and aggregates over non-children', () => {
    const m = parentAndChildren({ perParent: { min: 1, max: 2 } });
    m.tables[0]!.entities[1]!.attributes.push({
      name: 'who',
      type: 'S',
      generator: { kind: 'member', of: 'id', attribute: 'id', which: 'this' },
    });
    m.tables[0]!.entities[0]!.attributes.push({
      name: 'x',
      type: 'N',
      generator: { kind: 'aggregate', of: 'Parent', function: 'count' },
    });
    expect(problems(m).map((p) => p.code)).toEqual(['seed-not-a-child', 'seed-not-members']);
  });
});
