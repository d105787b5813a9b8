import { z } from 'zod';

/**
 * DynamoDB-typed JSON, exactly as the wire format and NoSQL Workbench write it:
 * `{"S": "x"}`, `{"N": "12.5"}`, `{"SS": ["a"]}`, `{"M": {...}}`. Numbers stay strings so that
 * 38-digit values keep every digit; binary stays base64.
 */
export type AttributeValue =
  | { S: string }
  | { N: string }
  | { B: string }
  | { BOOL: boolean }
  | { NULL: true }
  | { SS: string[] }
  | { NS: string[] }
  | { BS: string[] }
  | { L: AttributeValue[] }
  | { M: { [name: string]: AttributeValue } };

export type Item = { [name: string]: AttributeValue };

export const AttributeValueSchema: z.ZodType<AttributeValue> = z.lazy(() =>
  z.union([
    z.strictObject({ S: z.string() }),
    z.strictObject({ N: z.string() }),
    z.strictObject({ B: z.string() }),
    z.strictObject({ BOOL: z.boolean() }),
    z.strictObject({ NULL: z.literal(true) }),
    z.strictObject({ SS: z.array(z.string()) }),
    z.strictObject({ NS: z.array(z.string()) }),
    z.strictObject({ BS: z.array(z.string()) }),
    z.strictObject({ L: z.array(AttributeValueSchema) }),
    z.strictObject({ M: z.record(z.string(), AttributeValueSchema) }),
  ]),
);

export const ItemSchema = z.record(z.string(), AttributeValueSchema);

/** The type tag of a typed value: `typeOf({S: 'x'}) === 'S'`. */
export function typeOf(value: AttributeValue): AttributeTypeName {
  return Object.keys(value)[0] as AttributeTypeName;
}

export const ATTRIBUTE_TYPES = ['S', 'N', 'B', 'BOOL', 'NULL', 'SS', 'NS', 'BS', 'L', 'M'] as const;
export type AttributeTypeName = (typeof ATTRIBUTE_TYPES)[number];
export const KEY_TYPES = ['S', 'N', 'B'] as const;
export type KeyTypeName = (typeof KEY_TYPES)[number];
