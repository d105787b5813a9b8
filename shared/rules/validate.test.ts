import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AttributeValue, Item } from '../model/attribute-value.js';
import { ModelSchema } from '../model/schema.js';
import { TEMPLATES } from '../templates/index.js';
import { hasErrors } from '../model/diagnostic.js';
import { isReservedWord, RESERVED_WORDS } from './reserved-words.js';
import { cruddurModel } from '../../test/support/cruddur-model.js';
import { validateMutated } from '../../test/support/expect-diagnostic.js';
import { validate } from './validate.js';

describe('validate', () => {
  it('the Cruddur model with production settings gives no diagnostics at all', () => {
    const model = cruddurModel({ production: true });
    expect(ModelSchema.parse(model)).toEqual(model);
    expect(validate(model)).toEqual([]);
  });

  it.each(TEMPLATES.map((t) => [t.name, t] as const))('the built-in template %s has no errors', (_name, template) => {
    const errors = validate(template.model).filter((d) => d.severity === 'error');
    expect(errors).toEqual([]);
  });

  it('includes the access-pattern findings of patternDiagnostics', () => {
    const diagnostics = validateMutated((m) => {
      m.tables[0]!.accessPatterns[1]!.keyCondition = { partition: { attribute: 'message_uuid' } };
    });
    expect(
      diagnostics.some((d) => d.code.startsWith('pattern-') && d.path.startsWith('$.tables[0].accessPatterns[1]')),
    ).toBe(true);
  });

  it('never throws on arbitrary sample items, and every finding has a code, a $ path, a message and a hint', () => {
    const text = fc.string({ unit: fc.constantFrom('a', '#', '1', '.', 'e', '-', 'é', '😀', ''), maxLength: 6 });
    const { value } = fc.letrec<{ value: AttributeValue }>((tie) => ({
      value: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        text.map((S) => ({ S })),
        text.map((N) => ({ N })),
        text.map((B) => ({ B })),
        fc.boolean().map((BOOL) => ({ BOOL })),
        fc.constant({ NULL: true as const }),
        fc.array(text, { maxLength: 3 }).map((SS) => ({ SS })),
        fc.array(text, { maxLength: 3 }).map((NS) => ({ NS })),
        fc.array(tie('value'), { maxLength: 3 }).map((L) => ({ L })),
        fc.dictionary(text, tie('value'), { maxKeys: 3 }).map((M) => ({ M })),
      ),
    }));
    const names = fc.constantFrom('pk', 'sk', 'message_group_uuid', 'user_uuid', 'likes', 'created_at', 'other', '');
    const item = fc.dictionary(names, value, { maxKeys: 6 }) as fc.Arbitrary<Item>;
    fc.assert(
      fc.property(fc.array(item, { maxLength: 4 }), fc.nat({ max: 1 }), (items, entity) => {
        const diagnostics = validateMutated((m) => {
          m.tables[0]!.entities[entity]!.sampleItems = items;
        });
        expect(diagnostics.filter((d) => d.code === 'validator-failed')).toEqual([]);
        for (const d of diagnostics) {
          expect(d.path).toMatch(/^\$/);
          expect(d.message.length).toBeGreaterThan(0);
          expect(d.hint?.length).toBeGreaterThan(0);
        }
        if (items.length === 0) expect(hasErrors(diagnostics)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('turns a rule that throws into a validator-failed error and still runs the others', () => {
    const model = cruddurModel({ production: true });
    Object.defineProperty(model.tables[0]!, 'entities', {
      get: () => {
        throw new Error('boom');
      },
    });
    const diagnostics = validate(model);
    expect(diagnostics.some((d) => d.code === 'validator-failed' && /boom/.test(d.message))).toBe(true);
    expect(diagnostics.some((d) => d.code === 'validator-failed' && /checkSampleItems/.test(d.message))).toBe(true);
  });

  it('treats names of Object.prototype properties (toString, constructor) as ordinary names', () => {
    const diagnostics = validateMutated((m) => {
      const t = m.tables[0]!;
      t.globalSecondaryIndexes![0]!.partitionKey.name = 'toString';
      t.entities[0]!.keys = { pk: t.entities[0]!.keys.pk!, sk: t.entities[0]!.keys.sk! };
      t.entities[1]!.keys = {
        pk: t.entities[1]!.keys.pk!,
        sk: t.entities[1]!.keys.sk!,
        toString: '{message_group_uuid}',
      };
      t.entities[1]!.attributes.push({ name: 'valueOf', type: 'S', required: true });
      t.accessPatterns = [];
    });
    expect(diagnostics.filter((d) => d.code === 'validator-failed')).toEqual([]);
    // Only the three sample messages without the new required attribute "valueOf".
    expect(diagnostics.map((d) => d.code)).toEqual(Array(3).fill('sample-required-missing'));
  });

  it('does not recurse into deeply nested generator values', () => {
    let nested: unknown = 'x';
    for (let i = 0; i < 20_000; i++) nested = [nested];
    const diagnostics = validateMutated((m) => {
      const group = m.tables[0]!.entities[0]!;
      group.attributes[1]!.generator = { kind: 'one-of', values: [nested, 'b'] };
      group.attributes[0]!.generator = { kind: 'constant', value: nested };
    });
    expect(diagnostics.map((d) => d.code)).toContain('hot-partition');
  });

  it('never throws on arbitrary key templates and type changes', () => {
    const template = fc.string({
      unit: fc.constantFrom('{', '}', '#', 'A', 'user_uuid', 'created_at', 'likes', 'x'),
      maxLength: 8,
    });
    const keyType = fc.constantFrom('S' as const, 'N' as const, 'B' as const);
    fc.assert(
      fc.property(template, template, template, keyType, keyType, (pk, sk, gsiPk, skType, gsiType) => {
        const diagnostics = validateMutated((m) => {
          const t = m.tables[0]!;
          t.entities[0]!.keys = { pk, sk, message_group_uuid: gsiPk };
          t.entities[1]!.keys.sk = sk;
          t.sortKey = { name: 'sk', type: skType };
          t.globalSecondaryIndexes![0]!.partitionKey.type = gsiType;
        });
        expect(diagnostics.filter((d) => d.code === 'validator-failed')).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});

describe('reserved words', () => {
  it('holds the 573 words of the DynamoDB list, exactly those of dynalite', () => {
    const require = createRequire(import.meta.url);
    const source: string = require('node:fs').readFileSync(require.resolve('dynalite/validations/index.js'), 'utf8');
    const block = source.slice(
      source.indexOf('var RESERVED_WORDS = {'),
      source.indexOf('}', source.indexOf('var RESERVED_WORDS = {')),
    );
    const dynalite = [...block.matchAll(/^\s+([A-Z_]+): true/gm)].map((m) => m[1]);
    expect(RESERVED_WORDS.size).toBe(573);
    expect([...RESERVED_WORDS].sort()).toEqual(dynalite.sort());
  });

  it('compares case-insensitively', () => {
    for (const word of ['status', 'Name', 'DATA', 'ttl', 'timestamp', 'user']) expect(isReservedWord(word)).toBe(true);
    for (const word of ['pk', 'sk', 'message_group_uuid', 'created_at']) expect(isReservedWord(word)).toBe(false);
  });
});
