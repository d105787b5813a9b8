import { z } from 'zod';
import { MAX_FILE_BYTES } from '../../model/safe-json.js';
import { ModelSchema } from '../../model/schema.js';
import { defineMethods } from '../define.js';
import { EmptyInputSchema } from '../common-schemas.js';

const TemplateInfoSchema = z.strictObject({ name: z.string(), title: z.string(), description: z.string() });

/** The model area: everything about a model that needs no engine. */
export const modelMethods = defineMethods({
  'model.parse': {
    summary: 'Parse the text of a Monotable model file (safe JSON + schema); errors carry the file and JSON path.',
    input: z.strictObject({ text: z.string().max(MAX_FILE_BYTES), file: z.string().optional() }),
    output: z.strictObject({ model: ModelSchema }),
  },
  'templates.list': {
    summary: 'The built-in model templates (name, title, description).',
    input: EmptyInputSchema,
    output: z.strictObject({ templates: z.array(TemplateInfoSchema) }),
  },
  'templates.get': {
    summary: 'One built-in template with its model.',
    input: z.strictObject({ name: z.string().min(1) }),
    output: z.strictObject({ template: TemplateInfoSchema.extend({ model: ModelSchema }) }),
  },
});
