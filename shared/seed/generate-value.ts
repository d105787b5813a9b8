import type { Faker } from '@faker-js/faker';
import { MonotableError } from '../errors/monotable-error.js';
import type { AttributeValue, Item } from '../model/attribute-value.js';
import { compareScalars } from '../model/compare-values.js';
import type { Attribute, Generator } from '../model/schema.js';
import { parseDuration } from './duration.js';
import { resolveFakerMethod } from './faker-method.js';
import { toAttributeValue } from './to-attribute-value.js';

/**
 * One item while it is generated: its values so far, its position, its parent's frame, the members of its `members`
 * attributes, and the aggregates over its children. A child reads its parent's frame; nothing outlives the subtree.
 */
export interface Frame {
  item: Item;
  /** 0-based position of the item within its entity. */
  ordinal: number;
  parent: Frame | undefined;
  /** For an entity with `seed.perMember`: which member of the parent this item is for. */
  memberIndex: number | undefined;
  /** The member every `which: any` generator of this item uses, picked on first use. */
  anyMember: number | undefined;
  /** `members` attribute name → the member items. */
  members: Map<string, Item[]> | undefined;
  /** Entity → the item of it that this item's refs read (every ref of one item to one entity reads the same item). */
  picked: Map<string, Item> | undefined;
  aggregates: Aggregates | undefined;
}

/** Where generators find items of other entities: every item generated so far of an entity (its pool). */
export interface GenerationScope {
  pool(entity: string): readonly Item[];
}

export type ValueMaker = (frame: Frame) => AttributeValue | undefined;

type AggregateGenerator = Extract<Generator, { kind: 'aggregate' }>;

/** Running count/min/max/latest over the children of one item, updated as each child is finished. */
export class Aggregates {
  private readonly count: number[];
  private readonly best: (AttributeValue | undefined)[];
  private readonly bestBy: (AttributeValue | undefined)[];

  constructor(private readonly specs: readonly { attribute: string; generator: AggregateGenerator }[]) {
    this.count = specs.map(() => 0);
    this.best = specs.map(() => undefined);
    this.bestBy = specs.map(() => undefined);
  }

  add(entity: string, child: Item): void {
    for (let i = 0; i < this.specs.length; i++) {
      const g = this.specs[i]!.generator;
      if (g.of !== entity) continue;
      this.count[i]!++;
      if (g.function === 'count') continue;
      const value = child[g.attribute!];
      if (value === undefined) continue;
      if (g.function === 'latest') {
        const by = child[g.by!];
        const current = this.bestBy[i];
        if (by !== undefined && (current === undefined || (compareScalars(by, current) ?? 0) > 0)) {
          this.bestBy[i] = by;
          this.best[i] = value;
        }
        continue;
      }
      const current = this.best[i];
      const order = current === undefined ? undefined : compareScalars(value, current);
      if (current === undefined || (order !== undefined && (g.function === 'max' ? order > 0 : order < 0)))
        this.best[i] = value;
    }
  }

  /** The aggregate of the attribute (undefined for min/max/latest over no children: the attribute is left out). */
  value(attribute: string): AttributeValue | undefined {
    const i = this.specs.findIndex((s) => s.attribute === attribute);
    if (i < 0) return undefined;
    return this.specs[i]!.generator.function === 'count' ? { N: String(this.count[i]) } : this.best[i];
  }
}

/** The aggregate generators of an entity's attributes (for its frames' `Aggregates`). */
export function aggregateSpecs(
  attributes: readonly Attribute[],
): { attribute: string; generator: AggregateGenerator }[] {
  return attributes.flatMap((a) =>
    a.generator?.kind === 'aggregate' ? [{ attribute: a.name, generator: a.generator }] : [],
  );
}

/** A generator for attributes that have none but need a value (key parts and required attributes). */
function defaultGenerator(attribute: Attribute): Generator {
  switch (attribute.type) {
    case 'N':
    case 'NS':
      return { kind: 'faker', method: 'number.int', args: [{ min: 1, max: 1_000_000 }] };
    case 'BOOL':
      return { kind: 'faker', method: 'datatype.boolean' };
    case 'NULL':
      return { kind: 'constant', value: null };
    case 'L':
      return { kind: 'constant', value: [] };
    case 'M':
      return { kind: 'constant', value: {} };
    default:
      return { kind: 'faker', method: 'string.uuid' };
  }
}

function parseDate(text: string, where: string): Date {
  const date = new Date(text);
  if (Number.isNaN(date.getTime())) {
    throw new MonotableError('MODEL_INVALID', `"${text}" is not a date.`, {
      path: where,
      hint: 'Write an ISO 8601 date such as 2026-01-01 or 2026-01-01T12:00:00Z.',
    });
  }
  return date;
}

/** The value of a kept attribute, as a plain scalar, to retype it when the referring attribute has another type. */
function scalarOf(value: AttributeValue): unknown {
  if ('S' in value) return value.S;
  if ('N' in value) return value.N;
  if ('BOOL' in value) return value.BOOL;
  if ('SS' in value) return value.SS;
  if ('NS' in value) return value.NS;
  return JSON.stringify(value);
}

/**
 * Compiles one attribute's generator into a function that makes its typed value, or undefined when the attribute
 * has no generator and needs no value. `where` is the attribute's model path, used in every error.
 */
export function compileAttribute(
  faker: Faker,
  attribute: Attribute,
  needed: boolean,
  parentEntity: string | undefined,
  where: string,
  scope: GenerationScope,
): ValueMaker | undefined {
  const generator = attribute.generator ?? (needed || attribute.required ? defaultGenerator(attribute) : undefined);
  if (!generator) return undefined;
  const genPath = `${where}.generator`;
  const isString = attribute.type === 'S';
  const typed = (raw: unknown): AttributeValue | undefined => {
    if (isString && typeof raw === 'string') return { S: raw }; // what toAttributeValue makes of it, without the detour
    try {
      return toAttributeValue(raw, attribute.type);
    } catch (error) {
      throw new MonotableError(
        'MODEL_INVALID',
        `Attribute "${attribute.name}" (${attribute.type}): the generator made a value that does not fit: ${(error as Error).message}.`,
        {
          path: genPath,
          hint: `Choose a generator that makes ${attribute.type} values, or change the attribute's type.`,
        },
      );
    }
  };
  switch (generator.kind) {
    case 'faker': {
      const fn = resolveFakerMethod(faker, generator.method, `${genPath}.method`);
      const args = generator.args ?? [];
      const [first] = args;
      const argCount = args.length;
      return () => {
        let raw: unknown;
        try {
          raw = argCount === 0 ? fn() : argCount === 1 ? fn(first) : fn(...args);
        } catch (error) {
          throw new MonotableError(
            'MODEL_INVALID',
            `faker.${generator.method}(${args.map((a) => JSON.stringify(a)).join(', ')}) failed: ${(error as Error).message}`,
            {
              path: genPath,
              hint: 'Check the arguments against the faker documentation (fakerjs.dev/api).',
            },
          );
        }
        return typed(raw);
      };
    }
    case 'ref': {
      const fromParent = generator.entity === parentEntity;
      const retype = (value: AttributeValue | undefined): AttributeValue | undefined =>
        value === undefined ? undefined : typeOfValue(value) === attribute.type ? value : typed(scalarOf(value));
      if (fromParent) return (frame) => retype(frame.parent?.item[generator.attribute]);
      return (frame) => {
        let picked = frame.picked?.get(generator.entity);
        if (picked === undefined) {
          const pool = scope.pool(generator.entity);
          if (pool.length === 0) return undefined;
          picked = pool[faker.number.int({ min: 0, max: pool.length - 1 })]!;
          (frame.picked ??= new Map()).set(generator.entity, picked);
        }
        return retype(picked[generator.attribute]);
      };
    }
    case 'members': {
      const wanted = generator.count;
      const skew = generator.skew;
      let cumulative: Float64Array | undefined;
      const pickIndex = (size: number): number => {
        if (skew === undefined) return faker.number.int({ min: 0, max: size - 1 });
        if (cumulative?.length !== size) {
          cumulative = new Float64Array(size);
          let total = 0;
          for (let k = 0; k < size; k++) cumulative[k] = total += 1 / (k + 1) ** skew;
        }
        const r = faker.number.float({ min: 0, max: cumulative[size - 1]! });
        let lo = 0;
        let hi = size - 1;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (cumulative[mid]! < r) lo = mid + 1;
          else hi = mid;
        }
        return lo;
      };
      return (frame) => {
        const pool = scope.pool(generator.entity);
        const members: Item[] = [];
        const parent = generator.entity === parentEntity ? frame.parent?.item : undefined;
        if (parent) members.push(parent);
        const n = Math.min(wanted, pool.length);
        // Random distinct members; with a pool barely larger than the count, fill in pool order instead.
        for (let tries = 0; members.length < n && tries < 8 * wanted; tries++) {
          const pick = pool[pickIndex(pool.length)]!;
          if (!members.includes(pick)) members.push(pick);
        }
        for (let i = 0; members.length < n && i < pool.length; i++)
          if (!members.includes(pool[i]!)) members.push(pool[i]!);
        (frame.members ??= new Map()).set(attribute.name, members);
        const values = members.flatMap((m) => {
          const v = m[generator.attribute];
          return v === undefined ? [] : [scalarOf(v)];
        });
        return typed(values);
      };
    }
    case 'member': {
      return (frame) => {
        const members = frame.parent?.members?.get(generator.of);
        if (!members || members.length === 0) return undefined;
        let member: Item | undefined;
        if (generator.which === 'any') {
          frame.anyMember ??= faker.number.int({ min: 0, max: members.length - 1 });
          member = members[frame.anyMember];
        } else if (frame.memberIndex !== undefined) {
          const i = generator.which === 'this' ? frame.memberIndex : frame.memberIndex + 1;
          member = members.length > 1 || generator.which === 'this' ? members[i % members.length] : undefined;
        }
        const value = member?.[generator.attribute];
        return value === undefined ? undefined : typeOfValue(value) === attribute.type ? value : typed(scalarOf(value));
      };
    }
    case 'aggregate': {
      return (frame) => {
        const value = frame.aggregates?.value(attribute.name);
        return value === undefined ? undefined : typeOfValue(value) === attribute.type ? value : typed(scalarOf(value));
      };
    }
    case 'after': {
      const within = parseDuration(generator.within);
      if (within === undefined)
        throw new MonotableError('MODEL_INVALID', `"${generator.within}" is not an ISO 8601 duration.`, {
          path: `${genPath}.within`,
          hint: 'Write a duration such as PT30S, PT5M, PT1H or P2D.',
        });
      return (frame) => {
        const base = frame.item[generator.attribute];
        if (base === undefined) return undefined;
        const offset = within === 0 ? 0 : faker.number.int({ min: 0, max: within });
        if ('N' in base) {
          const n = Number(base.N);
          // Epoch seconds below 10^11 (the year 5138); milliseconds above.
          return typed(Math.abs(n) < 1e11 ? n + Math.floor(offset / 1000) : n + offset);
        }
        const text = 'S' in base ? base.S : undefined;
        const time = text === undefined ? Number.NaN : Date.parse(text);
        if (Number.isNaN(time)) return undefined;
        return typed(new Date(time + offset).toISOString());
      };
    }
    case 'sequence': {
      const start = generator.start ?? 1;
      const step = generator.step ?? 1;
      const textual = generator.prefix !== undefined || generator.pad !== undefined;
      return ({ ordinal }) => {
        const n = start + step * ordinal;
        return typed(textual ? `${generator.prefix ?? ''}${String(n).padStart(generator.pad ?? 0, '0')}` : n);
      };
    }
    case 'constant': {
      const value = typed(generator.value);
      return () => value;
    }
    case 'date-range': {
      const from = parseDate(generator.from, `${genPath}.from`);
      const to = parseDate(generator.to, `${genPath}.to`);
      if (from > to)
        throw new MonotableError(
          'MODEL_INVALID',
          `The date range runs backwards: ${generator.from} is after ${generator.to}.`,
          {
            path: genPath,
            hint: 'Swap "from" and "to".',
          },
        );
      const format = generator.format ?? 'iso';
      const range = { from, to };
      return () => {
        const date = faker.date.between(range);
        return typed(
          format === 'iso'
            ? date.toISOString()
            : format === 'epoch-seconds'
              ? Math.floor(date.getTime() / 1000)
              : date.getTime(),
        );
      };
    }
    case 'one-of': {
      const values = generator.values;
      if (generator.cycle) return ({ ordinal }) => typed(values[ordinal % values.length]);
      return () => typed(faker.helpers.arrayElement(values));
    }
  }
}

function typeOfValue(value: AttributeValue): string {
  return Object.keys(value)[0]!;
}
