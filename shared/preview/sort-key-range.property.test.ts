import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AttributeValue } from '../model/attribute-value.js';
import type { Model, SortOperator } from '../model/schema.js';
import { compareNumbers, compareUtf8 } from '../model/compare-values.js';
import { canonicalNumber } from './normalize-numbers.js';
import { previewPattern } from './preview-pattern.js';

/** One partition with the given sort values and one query pattern with the given sort condition. */
function model(type: 'S' | 'N', values: string[], operator: SortOperator, order: 'asc' | 'desc'): Model {
  return {
    format: 'monotable/1',
    name: 'm',
    tables: [
      {
        name: 't',
        partitionKey: { name: 'pk', type: 'S' },
        sortKey: { name: 'sk', type },
        billing: { mode: 'on-demand' },
        entities: [
          {
            name: 'E',
            keys: { pk: 'P', sk: '{v}' },
            attributes: [{ name: 'v', type }],
            sampleItems: values.map((v) => ({ pk: { S: 'P' }, sk: type === 'N' ? { N: v } : { S: v } })),
          },
        ],
        accessPatterns: [
          {
            name: 'q',
            entity: 'E',
            kind: 'query',
            order,
            parameters: [
              { name: 'a', type },
              { name: 'b', type },
            ],
            keyCondition: {
              partition: { attribute: 'pk' },
              sort: { attribute: 'sk', operator, value: '{a}', ...(operator === 'between' ? { to: '{b}' } : {}) },
            },
          },
        ],
      },
    ],
  };
}

/** The obvious answer: test every value, sort, and read the way DynamoDB returns numbers. */
function reference(
  type: 'S' | 'N',
  values: string[],
  operator: SortOperator,
  a: string,
  b: string,
  order: 'asc' | 'desc',
): string[] {
  const cmp = type === 'N' ? compareNumbers : compareUtf8;
  const unique = values.filter((v, i) => values.findIndex((w) => cmp(v, w) === 0) === i);
  const keep = unique.filter((v) => {
    const c = cmp(v, a);
    switch (operator) {
      case '=':
        return c === 0;
      case '<':
        return c < 0;
      case '<=':
        return c <= 0;
      case '>':
        return c > 0;
      case '>=':
        return c >= 0;
      case 'between':
        return c >= 0 && cmp(v, b) <= 0;
      case 'begins_with':
        return v.startsWith(a);
    }
  });
  keep.sort(cmp);
  if (order === 'desc') keep.reverse();
  return type === 'N' ? keep.map(canonicalNumber) : keep;
}

const text = (v: AttributeValue): string => ('S' in v ? v.S : 'N' in v ? v.N : '');
const numberText = fc
  .tuple(fc.integer({ min: -50, max: 50 }), fc.constantFrom('', '.0', '.5', 'e0', 'e1', '0'))
  .map(([n, suffix]) => `${n}${suffix}`);
const stringText = fc.string({
  unit: fc.constantFrom('a', 'b', 'é', '\uFFFF', '\u{1F600}', '#'),
  minLength: 1,
  maxLength: 4,
});

describe('sort-key conditions found by binary search agree with testing every item', () => {
  it('Number keys: =, <, <=, >, >=, between in both directions', () => {
    fc.assert(
      fc.property(
        fc.array(numberText, { maxLength: 30 }),
        fc.constantFrom<SortOperator>('=', '<', '<=', '>', '>=', 'between'),
        numberText,
        numberText,
        fc.constantFrom<'asc' | 'desc'>('asc', 'desc'),
        (values, operator, a, b, order) => {
          if (operator === 'between' && compareNumbers(a, b) > 0) {
            expect(() => previewPattern(model('N', values, operator, order), 'q', { a, b })).toThrow(
              expect.objectContaining({ code: 'BAD_INPUT' }),
            );
            return;
          }
          const got = previewPattern(model('N', values, operator, order), 'q', { a, b }).items.map((i) =>
            text(i['sk']!),
          );
          expect(got).toEqual(reference('N', values, operator, a, b, order));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('String keys by UTF-8 order, including begins_with', () => {
    fc.assert(
      fc.property(
        fc.array(stringText, { maxLength: 30 }),
        fc.constantFrom<SortOperator>('=', '<', '<=', '>', '>=', 'between', 'begins_with'),
        stringText,
        stringText,
        fc.constantFrom<'asc' | 'desc'>('asc', 'desc'),
        (values, operator, a, b, order) => {
          if (operator === 'between' && compareUtf8(a, b) > 0) {
            expect(() => previewPattern(model('S', values, operator, order), 'q', { a, b })).toThrow(
              expect.objectContaining({ code: 'BAD_INPUT' }),
            );
            return;
          }
          const got = previewPattern(model('S', values, operator, order), 'q', { a, b }).items.map((i) =>
            text(i['sk']!),
          );
          expect(got).toEqual(reference('S', values, operator, a, b, order));
        },
      ),
      { numRuns: 500 },
    );
  });
});
