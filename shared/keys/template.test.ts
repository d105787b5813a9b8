import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MonotableError } from '../errors/monotable-error.js';
import { matchTemplateByRegex } from './match-template.js';
import {
  delimiterAfter,
  isBareParameter,
  isConstant,
  literalPrefix,
  matchTemplate,
  parseTemplate,
  renderTemplate,
  templateAmbiguity,
  valueBreaksMatch,
  type KeyTemplate,
} from './template.js';

function templateError(source: string): MonotableError {
  try {
    parseTemplate(source);
  } catch (error) {
    if (error instanceof MonotableError) return error;
    throw error;
  }
  throw new Error(`expected "${source}" to be rejected`);
}

describe('parseTemplate', () => {
  it('splits literals and parameters, each parameter listed once', () => {
    const t = parseTemplate('ORDER#{order_id}#ITEM#{line}#{order_id}');
    expect(t.segments).toEqual([
      { kind: 'literal', text: 'ORDER#' },
      { kind: 'param', name: 'order_id' },
      { kind: 'literal', text: '#ITEM#' },
      { kind: 'param', name: 'line' },
      { kind: 'literal', text: '#' },
      { kind: 'param', name: 'order_id' },
    ]);
    expect(t.params).toEqual(['order_id', 'line']);
  });

  it('accepts attribute names with # . - as parameters (State#Date in AWS samples)', () => {
    const t = parseTemplate('{State#Date}#{device.id}');
    expect(t.params).toEqual(['State#Date', 'device.id']);
    expect(matchTemplate(t, 'ON#2026-01-01#d1')).toEqual({ 'State#Date': 'ON', 'device.id': '2026-01-01#d1' });
  });

  it('reads {{ and }} as literal braces', () => {
    const t = parseTemplate('{{x}}#{id}');
    expect(t.segments).toEqual([
      { kind: 'literal', text: '{x}#' },
      { kind: 'param', name: 'id' },
    ]);
    expect(renderTemplate(t, { id: '7' })).toBe('{x}#7');
  });

  it.each([
    ['USER#{id', 1 + 'USER#'.length, 'no closing'],
    ['USER#id}', 1 + 'USER#id'.length, 'no opening'],
    ['A#{a{b}}', 1 + 'A#{a'.length, 'nested'],
    ['A#{}', 1 + 'A#'.length, 'not a parameter name'],
    ['A#{1abc}', 1 + 'A#'.length, 'not a parameter name'],
    ['A#{a b}', 1 + 'A#'.length, 'not a parameter name'],
  ])('rejects %s with TEMPLATE_ERROR at character %i', (source, character, problem) => {
    const error = templateError(source);
    expect(error.code).toBe('TEMPLATE_ERROR');
    expect(error.message).toContain(problem);
    expect(error.message).toContain(`at character ${character}`);
    expect(error.details.position).toBe(character - 1);
    expect(error.details.hint).toBeTruthy();
  });
});

describe('renderTemplate', () => {
  const t = parseTemplate('MSG#{group}');

  it('renders strings, numbers and bigints without losing digits', () => {
    expect(renderTemplate(t, { group: 'g1' })).toBe('MSG#g1');
    expect(renderTemplate(t, { group: 42 })).toBe('MSG#42');
    expect(renderTemplate(t, { group: 123456789012345678901234567890n })).toBe('MSG#123456789012345678901234567890');
  });

  it('refuses a missing parameter, naming it', () => {
    expect(() => renderTemplate(t, {})).toThrow(/needs a value for \{group\}/);
  });

  it('refuses to render an empty key', () => {
    expect(() => renderTemplate(parseTemplate('{id}'), { id: '' })).toThrow(/empty key/);
    expect(() => renderTemplate(parseTemplate('{a}{b}'), { a: '', b: '' })).toThrow(/empty key/);
    expect(renderTemplate(parseTemplate('{a}#{b}'), { a: '', b: '' })).toBe('#');
  });
});

describe('numeric keys', () => {
  const score = parseTemplate('{score}');

  it('a bare parameter renders the number text and matches it back as text', () => {
    expect(isBareParameter(score)).toBe(true);
    expect(renderTemplate(score, { score: 1500 })).toBe('1500');
    expect(renderTemplate(score, { score: -0.25 })).toBe('-0.25');
    expect(matchTemplate(score, '1500')).toEqual({ score: '1500' });
  });

  it('a template with literals is not a bare parameter (it could not be an N key)', () => {
    expect(isBareParameter(parseTemplate('SCORE#{score}'))).toBe(false);
    expect(isBareParameter(parseTemplate('{a}{b}'))).toBe(false);
    expect(isConstant(parseTemplate('LEADERBOARD'))).toBe(true);
  });
});

describe('literalPrefix', () => {
  it.each([
    ['MSG#{group}', 'MSG#'],
    ['ORDER#{id}#ITEM#{line}', 'ORDER#'],
    ['{id}', ''],
    ['{id}#X', ''],
    ['CONST', 'CONST'],
    ['{{x}}#{id}', '{x}#'],
  ])('%s → %j', (source, prefix) => {
    expect(literalPrefix(parseTemplate(source))).toBe(prefix);
  });
});

describe('matchTemplate', () => {
  const t = parseTemplate('ORDER#{id}#ITEM#{line}');

  it('matches a stored key back to its parameters', () => {
    expect(matchTemplate(t, 'ORDER#o1#ITEM#3')).toEqual({ id: 'o1', line: '3' });
  });

  it('returns undefined for a key of another shape', () => {
    expect(matchTemplate(t, 'USER#o1')).toBeUndefined();
    expect(matchTemplate(t, 'ORDER#o1')).toBeUndefined();
  });

  it('checks that a repeated parameter has the same value both times', () => {
    const r = parseTemplate('{a}#{b}#{a}');
    expect(matchTemplate(r, 'x#y#x')).toEqual({ a: 'x', b: 'y' });
    expect(matchTemplate(r, 'x#y#z')).toBeUndefined();
  });
});

describe('values containing the delimiter #', () => {
  const t = parseTemplate('ORDER#{id}#ITEM#{line}');

  it('a # inside a value is kept when the following literal does not occur early', () => {
    expect(valueBreaksMatch(t, 'id', 'a#b')).toBe(false);
    expect(matchTemplate(t, renderTemplate(t, { id: 'a#b', line: '3' }))).toEqual({ id: 'a#b', line: '3' });
  });

  it('a value that spells the following literal splits early: the key itself is ambiguous', () => {
    // `a#ITEM` + `#ITEM#` contains `#ITEM#` at position 1, before the value ends.
    expect(valueBreaksMatch(t, 'id', 'a#ITEM')).toBe(true);
    const key = renderTemplate(t, { id: 'a#ITEM', line: '3' });
    expect(key).toBe('ORDER#a#ITEM#ITEM#3');
    expect(matchTemplate(t, key)).toEqual({ id: 'a', line: 'ITEM#3' });
    // both readings render the same key, so no matcher could do better
    expect(renderTemplate(t, { id: 'a', line: 'ITEM#3' })).toBe(key);
  });

  it('with a one-character delimiter, any # in a non-last value splits at the first #', () => {
    const simple = parseTemplate('{a}#{b}');
    expect(valueBreaksMatch(simple, 'a', 'x#y')).toBe(true);
    expect(valueBreaksMatch(simple, 'b', 'x#y')).toBe(false); // the last parameter takes the remainder
    expect(matchTemplate(simple, renderTemplate(simple, { a: 'x#y', b: 'z' }))).toEqual({ a: 'x', b: 'y#z' });
    expect(matchTemplate(simple, renderTemplate(simple, { a: 'x', b: 'y#z' }))).toEqual({ a: 'x', b: 'y#z' });
  });

  it('begins_with on the prefix of one value also finds keys of values that extend it past a #', () => {
    const sk = parseTemplate('GROUP#{group}#MSG#{id}');
    const prefix = `${literalPrefix(sk)}g1#`;
    expect(renderTemplate(sk, { group: 'g1#2', id: 'm' }).startsWith(prefix)).toBe(true);
  });
});

describe('templateAmbiguity and delimiterAfter', () => {
  it('flags adjacent parameters', () => {
    expect(templateAmbiguity(parseTemplate('{a}{b}'))).toMatch(/\{a\}\{b\}.*no literal/);
    expect(templateAmbiguity(parseTemplate('X#{a}#{b}{c}'))).toMatch(/\{b\}\{c\}/);
    expect(templateAmbiguity(parseTemplate('X#{a}#{b}'))).toBeUndefined();
  });

  it('names the literal after a parameter, undefined for the last one or an unknown one', () => {
    const t = parseTemplate('A#{a}#B#{b}');
    expect(delimiterAfter(t, 'a')).toBe('#B#');
    expect(delimiterAfter(t, 'b')).toBeUndefined();
    expect(delimiterAfter(t, 'nope')).toBeUndefined();
  });
});

// ---- property tests ----

const paramNames = ['a', 'b', 'c', 'd', 'user_id', 'order.id'];
const text = (minLength: number) =>
  fc.string({ unit: fc.constantFrom('#', 'a', 'b', 'I', '{', '}', 'é', '😀', '\uD83D'), minLength, maxLength: 6 });

/** A template source with distinct parameters, each pair separated by a non-empty literal. */
const templateArb: fc.Arbitrary<KeyTemplate> = fc
  .record({
    names: fc.shuffledSubarray(paramNames, { minLength: 1, maxLength: 4 }),
    head: text(0),
    seps: fc.array(text(1), { minLength: 4, maxLength: 4 }),
    tail: text(0),
  })
  .map(({ names, head, seps, tail }) => {
    const esc = (s: string): string => s.replace(/\{/g, '{{').replace(/\}/g, '}}');
    let source = esc(head);
    names.forEach((n, i) => {
      source += `{${n}}`;
      if (i < names.length - 1) source += esc(seps[i]!);
    });
    return parseTemplate(source + esc(tail));
  });

const valuesFor = (t: KeyTemplate): fc.Arbitrary<Record<string, string>> =>
  fc.record(Object.fromEntries(t.params.map((p) => [p, text(1)])) as Record<string, fc.Arbitrary<string>>);

describe('properties', () => {
  it('match(render(x)) == x whenever no value makes the literal after it occur early', () => {
    fc.assert(
      fc.property(
        templateArb.chain((t) => fc.tuple(fc.constant(t), valuesFor(t))),
        ([t, values]) => {
          fc.pre(t.params.every((p) => !valueBreaksMatch(t, p, values[p]!)));
          expect(matchTemplate(t, renderTemplate(t, values))).toEqual(values);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('any rendered key matches back, and the match renders the same key again', () => {
    fc.assert(
      fc.property(
        templateArb.chain((t) => fc.tuple(fc.constant(t), valuesFor(t))),
        ([t, values]) => {
          const key = renderTemplate(t, values);
          const matched = matchTemplate(t, key);
          expect(matched).toBeDefined();
          expect(renderTemplate(t, matched!)).toBe(key);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('the linear matcher gives exactly the answer of the backtracking regular expression', () => {
    const unit = fc.constantFrom('#', 'a', 'b', '\uD83D', '\uDE00');
    const source = fc
      .array(fc.oneof(fc.string({ unit, maxLength: 3 }), fc.constantFrom('{a}', '{b}', '{c}', '{d}')), { maxLength: 7 })
      .map((parts) => {
        const used = new Set<string>();
        return parts.filter((p) => !p.startsWith('{') || (!used.has(p) && used.add(p))).join('');
      });
    const keyFor = (t: KeyTemplate): fc.Arbitrary<string> =>
      fc.oneof(
        fc.string({ unit, maxLength: 12 }),
        fc
          .record(Object.fromEntries(t.params.map((p) => [p, fc.string({ unit, maxLength: 4 })])))
          .map((v) =>
            t.segments.map((s) => (s.kind === 'literal' ? s.text : (v as Record<string, string>)[s.name])).join(''),
          ),
      );
    fc.assert(
      fc.property(
        source.map(parseTemplate).chain((t) => fc.tuple(fc.constant(t), keyFor(t))),
        ([t, key]) => {
          expect(matchTemplate(t, key)).toEqual(matchTemplateByRegex(t, key));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('matches a 2,048-character key full of delimiters without backtracking', () => {
    const t = parseTemplate('{a}#{b}#{c}#{d}#X');
    expect(matchTemplate(t, `${'#'.repeat(2047)}Y`)).toBeUndefined();
    expect(matchTemplate(t, `${'#'.repeat(2046)}X`)).toEqual({ a: '', b: '', c: '', d: '#'.repeat(2042) });
  });

  it('the literal prefix is a prefix of every rendered key', () => {
    fc.assert(
      fc.property(
        templateArb.chain((t) => fc.tuple(fc.constant(t), valuesFor(t))),
        ([t, values]) => {
          expect(renderTemplate(t, values).startsWith(literalPrefix(t))).toBe(true);
        },
      ),
    );
  });

  it('generated templates with a literal between parameters are never flagged ambiguous', () => {
    fc.assert(
      fc.property(templateArb, (t) => {
        expect(templateAmbiguity(t)).toBeUndefined();
      }),
    );
  });

  it('parseTemplate either parses or throws TEMPLATE_ERROR with a position inside the source', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('{', '}', 'a', '#', '1', ' '), maxLength: 12 }), (source) => {
        try {
          parseTemplate(source);
        } catch (error) {
          expect(error).toBeInstanceOf(MonotableError);
          const e = error as MonotableError;
          expect(e.code).toBe('TEMPLATE_ERROR');
          expect(e.details.position).toBeGreaterThanOrEqual(0);
          expect(e.details.position).toBeLessThan(source.length);
        }
      }),
    );
  });
});
