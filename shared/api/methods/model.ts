import { z } from 'zod';
import { EXPORT_FORMATS } from '../../formats/export.js';
import { MAX_FILE_BYTES } from '../../model/safe-json.js';
import { ModelSchema } from '../../model/schema.js';
import { defineMethods } from '../define.js';
import { DiagnosticListSchema, EmptyInputSchema } from '../common-schemas.js';
import {
  EstimateRatesSchema,
  EstimateSchema,
  IndexPartitionsSchema,
  OperationRequestSchema,
  ParameterValuesSchema,
  PreviewResultSchema,
  ResolvedPatternSchema,
} from '../pattern-schemas.js';

const TemplateInfoSchema = z.strictObject({ name: z.string(), title: z.string(), description: z.string() });
const FileText = z.string().max(MAX_FILE_BYTES);

/** The model area: everything about a model that needs no engine. */
export const modelMethods = defineMethods({
  'model.parse': {
    summary: 'Parse the text of a Monotable model file (safe JSON + schema); errors carry the file and JSON path.',
    input: z.strictObject({ text: FileText, file: z.string().optional() }),
    output: z.strictObject({ model: ModelSchema }),
  },
  'model.import': {
    summary: 'Read a Monotable model, a NoSQL Workbench file or a CloudFormation template (detected by content).',
    input: z.strictObject({ text: FileText, file: z.string().optional() }),
    output: z.strictObject({
      model: ModelSchema,
      kind: z.enum(['monotable', 'workbench', 'cloudformation']),
      notes: DiagnosticListSchema,
    }),
  },
  'model.validate': {
    summary: 'Every finding of the validator: DynamoDB limits, consistency, design lints.',
    input: z.strictObject({ model: ModelSchema }),
    output: z.strictObject({ diagnostics: DiagnosticListSchema }),
  },
  'model.patterns': {
    summary: 'Each access pattern resolved to the operation that serves it.',
    input: z.strictObject({ model: ModelSchema }),
    output: z.strictObject({ patterns: z.array(ResolvedPatternSchema) }),
  },
  'model.request': {
    summary: 'The exact low-level DynamoDB request a pattern sends for these parameter values.',
    input: z.strictObject({ model: ModelSchema, pattern: z.string().min(1), params: ParameterValuesSchema }),
    output: z.strictObject({ request: OperationRequestSchema }),
  },
  'model.export': {
    summary:
      'The model as CreateTable JSON, CloudFormation, Workbench or code; `timeToLive` is the second create-table document.',
    input: z.strictObject({ model: ModelSchema, format: z.enum(EXPORT_FORMATS), table: z.string().min(1).optional() }),
    output: z.strictObject({ text: z.string(), timeToLive: z.string().optional() }),
  },
  'model.preview': {
    summary:
      "A pattern run over the model's sample items with DynamoDB semantics; missing parameters use their examples.",
    input: z.strictObject({ model: ModelSchema, pattern: z.string().min(1), params: ParameterValuesSchema.optional() }),
    output: z.strictObject({ preview: PreviewResultSchema }),
  },
  'model.estimate': {
    summary:
      "What the model costs to run: item sizes per entity, read/write units per pattern (GSI writes included) and per month, monthly cost with the price table's date.",
    input: z.strictObject({ model: ModelSchema, ...EstimateRatesSchema }),
    output: z.strictObject({ estimate: EstimateSchema }),
  },
  'model.indexItems': {
    summary: "The sample items as a table or index holds them (only items with that index's keys), by partition.",
    input: z.strictObject({ model: ModelSchema, table: z.string().min(1), index: z.string().min(1).optional() }),
    output: z.strictObject({ partitions: IndexPartitionsSchema }),
  },
  'model.serialize': {
    summary: 'The model file text, written deterministically (stable order, 2-space indent, trailing newline).',
    input: z.strictObject({ model: ModelSchema }),
    output: z.strictObject({ text: z.string() }),
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
