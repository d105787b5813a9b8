// Pure parts of the design screens on the large model (200 entities, 1,000 patterns, 10,000 sample items), with a
// tree of `ref` generators so the diagram goes through dagre. Run: npx vitest bench --run bench/ui-views.bench.ts
import { bench, describe } from 'vitest';
import type { Model } from '../shared/model/schema.js';
import { resolvePattern } from '../shared/patterns/resolve.js';
import { layoutDiagram } from '../renderer/src/features/diagram/diagram-layout.js';
import { itemsView } from '../renderer/src/features/items/item-view.js';
import { renderedModel } from '../renderer/src/features/items/rendered-keys.js';
import { costView, operationView, patternCode, runPreview } from '../renderer/src/features/patterns/pattern-view.js';
// @ts-expect-error plain JavaScript module without types
import { largeModel } from './large-model.mjs';

/** The large model with each entity (after the first) referencing a parent: a tree of 200 for the layout. */
function withRefs(model: Model): Model {
  const table = model.tables[0]!;
  return {
    ...model,
    tables: [
      {
        ...table,
        entities: table.entities.map((entity, e) =>
          e === 0
            ? entity
            : {
                ...entity,
                attributes: [
                  ...entity.attributes,
                  {
                    name: 'parent_id',
                    type: 'S' as const,
                    generator: { kind: 'ref' as const, entity: `Entity${Math.floor((e - 1) / 4)}`, attribute: 'id' },
                  },
                ],
              },
        ),
      },
    ],
  };
}

const fresh = (): Model => withRefs(largeModel({ entities: 200, patternsPerEntity: 5, itemsPerEntity: 50 }) as Model);

describe('design screens on 200 entities / 1,000 patterns / 10,000 items', () => {
  bench('building the model only (subtract from the cold figures below)', () => {
    fresh();
  });
  bench('diagram layout (dagre over a 200-entity ref tree)', () => {
    layoutDiagram(fresh());
  });
  bench('rendered keys, cold (every sample item checked against its templates)', () => {
    renderedModel(fresh());
  });
  bench('items view of the table, cold (10,000 rows)', () => {
    const model = fresh();
    itemsView(renderedModel(model).model, 0, undefined);
  });
  bench('items view of a GSI, cold', () => {
    const model = fresh();
    itemsView(renderedModel(model).model, 0, 'gsi1');
  });
  const warm = fresh();
  renderedModel(warm);
  bench('one pattern: operation, preview, cost (warm model)', () => {
    const resolved = resolvePattern(warm, 'by-owner-7');
    operationView(resolved, warm.tables[0]!);
    runPreview(warm, 'by-owner-7', { owner: '3' });
    costView(warm, resolved);
  });
  bench('one pattern: TypeScript and Python code', () => {
    const resolved = resolvePattern(warm, 'by-owner-7');
    patternCode(warm, resolved, 'typescript');
    patternCode(warm, resolved, 'python');
  });
});
