import { describe, expect, it } from 'vitest';
import { isBareParameter, parseTemplate } from '../keys/template.js';
import type { Model, Table } from '../model/schema.js';
import { templatesMayOverlap } from './key-collisions.js';
import { validate } from './validate.js';

/** A table of entities with the given partition and sort templates and no sample items. */
function tableOf(keys: readonly [pk: string, sk: string][]): Model {
  const table: Table = {
    name: 't',
    partitionKey: { name: 'pk', type: 'S' },
    sortKey: { name: 'sk', type: 'S' },
    billing: { mode: 'on-demand' },
    entities: keys.map(([pk, sk], e) => ({
      name: `E${e}`,
      keys: { pk, sk },
      attributes: ['a', 'b', 'c'].map((name) => ({ name, type: 'S' as const })),
    })),
    accessPatterns: [],
  };
  return { format: 'monotable/1', name: 'collisions', tables: [table] };
}

/** The collision findings as a quadratic comparison of every pair would give them. */
function everyPair(keys: readonly [string, string][]): string[] {
  // entities whose keys are all bare parameters are free-form (one info for the table, not compared)
  const shapes = keys
    .map((pair, e) => ({ e, templates: pair.map((source) => parseTemplate(source)) }))
    .filter((shape) => !shape.templates.every(isBareParameter));
  const out: string[] = [];
  shapes.forEach((b, j) => {
    const colliding = shapes
      .slice(0, j)
      .filter(
        (a) =>
          templatesMayOverlap(a.templates[0]!, b.templates[0]!) &&
          templatesMayOverlap(a.templates[1]!, b.templates[1]!),
      )
      .map((a) => `"E${a.e}"`);
    if (colliding.length) out.push(`E${b.e}: ${colliding.slice(0, 5).join(', ')}`);
  });
  return out;
}

function found(model: Model): string[] {
  return validate(model)
    .filter((d) => d.code === 'entity-key-collision')
    .map((d) => {
      const [, entity, names] = /^Entity "(\w+)".* as (.*?)(?: and \d+ more)?, so one item/.exec(d.message)!;
      return `${entity}: ${names}`;
    });
}

describe('entity key collisions', () => {
  it('finds the same pairs as comparing every pair, with prefixes that start one another, constants and bare keys', () => {
    const pks = ['E1#{a}', 'E12#{a}', 'E1', 'E1#', '{a}', 'E{a}', 'X#{a}', 'E1#{b}#Z', 'E12#{a}', 'E', 'E1#X{a}'];
    const sks = ['{b}', 'S#{b}', 'S#', '{c}#T'];
    let seed = 7;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let round = 0; round < 20; round++) {
      const keys = Array.from({ length: 3 + random(30) }, (): [string, string] => [
        pks[random(pks.length)]!,
        sks[random(sks.length)]!,
      ]);
      expect(found(tableOf(keys))).toEqual(everyPair(keys));
    }
  });

  it('compares 200 entities with distinct prefixes without reporting any, and reports one shared prefix', () => {
    const keys = Array.from({ length: 200 }, (_, e): [string, string] => [`E${e}#{a}`, 'ITEM#{b}']);
    expect(found(tableOf(keys))).toEqual([]);
    keys[150] = ['E12#{a}', 'ITEM#{c}'];
    expect(found(tableOf(keys))).toEqual(['E150: "E12"']);
  });
});
