import { MonotableError } from '../errors/monotable-error.js';
import { utf8Length } from '../model/item-size.js';
import { MAX_EXPRESSION_BYTES } from '../patterns/resolve.js';

/** A document path: `#a.b[2]` as segments (names resolved through ExpressionAttributeNames). */
export type PathSegment = string | number;
export type Operand =
  | { kind: 'path'; path: PathSegment[] }
  | { kind: 'value'; name: string }
  | { kind: 'size'; path: PathSegment[] };

export type ConditionNode =
  | { kind: 'and' | 'or'; left: ConditionNode; right: ConditionNode }
  | { kind: 'not'; operand: ConditionNode }
  | { kind: 'compare'; operator: '=' | '<>' | '<' | '<=' | '>' | '>='; left: Operand; right: Operand }
  | { kind: 'between'; operand: Operand; low: Operand; high: Operand }
  | { kind: 'in'; operand: Operand; list: Operand[] }
  | {
      kind: 'function';
      name: 'attribute_exists' | 'attribute_not_exists' | 'begins_with' | 'contains' | 'attribute_type';
      path: PathSegment[];
      argument?: Operand;
    };

const TOKEN = /\s*(?:(#[A-Za-z0-9_]+)|(:[A-Za-z0-9_]+)|([A-Za-z_][A-Za-z0-9_]*)|(\d+)|(<>|<=|>=|[=<>(),.[\]]))/y;

function expressionError(text: string, problem: string): MonotableError {
  return new MonotableError('BAD_INPUT', `Expression "${text}": ${problem}.`, {
    hint: 'Preview understands DynamoDB condition expressions: comparisons, BETWEEN, IN, AND/OR/NOT and the functions attribute_exists, attribute_not_exists, begins_with, contains, attribute_type, size.',
  });
}

const tokenCache = new Map<string, string[]>();

/** Splits an expression into tokens; cached by text, since patterns share expression shapes (`#k0 = :v0`). */
function tokenize(text: string): string[] {
  const cached = tokenCache.get(text);
  if (cached) return cached;
  if (utf8Length(text) > MAX_EXPRESSION_BYTES) {
    throw new MonotableError(
      'BAD_INPUT',
      `An expression of ${utf8Length(text)} bytes is longer than DynamoDB's ${MAX_EXPRESSION_BYTES}-byte limit.`,
      { hint: 'Shorten the expression or split the request.' },
    );
  }
  const tokens: string[] = [];
  let at = 0;
  for (;;) {
    while (at < text.length && /\s/.test(text[at]!)) at++;
    if (at >= text.length) break;
    TOKEN.lastIndex = at;
    const m = TOKEN.exec(text);
    if (!m) throw expressionError(text, `unexpected text at character ${at + 1}`);
    tokens.push(m.slice(1).find((t) => t !== undefined)!);
    at = TOKEN.lastIndex;
  }
  if (tokenCache.size > 5000) tokenCache.clear();
  tokenCache.set(text, tokens);
  return tokens;
}

const FUNCTIONS = new Set(['attribute_exists', 'attribute_not_exists', 'begins_with', 'contains', 'attribute_type']);
const COMPARATORS = new Set(['=', '<>', '<', '<=', '>', '>=']);

/** Parses one condition expression (KeyCondition, Filter or Condition) into a tree, names still as written. */
export function parseCondition(text: string, names: Readonly<Record<string, string>>): ConditionNode {
  const p = new Parser(text, tokenize(text), names);
  const node = p.or();
  if (!p.done()) throw expressionError(text, `unexpected "${p.peek()}"`);
  return node;
}

/** Parses a ProjectionExpression: comma-separated paths. */
export function parseProjection(text: string, names: Readonly<Record<string, string>>): PathSegment[][] {
  const p = new Parser(text, tokenize(text), names);
  const paths = [p.path()];
  while (p.accept(',')) paths.push(p.path());
  if (!p.done()) throw expressionError(text, `unexpected "${p.peek()}"`);
  return paths;
}

/** Parses `SET a = :v, b = :w` (the only update form Monotable writes). */
export function parseSetExpression(
  text: string,
  names: Readonly<Record<string, string>>,
): { path: PathSegment[]; value: string }[] {
  const p = new Parser(text, tokenize(text), names);
  if (p.next().toUpperCase() !== 'SET') throw expressionError(text, 'preview supports SET updates only');
  const out: { path: PathSegment[]; value: string }[] = [];
  do {
    const path = p.path();
    p.expect('=');
    const value = p.next();
    if (!value.startsWith(':')) throw expressionError(text, 'preview supports SET path = :value only');
    out.push({ path, value });
  } while (p.accept(','));
  if (!p.done()) throw expressionError(text, `unexpected "${p.peek()}"`);
  return out;
}

const MAX_DEPTH = 100;

class Parser {
  private i = 0;
  private depth = 0;

  /** Parentheses and NOT nest by recursion; a hostile expression must not overflow the stack. */
  nested<T>(parse: () => T): T {
    if (++this.depth > MAX_DEPTH)
      throw expressionError(this.text.slice(0, 80), `nesting deeper than ${MAX_DEPTH} levels`);
    try {
      return parse();
    } finally {
      this.depth--;
    }
  }
  constructor(
    private readonly text: string,
    private readonly tokens: string[],
    private readonly names: Readonly<Record<string, string>>,
  ) {}

  done(): boolean {
    return this.i >= this.tokens.length;
  }
  peek(): string | undefined {
    return this.tokens[this.i];
  }
  next(): string {
    const t = this.tokens[this.i++];
    if (t === undefined) throw expressionError(this.text, 'it ends too early');
    return t;
  }
  accept(token: string): boolean {
    if (this.peek()?.toUpperCase() !== token) return false;
    this.i++;
    return true;
  }
  expect(token: string): void {
    const t = this.next();
    if (t.toUpperCase() !== token) throw expressionError(this.text, `expected "${token}" but found "${t}"`);
  }

  or(): ConditionNode {
    let left = this.and();
    while (this.accept('OR')) left = { kind: 'or', left, right: this.and() };
    return left;
  }
  and(): ConditionNode {
    let left = this.not();
    while (this.accept('AND')) left = { kind: 'and', left, right: this.not() };
    return left;
  }
  not(): ConditionNode {
    if (this.accept('NOT')) return this.nested(() => ({ kind: 'not', operand: this.not() }));
    return this.primary();
  }
  primary(): ConditionNode {
    if (this.accept('(')) {
      const inner = this.nested(() => this.or());
      this.expect(')');
      return inner;
    }
    const head = this.peek();
    if (head && FUNCTIONS.has(head) && this.tokens[this.i + 1] === '(') {
      this.i += 2;
      const path = this.path();
      const argument = this.accept(',') ? this.operand() : undefined;
      this.expect(')');
      return {
        kind: 'function',
        name: head as Extract<ConditionNode, { kind: 'function' }>['name'],
        path,
        ...(argument && { argument }),
      };
    }
    const left = this.operand();
    const op = this.next();
    if (COMPARATORS.has(op))
      return {
        kind: 'compare',
        operator: op as Extract<ConditionNode, { kind: 'compare' }>['operator'],
        left,
        right: this.operand(),
      };
    if (op.toUpperCase() === 'BETWEEN') {
      const low = this.operand();
      this.expect('AND');
      return { kind: 'between', operand: left, low, high: this.operand() };
    }
    if (op.toUpperCase() === 'IN') {
      this.expect('(');
      const list = [this.operand()];
      while (this.accept(',')) list.push(this.operand());
      this.expect(')');
      return { kind: 'in', operand: left, list };
    }
    throw expressionError(this.text, `expected a comparison after an operand, found "${op}"`);
  }
  operand(): Operand {
    const t = this.peek();
    if (t?.startsWith(':')) return { kind: 'value', name: this.next() };
    if (t === 'size' && this.tokens[this.i + 1] === '(') {
      this.i += 2;
      const path = this.path();
      this.expect(')');
      return { kind: 'size', path };
    }
    return { kind: 'path', path: this.path() };
  }
  path(): PathSegment[] {
    const segments: PathSegment[] = [this.name()];
    for (;;) {
      if (this.accept('.')) segments.push(this.name());
      else if (this.accept('[')) {
        const index = this.next();
        if (!/^\d+$/.test(index)) throw expressionError(this.text, `"${index}" is not a list index`);
        segments.push(Number(index));
        this.expect(']');
      } else return segments;
    }
  }
  name(): string {
    const t = this.next();
    if (t.startsWith('#')) {
      const name = this.names[t];
      if (name === undefined) throw expressionError(this.text, `${t} is not in ExpressionAttributeNames`);
      return name;
    }
    if (!/^[A-Za-z_]/.test(t)) throw expressionError(this.text, `expected an attribute name, found "${t}"`);
    return t;
  }
}
