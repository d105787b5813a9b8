import { z } from 'zod';
import type { AttributeValue } from './attribute-value.js';

/**
 * The zod schemas of typed values, apart from the types in attribute-value.ts: the model checks import those types
 * and helpers, and so stay free of zod in the renderer's first bundle (zod loads with the screens that parse input).
 */
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
