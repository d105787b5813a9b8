// Builds a synthetic single-table model: ENTITIES entities, PATTERNS_PER_ENTITY patterns each and
// ITEMS_PER_ENTITY sample items each, on one table with two GSIs. Used by the model-pipeline benchmark.
export function largeModel({ entities = 200, patternsPerEntity = 5, itemsPerEntity = 50 } = {}) {
  const table = {
    name: 'bench-table',
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
    entities: [],
    accessPatterns: [],
  };
  for (let e = 0; e < entities; e++) {
    const name = `Entity${e}`;
    const items = [];
    for (let i = 0; i < itemsPerEntity; i++) {
      const id = `id${i % 10}`;
      const created = `2026-01-${String((i % 28) + 1).padStart(2, '0')}T00:00:${String(i % 60).padStart(2, '0')}Z`;
      items.push({
        pk: { S: `E${e}#${id}` },
        sk: { S: `ITEM#${created}#${i}` },
        gsi1pk: { S: `OWNER#${i % 7}` },
        gsi1sk: { S: `E${e}#${created}` },
        kind: { S: name },
        score: { N: String((i * 7919) % 1000) },
        id: { S: id },
        created: { S: created },
        seq: { N: String(i) },
        owner: { S: String(i % 7) },
        title: { S: `Title ${i} of ${name}` },
      });
    }
    table.entities.push({
      name,
      keys: {
        pk: `E${e}#{id}`,
        sk: 'ITEM#{created}#{seq}',
        gsi1pk: 'OWNER#{owner}',
        gsi1sk: `E${e}#{created}`,
        kind: '{kind}',
        score: '{score}',
      },
      attributes: [
        { name: 'id', type: 'S', generator: { kind: 'faker', method: 'string.uuid' } },
        { name: 'created', type: 'S', generator: { kind: 'date-range', from: '2026-01-01', to: '2026-12-31' } },
        { name: 'seq', type: 'N', generator: { kind: 'sequence' } },
        { name: 'owner', type: 'S' },
        { name: 'kind', type: 'S', generator: { kind: 'constant', value: name } },
        { name: 'score', type: 'N' },
        { name: 'title', type: 'S', generator: { kind: 'faker', method: 'lorem.sentence' } },
      ],
      sampleItems: items,
    });
    const kinds = [
      { name: `get-${e}`, kind: 'get', parameters: [{ name: 'id' }, { name: 'created' }, { name: 'seq', type: 'N' }] },
      {
        name: `list-${e}`,
        kind: 'query',
        parameters: [{ name: 'id' }],
        keyCondition: { partition: { attribute: 'pk' } },
        order: 'desc',
        limit: 20,
      },
      {
        name: `recent-${e}`,
        kind: 'query',
        parameters: [{ name: 'id' }],
        keyCondition: { partition: { attribute: 'pk' }, sort: { attribute: 'sk', operator: 'begins_with' } },
        limit: 10,
      },
      {
        name: `by-owner-${e}`,
        kind: 'query',
        parameters: [{ name: 'owner' }],
        keyCondition: { partition: { attribute: 'gsi1pk' }, sort: { attribute: 'gsi1sk', operator: 'begins_with' } },
      },
      {
        name: `top-${e}`,
        kind: 'query',
        parameters: [{ name: 'kind' }],
        keyCondition: { partition: { attribute: 'kind' } },
        order: 'desc',
        limit: 5,
      },
    ];
    for (const p of kinds.slice(0, patternsPerEntity)) table.accessPatterns.push({ entity: name, ...p });
  }
  return { format: 'monotable/1', name: 'bench', tables: [table] };
}
