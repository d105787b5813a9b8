import { describe, expect, it } from 'vitest';
import type { Item } from '../model/attribute-value.js';
import type { Entity, Model, Table } from '../model/schema.js';
import { resolveAll } from '../patterns/resolve.js';
import { indexItems, previewPattern } from '../preview/index.js';
import { validate } from './validate.js';

/**
 * validate, resolveAll and the preview cache per-entity and per-pattern work by object identity, for the
 * keystroke case: an immutable edit keeps every object it does not change. After each edit, the results on
 * the edited model (caches warm from the model before) must equal those on a deep copy (no cache can hit).
 */
function model(entities = 6, items = 8): Model {
  const list: Entity[] = [];
  const accessPatterns: Table['accessPatterns'] = [];
  for (let e = 0; e < entities; e++) {
    const name = `Thing${e}`;
    const sampleItems: Item[] = [];
    for (let i = 0; i < items; i++) {
      const id = `id${i % 3}`;
      const created = `2026-01-0${(i % 9) + 1}`;
      sampleItems.push({
        pk: { S: `T${e}#${id}` },
        sk: { S: `AT#${created}#${i}` },
        gsi1pk: { S: `OWNER#${i % 2}` },
        gsi1sk: { S: `T${e}#${created}` },
        kind: { S: name },
        score: { N: String((i * 37) % 11) },
        id: { S: id },
        created: { S: created },
        seq: { N: String(i) },
        owner: { S: String(i % 2) },
        title: { S: `t${i}` },
      });
    }
    list.push({
      name,
      keys: {
        pk: `T${e}#{id}`,
        sk: 'AT#{created}#{seq}',
        gsi1pk: 'OWNER#{owner}',
        gsi1sk: `T${e}#{created}`,
        kind: '{kind}',
        score: '{score}',
      },
      attributes: [
        { name: 'id', type: 'S' },
        { name: 'created', type: 'S' },
        { name: 'seq', type: 'N' },
        { name: 'owner', type: 'S' },
        { name: 'kind', type: 'S' },
        { name: 'score', type: 'N' },
        { name: 'title', type: 'S' },
      ],
      sampleItems,
    });
    accessPatterns.push(
      {
        name: `get-${e}`,
        entity: name,
        kind: 'get',
        parameters: [{ name: 'id' }, { name: 'created' }, { name: 'seq', type: 'N' }],
      },
      {
        name: `list-${e}`,
        entity: name,
        kind: 'query',
        parameters: [{ name: 'id' }],
        keyCondition: { partition: { attribute: 'pk' } },
        order: 'desc',
        limit: 4,
      },
      {
        name: `by-owner-${e}`,
        entity: name,
        kind: 'query',
        parameters: [{ name: 'owner' }],
        keyCondition: { partition: { attribute: 'gsi1pk' }, sort: { attribute: 'gsi1sk', operator: 'begins_with' } },
      },
      {
        name: `top-${e}`,
        entity: name,
        kind: 'query',
        parameters: [{ name: 'kind' }],
        keyCondition: { partition: { attribute: 'kind' } },
        order: 'desc',
        limit: 3,
      },
      { name: `all-${e}`, entity: name, kind: 'scan', parameters: [], projection: ['title'] },
    );
  }
  const table: Table = {
    name: 'things',
    partitionKey: { name: 'pk', type: 'S' },
    sortKey: { name: 'sk', type: 'S' },
    billing: { mode: 'on-demand' },
    globalSecondaryIndexes: [
      {
        name: 'gsi1',
        partitionKey: { name: 'gsi1pk', type: 'S' },
        sortKey: { name: 'gsi1sk', type: 'S' },
        projection: { type: 'ALL' },
      },
      {
        name: 'by-score',
        partitionKey: { name: 'kind', type: 'S' },
        sortKey: { name: 'score', type: 'N' },
        projection: { type: 'KEYS_ONLY' },
      },
    ],
    entities: list,
    accessPatterns,
  } as Table;
  return { format: 'monotable/1', name: 'things', tables: [table] } as Model;
}

/** Everything the UI shows for a model: diagnostics, resolved patterns, index contents, a preview per pattern. */
function everything(m: Model): unknown {
  const table = m.tables[0]!;
  const indexes = [
    undefined,
    ...(table.globalSecondaryIndexes ?? []).map((g) => g.name),
    ...(table.localSecondaryIndexes ?? []).map((l) => l.name),
  ];
  const previews = table.accessPatterns.map((p) => {
    const item = table.entities.find((e) => e.name === p.entity)?.sampleItems?.[1] ?? {};
    const params = Object.fromEntries(
      p.parameters.map((x) => {
        const value = item[x.name] as { S?: string; N?: string } | undefined;
        return [x.name, value?.S ?? value?.N ?? 'none'];
      }),
    );
    try {
      return previewPattern(m, p.name, params);
    } catch (error) {
      return String(error);
    }
  });
  // JSON round trip: equal content, whether or not objects are shared with the model.
  return JSON.parse(
    JSON.stringify({
      diagnostics: validate(m),
      patterns: resolveAll(m),
      views: indexes.map((i) => indexItems(m, table.name, i)),
      previews,
    }),
  );
}

const onTable = (m: Model, edit: (t: Table) => Table): Model => ({ ...m, tables: [edit(m.tables[0]!)] });
const onEntity = (m: Model, k: number, edit: (e: Entity) => Entity): Model =>
  onTable(m, (t) => ({ ...t, entities: t.entities.map((e, i) => (i === k ? edit(e) : e)) }));
const onItem = (m: Model, k: number, n: number, edit: (item: Item) => Item): Model =>
  onEntity(m, k, (e) => ({ ...e, sampleItems: e.sampleItems!.map((item, i) => (i === n ? edit(item) : item)) }));

const EDITS: [string, (m: Model) => Model][] = [
  ['an entity description', (m) => onEntity(m, 1, (e) => ({ ...e, description: 'edited' }))],
  ['an entity key template', (m) => onEntity(m, 2, (e) => ({ ...e, keys: { ...e.keys, pk: 'X#{id}' } }))],
  ['a GSI key template', (m) => onEntity(m, 3, (e) => ({ ...e, keys: { ...e.keys, gsi1sk: '{created}' } }))],
  [
    'a sample item key',
    (m) => onItem(m, 4, 2, (item) => ({ ...item, gsi1sk: { S: 'T0#2026-01-01' }, sk: { S: 'AT#bad' } })),
  ],
  ['a sample number', (m) => onItem(m, 0, 3, (item) => ({ ...item, score: { N: '1.50' }, seq: { N: '3e0' } }))],
  [
    'a sample item duplicated from another entity',
    (m) =>
      onEntity(m, 5, (e) => ({
        ...e,
        sampleItems: [...e.sampleItems!, { ...m.tables[0]!.entities[0]!.sampleItems![0]!, title: { S: 'copy' } }],
      })),
  ],
  [
    'an index projection',
    (m) =>
      onTable(m, (t) => ({
        ...t,
        globalSecondaryIndexes: t.globalSecondaryIndexes!.map((g, i) =>
          i === 0 ? { ...g, projection: { type: 'INCLUDE', nonKeyAttributes: ['title'] } } : g,
        ),
      })),
  ],
  [
    'an index sort key',
    (m) =>
      onTable(m, (t) => ({
        ...t,
        globalSecondaryIndexes: t.globalSecondaryIndexes!.map((g, i) =>
          i === 1 ? { ...g, sortKey: { name: 'seq', type: 'N' } } : g,
        ),
      })),
  ],
  [
    'an index sort key type',
    (m) =>
      onTable(m, (t) => ({
        ...t,
        globalSecondaryIndexes: t.globalSecondaryIndexes!.map((g, i) =>
          i === 1 ? { ...g, sortKey: { name: 'score', type: 'S' } } : g,
        ),
      })),
  ],
  [
    'a pattern',
    (m) =>
      onTable(m, (t) => ({
        ...t,
        accessPatterns: t.accessPatterns.map((p) =>
          p.name === 'list-1'
            ? { ...p, limit: 2, order: 'asc' as const }
            : p.name === 'top-2'
              ? { ...p, index: 'gsi1' }
              : p,
        ),
      })),
  ],
  [
    'a key template colliding with another entity',
    (m) => onEntity(m, 3, (e) => ({ ...e, keys: { ...e.keys, pk: 'X#{id}' } })),
  ],
  ['a second entity colliding', (m) => onEntity(m, 4, (e) => ({ ...e, keys: { ...e.keys, pk: 'X#{id}' } }))],
  ['a collision undone', (m) => onEntity(m, 4, (e) => ({ ...e, keys: { ...e.keys, pk: 'T4#{id}' } }))],
  [
    'an attribute named like another but for case',
    (m) =>
      onEntity(m, 0, (e) => ({
        ...e,
        attributes: [...e.attributes, { name: 'Title', type: 'S' as const }, { name: 'title', type: 'S' as const }],
      })),
  ],
  [
    'the order of entities',
    (m) => onTable(m, (t) => ({ ...t, entities: [t.entities[1]!, t.entities[0]!, ...t.entities.slice(2)] })),
  ],
  ['an entity name', (m) => onEntity(m, 3, (e) => ({ ...e, name: 'Renamed' }))],
  // Thing0 (now second) owns the item Thing5 repeats: the duplicate-key warning names it, and keeps its key arrays
  ['the name of an entity a duplicate-key warning names', (m) => onEntity(m, 1, (e) => ({ ...e, name: 'Original' }))],
  [
    'a key template of an entity with a repeated key',
    (m) => onEntity(m, 5, (e) => ({ ...e, keys: { ...e.keys, sk: 'AT#{created}' } })),
  ],
  ['an entity removed', (m) => onTable(m, (t) => ({ ...t, entities: t.entities.filter((_, i) => i !== 4) }))],
  [
    'an attribute generator',
    (m) =>
      onEntity(m, 2, (e) => ({
        ...e,
        attributes: e.attributes.map((a) =>
          a.name === 'owner' ? { ...a, generator: { kind: 'one-of' as const, values: ['1', '2'] } } : a,
        ),
      })),
  ],
  [
    'a ref generator to an entity of no table',
    (m) =>
      onEntity(m, 2, (e) => ({
        ...e,
        attributes: [
          ...e.attributes,
          {
            name: 'parent_id',
            type: 'S' as const,
            generator: { kind: 'ref' as const, entity: 'Nope', attribute: 'id' },
          },
        ],
      })),
  ],
  [
    'a key template of the entity with the broken ref',
    (m) => onEntity(m, 2, (e) => ({ ...e, keys: { ...e.keys, sk: '{seq}' } })),
  ],
  [
    'the table name and sort key',
    (m) => onTable(m, (t) => ({ ...t, name: 'things2', sortKey: { name: 'sk', type: 'S' } })),
  ],
  [
    'a pattern named like another',
    (m) =>
      onTable(m, (t) => ({
        ...t,
        accessPatterns: t.accessPatterns.map((p) => (p.name === 'list-1' ? { ...p, name: 'get-0' } : p)),
      })),
  ],
  [
    'an entity named like another but for case',
    (m) => onEntity(m, 2, (e) => ({ ...e, name: m.tables[0]!.entities[0]!.name.toLowerCase() })),
  ],
];

describe('caches keyed by object identity', () => {
  it('give after each immutable edit what a deep copy of the edited model gives', () => {
    let current = model();
    expect(everything(current)).toEqual(everything(structuredClone(current)));
    for (const [what, edit] of EDITS) {
      current = edit(current);
      const warm = everything(current);
      expect(warm, `after editing ${what}`).toEqual(everything(structuredClone(current)));
      expect(everything(current), `again after editing ${what}`).toEqual(warm);
    }
    // the edits reached the cached checks: these findings come from them
    expect([...new Set(validate(current).map((d) => d.code))]).toEqual(
      expect.arrayContaining([
        'sample-key-mismatch',
        'sample-key-type',
        'sample-duplicate-key',
        'entity-key-collision',
        'attribute-name-duplicate',
        'name-case-collision',
        'hot-partition',
        'ref-unknown-entity',
        'pattern-name-duplicate',
      ]),
    );
  });

  it('an edit changes the results where it should (the caches do not hide it)', () => {
    const before = model();
    everything(before);
    const after = onItem(before, 1, 0, (item) => ({ ...item, pk: { S: 'WRONG' } }));
    const codes = (m: Model): string[] =>
      validate(m)
        .filter((d) => d.path.startsWith('$.tables[0].entities[1].sampleItems[0]'))
        .map((d) => d.code);
    expect(codes(before)).toEqual([]);
    expect(codes(after)).toContain('sample-key-mismatch');
    const partitions = (m: Model): string[] => indexItems(m, 'things', undefined).map((p) => p.partition);
    expect(partitions(after)).toContain('WRONG');
    expect(partitions(before)).not.toContain('WRONG');
  });
});
