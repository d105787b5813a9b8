import type { Faker } from '@faker-js/faker';
import { MonotableError } from '../errors/monotable-error.js';
import type { AttributeValue } from '../model/attribute-value.js';
import type { Attribute, Generator } from '../model/schema.js';
import { resolveFakerMethod } from './faker-method.js';
import { toAttributeValue } from './to-attribute-value.js';

/** The values of the referenced attributes of one generated item, kept for its children. */
export type RefValues = Record<string, AttributeValue>;

export interface ValueContext {
  /** 0-based position of the item within its entity. */
  ordinal: number;
  /** The parent item's kept values (for refs to the parent entity). */
  parent: RefValues | undefined;
  /** A random generated item of another referenced entity. */
  pick(entity: string): RefValues | undefined;
}

export type ValueMaker = (context: ValueContext) => AttributeValue | undefined;

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
      return (context) => {
        const kept = fromParent ? context.parent : context.pick(generator.entity);
        const value = kept?.[generator.attribute];
        if (value === undefined) return undefined;
        return typeOfValue(value) === attribute.type ? value : typed(scalarOf(value));
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
      return () => typed(faker.helpers.arrayElement(values));
    }
  }
}

function typeOfValue(value: AttributeValue): string {
  return Object.keys(value)[0]!;
}
