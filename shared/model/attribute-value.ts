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

/** The type tag of a typed value: `typeOf({S: 'x'}) === 'S'`. */
export function typeOf(value: AttributeValue): AttributeTypeName {
  return Object.keys(value)[0] as AttributeTypeName;
}

export const ATTRIBUTE_TYPES = ['S', 'N', 'B', 'BOOL', 'NULL', 'SS', 'NS', 'BS', 'L', 'M'] as const;
export type AttributeTypeName = (typeof ATTRIBUTE_TYPES)[number];
export const KEY_TYPES = ['S', 'N', 'B'] as const;
export type KeyTypeName = (typeof KEY_TYPES)[number];
