import { describe, expect, it } from 'vitest';
import { renderValue } from './render-value.js';

const BIG = '12345678901234567890123456789012345678';
const where = 'test value';

describe('renderValue keeps values exactly as given', () => {
  it('a number inside a map or list parameter keeps all 38 digits', () => {
    expect(renderValue({ type: 'M', template: '{doc}' }, { doc: `{"n":${BIG},"l":[${BIG}, 1.50]}` }, where)).toEqual({
      M: { n: { N: BIG }, l: { L: [{ N: BIG }, { N: '1.50' }] } },
    });
    expect(renderValue({ type: 'L', template: '{xs}' }, { xs: `[-${BIG}e-3]` }, where)).toEqual({
      L: [{ N: `-${BIG}e-3` }],
    });
  });

  it('a number set given as JSON keeps every digit; 39 digits or an unsafe JS number is refused', () => {
    expect(renderValue({ type: 'NS', template: '{ns}' }, { ns: `[${BIG}, "7"]` }, where)).toEqual({ NS: [BIG, '7'] });
    expect(() => renderValue({ type: 'NS', template: '{ns}' }, { ns: `[${BIG}9]` }, where)).toThrow(
      expect.objectContaining({ code: 'BAD_INPUT' }),
    );
    expect(() => renderValue({ type: 'M', template: '{doc}' }, { doc: `{"n":1e400}` }, where)).toThrow(
      expect.objectContaining({ code: 'BAD_INPUT' }),
    );
  });

  it('binary parameters accept valid base64 only', () => {
    expect(renderValue({ type: 'B', template: '{b}' }, { b: 'aGVsbG8=' }, where)).toEqual({ B: 'aGVsbG8=' });
    for (const bad of ['aGVsbG8', 'a$b=', 'aGVs bG8=', 'not base64!'])
      expect(() => renderValue({ type: 'B', template: '{b}' }, { b: bad }, where), bad).toThrow(
        expect.objectContaining({ code: 'BAD_INPUT' }),
      );
    expect(() => renderValue({ type: 'BS', template: '{bs}' }, { bs: '["aGVsbG8=","%%"]' }, where)).toThrow(
      expect.objectContaining({ code: 'BAD_INPUT' }),
    );
  });
});
