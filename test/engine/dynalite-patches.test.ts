import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { describe, expect, test } from 'vitest';
import { DYNALITE_PATCHES } from '../../electron/backend/engine/front/dynalite-patches.js';
import { patchedSource } from '../../electron/backend/engine/front/load-dynalite.js';

const require = createRequire(import.meta.url);

interface Parser {
  parse(input: string, options: { context: Record<string, unknown> }): unknown;
}

/** Compiles a parser source as its own module (the original and the patched one side by side). */
function compile(source: string, filename: string): Parser {
  const module = new Module(`${filename}?${Math.random()}`) as Module & { _compile(s: string, f: string): void };
  module.filename = filename;
  module.paths = (Module as unknown as { _nodeModulePaths(d: string): string[] })._nodeModulePaths(dirname(filename));
  module._compile(source, filename);
  return module.exports as Parser;
}

describe('recorded dynalite patches', () => {
  test('each one still applies to the installed dynalite and says why', () => {
    expect(DYNALITE_PATCHES.length).toBeGreaterThanOrEqual(7);
    for (const patch of DYNALITE_PATCHES) {
      expect(patch.why.length, patch.name).toBeGreaterThan(40);
      const original = readFileSync(require.resolve(`dynalite/${patch.file}`), 'utf8');
      expect(original, patch.name).toContain(patch.find);
    }
    for (const file of new Set(DYNALITE_PATCHES.map((p) => p.file))) {
      const { source } = patchedSource(file);
      expect(source).not.toBe(readFileSync(require.resolve(`dynalite/${file}`), 'utf8'));
    }
  });

  const atom = fc.constantFrom(
    'a = :v',
    '#n < :w',
    'size(a) > :w',
    'attribute_exists(a.b[1])',
    'begins_with(a, :v)',
    'a BETWEEN :v AND :v',
    'a IN (:v, b, :w)',
    'contains(#n, :v)',
    'status = :v',
    'a = :nope',
    'a = = :v',
    '',
    'size(:v) = :w',
  );
  const condition: fc.Arbitrary<string> = fc.letrec<{ c: string }>((tie) => ({
    c: fc.oneof(
      { depthSize: 'small' },
      atom,
      tie('c').map((c) => `(${c})`),
      tie('c').map((c) => `NOT ${c}`),
      fc.tuple(tie('c'), fc.constantFrom(' AND ', ' OR ', ' '), tie('c')).map(([x, op, y]) => x + op + y),
    ),
  })).c;
  const update = fc
    .array(
      fc.constantFrom(
        'SET a = :v',
        'SET a = b + :w',
        'SET a = list_append(a, :l)',
        'REMOVE a, b[2]',
        'ADD c :w',
        'DELETE s :v',
        'SET a = if_not_exists(a, :v)',
        'SET #n.x = :v',
        'SET',
        'a = :v',
      ),
      { minLength: 1, maxLength: 3 },
    )
    .map((parts) => parts.join(' '));
  const projection = fc
    .array(fc.constantFrom('a', 'b.c', 'l[0]', '#n', 'status', 'a..b', '[0]'), { minLength: 1, maxLength: 4 })
    .map((p) => p.join(', '));

  test.each([
    ['ConditionExpression', 'db/conditionParser.js', condition],
    ['UpdateExpression', 'db/updateParser.js', update],
    ['ProjectionExpression', 'db/projectionParser.js', projection],
  ] as const)(
    'the memoized %s parser gives what the original gives (results and error messages)',
    (_expression, file, arbitrary) => {
      const filename = require.resolve(`dynalite/${file}`);
      const original = compile(readFileSync(filename, 'utf8'), filename);
      const memoized = compile(patchedSource(file).source, filename);
      const run = (parser: Parser, text: string) => {
        const context = {
          attrNames: { '#n': 'name' },
          attrVals: { ':v': { S: 'x' }, ':w': { N: '1' }, ':l': { L: [] } },
          unusedAttrNames: {},
          unusedAttrVals: {},
          isReserved: (name: string) => name.toUpperCase() === 'STATUS',
          compare: () => false,
        };
        try {
          return JSON.stringify(parser.parse(text, { context }));
        } catch (error) {
          return `error: ${(error as Error).message}`;
        }
      };
      fc.assert(
        fc.property(arbitrary, (text) => {
          expect(run(memoized, text), text).toBe(run(original, text));
        }),
        { numRuns: 400, seed: 3 },
      );
    },
  );
});
