import { describe, expect, it } from 'vitest';
import { TEMPLATES } from '../templates/index.js';
import { planSeed } from './plan-seed.js';

describe('every built-in template seeds cleanly', () => {
  for (const template of TEMPLATES) {
    for (const table of template.model.tables) {
      it(`${template.name} / ${table.name}: planned items, no problems, every entity present`, () => {
        const plan = planSeed(template.model, { table: table.name, seed: 2 });
        const items = [...plan.items()];
        expect(items).toHaveLength(plan.planned);
        expect(items.filter((p) => p.problem).map((p) => p.problem)).toEqual([]);
        for (const { entity, count } of plan.counts)
          expect(items.filter((p) => p.entity === entity)).toHaveLength(count);
        expect(plan.planned).toBeGreaterThan(0);
      });
    }
  }
});
