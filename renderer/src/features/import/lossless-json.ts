/**
 * JSON with numbers kept as their source text: `JSON.parse` turns 12345678901234567890123456789012345678 into a
 * double and loses digits, which an import must never do. Numbers come back as `{ number: '…' }`.
 */
export interface NumberText {
  readonly number: string;
}
export type LosslessValue = string | NumberText | boolean | null | LosslessValue[] | { [name: string]: LosslessValue };

class NumberBox implements NumberText {
  constructor(readonly number: string) {}
}

export function isNumberText(value: LosslessValue): value is NumberText {
  return value instanceof NumberBox;
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const MAX_DEPTH = 64;

/** Parses one JSON text; throws an Error naming the column of the first problem. */
export function parseLosslessJson(text: string): LosslessValue {
  let at = 0;
  const fail = (what: string): never => {
    throw new Error(`${what} at column ${at + 1}`);
  };
  const space = () => {
    while (at < text.length && ' \t\r\n'.includes(text[at]!)) at++;
  };
  const value = (depth: number): LosslessValue => {
    if (depth > MAX_DEPTH) fail(`nesting deeper than ${MAX_DEPTH}`);
    space();
    const c = text[at];
    if (c === '{') {
      at++;
      const out: { [name: string]: LosslessValue } = {};
      space();
      if (text[at] === '}') {
        at++;
        return out;
      }
      for (;;) {
        space();
        if (text[at] !== '"') fail('expected a "name"');
        const name = string();
        space();
        if (text[at] !== ':') fail('expected ":"');
        at++;
        if (Object.hasOwn(out, name)) fail(`"${name}" appears twice`);
        Object.defineProperty(out, name, {
          value: value(depth + 1),
          enumerable: true,
          writable: true,
          configurable: true,
        });
        space();
        if (text[at] === ',') at++;
        else if (text[at] === '}') {
          at++;
          return out;
        } else fail('expected "," or "}"');
      }
    }
    if (c === '[') {
      at++;
      const out: LosslessValue[] = [];
      space();
      if (text[at] === ']') {
        at++;
        return out;
      }
      for (;;) {
        out.push(value(depth + 1));
        space();
        if (text[at] === ',') at++;
        else if (text[at] === ']') {
          at++;
          return out;
        } else fail('expected "," or "]"');
      }
    }
    if (c === '"') return string();
    for (const [word, result] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const) {
      if (text.startsWith(word, at)) {
        at += word.length;
        return result;
      }
    }
    NUMBER.lastIndex = at;
    const m = NUMBER.exec(text);
    if (m?.[0]) {
      at += m[0].length;
      return new NumberBox(m[0]);
    }
    return fail(c === undefined ? 'unexpected end' : `unexpected ${JSON.stringify(c)}`);
  };
  const string = (): string => {
    const start = at;
    at++;
    for (;;) {
      const c = text[at];
      if (c === undefined) fail('unterminated string');
      if (c === '"') break;
      if (c === '\\') at++;
      else if (c! < ' ') fail('control character in a string');
      at++;
    }
    at++;
    try {
      return JSON.parse(text.slice(start, at)) as string;
    } catch {
      return fail('bad escape in a string');
    }
  };
  const result = value(0);
  space();
  if (at < text.length) fail('text after the value');
  return result;
}
