import { describe, expect, it } from 'vitest';
import type { Item } from '../model/attribute-value.js';
import { TEMPLATES } from '../templates/index.js';
import { TEMPLATE_INVARIANTS } from '../templates/testing/template-invariants.js';
import { planSeed } from './plan-seed.js';

const rows = (name: string, seed: number): Item[] => {
  const template = TEMPLATES.find((t) => t.name === name)!;
  return [...planSeed(template.model, { seed }).items()].map((p) => p.item);
};

describe('every built-in template seeds data that keeps its domain invariants', () => {
  for (const template of TEMPLATES) {
    it(`${template.name}: no invariant broken, for several seeds`, () => {
      const check = TEMPLATE_INVARIANTS[template.name]!;
      for (const seed of [1, 42, 7777]) expect(check(rows(template.name, seed))).toEqual([]);
    });
  }
});
