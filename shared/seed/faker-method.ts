import type { Faker } from '@faker-js/faker';
import { MonotableError } from '../errors/monotable-error.js';

export type FakerFunction = (...args: unknown[]) => unknown;

const SEGMENT = /^[A-Za-z][A-Za-z0-9]*$/;

const NEVER = new Set(['__proto__', 'prototype', 'constructor']);

/** The object in `value`'s prototype chain that owns `name`, or undefined. */
function ownerOf(value: object, name: string): object | undefined {
  for (let o: object | null = value; o !== null; o = Object.getPrototypeOf(o) as object | null) {
    if (Object.hasOwn(o, name)) return o;
  }
  return undefined;
}

/**
 * Resolves `module.method` (`person.fullName`, `string.uuid`, `helpers.arrayElement`) on a Faker instance.
 * Only real faker functions are reachable: exactly two plain identifier segments, the module an own property
 * of the instance, the method a function of that module's own class (`__proto__`, `constructor`, `prototype`, and
 * Object.prototype's `toString`, `valueOf`, ... are refused; `company.name` is a faker method and allowed). `where` is the model path, for the error.
 */
export function resolveFakerMethod(faker: Faker, path: string, where: string): FakerFunction {
  const refuse = (problem: string): never => {
    throw new MonotableError('SCHEMA_ERROR', `Faker method "${path}" ${problem}.`, {
      path: where,
      hint: 'Write a faker module and method such as "person.fullName", "string.uuid", "lorem.sentence" or "number.int" (see fakerjs.dev/api).',
    });
  };
  const segments = path.split('.');
  if (segments.length !== 2) refuse('must be "module.method"');
  const [moduleName, methodName] = segments as [string, string];
  for (const segment of segments) {
    if (!SEGMENT.test(segment) || NEVER.has(segment)) refuse(`uses "${segment}", which is not a faker name`);
  }
  if (!Object.hasOwn(faker, moduleName)) refuse(`names no faker module "${moduleName}"`);
  const module: unknown = (faker as unknown as Record<string, unknown>)[moduleName];
  if (typeof module !== 'object' || module === null) refuse(`names no faker module "${moduleName}"`);
  // The method must belong to the faker module itself, not to Object.prototype (toString, valueOf, ...).
  const owner = ownerOf(module as object, methodName);
  if (owner === undefined || owner === Object.prototype)
    refuse(`names no function "${methodName}" in faker.${moduleName}`);
  const method: unknown = (module as Record<string, unknown>)[methodName];
  if (typeof method !== 'function') refuse(`names no function "${methodName}" in faker.${moduleName}`);
  return (method as FakerFunction).bind(module);
}
