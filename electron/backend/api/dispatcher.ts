import { z } from 'zod';
import { contract } from '../../../shared/api/contract.js';
import type { ApiError, Envelope, MethodSpec, MethodTable } from '../../../shared/api/define.js';
import { assertSafeInput } from '../../../shared/api/input-guard.js';
import { isSchemaParsedModel } from '../../../shared/model/parse-model.js';
import { ModelSchema } from '../../../shared/model/schema.js';
import { describeZodIssues } from '../../../shared/model/zod-issues.js';
import { MonotableError, isMonotableError } from '../../../shared/errors/monotable-error.js';
import type { Handler, HandlerContext, Handlers } from './handler.js';
import { handlers } from './handlers/index.js';

export type Dispatch = (method: string, rawInput: unknown, ctx: HandlerContext) => Promise<Envelope<unknown>>;

/** Details as plain JSON (what every transport can carry): values JSON cannot hold are dropped. */
function plainDetails(details: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(details)) {
    try {
      const json = JSON.stringify(value);
      if (json !== undefined) out[key] = JSON.parse(json) as unknown;
    } catch {
      // circular or BigInt: not part of the error's wire form
    }
  }
  return out;
}

function toApiError(error: MonotableError): ApiError {
  return { code: error.code, message: error.message, details: plainDetails(error.details) };
}

function badInput(method: string, issues: { path: string; message: string }[]): MonotableError {
  const first = issues[0] ?? { path: '$', message: 'invalid' };
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
  return new MonotableError('BAD_INPUT', `Invalid input for ${method}: ${first.path}: ${first.message}${more}`, {
    path: first.path,
    issues,
    hint: `Send the fields the contract declares for ${method} (shared/api/methods).`,
  });
}

/** Internal failures cross the boundary without stack or message text that could leak paths or secrets. */
function internal(method: string, reason: string): ApiError {
  return {
    code: 'INTERNAL',
    message: `${method} failed unexpectedly (${reason}).`,
    details: { hint: 'This is a bug in Monotable; the backend log has the details.' },
  };
}

/** A model ModelSchema itself produced (modelFromValue) passes as it is; any other value is parsed by ModelSchema. */
const ModelOutputSchema = z.union([z.custom<z.output<typeof ModelSchema>>(isSchemaParsedModel), ModelSchema]);

/**
 * The schema a method's output is checked with. One rule: a top-level output field declared as `ModelSchema` accepts
 * a model that `modelFromValue` returned without parsing it again (the same schema already made it; models are never
 * mutated after parsing), so `model.open` of a 10,000-item model pays for one zod parse, not two. A model built any
 * other way (the Workbench and CloudFormation importers, a template) is checked in full, as is every other field.
 */
function outputSchemaOf(spec: MethodSpec): z.ZodType {
  const output = spec.output;
  if (!(output instanceof z.ZodObject)) return output;
  const shape = output.shape as Record<string, z.ZodType>;
  const models = Object.keys(shape).filter((key) => shape[key] === ModelSchema);
  if (models.length === 0) return output;
  return output.extend(Object.fromEntries(models.map((key) => [key, ModelOutputSchema])));
}

/**
 * The one dispatcher: unknown method → BAD_INPUT; hostile structure (`__proto__`, absurd nesting) refused;
 * input parsed by the method's zod schema (issues carry JSON paths); the handler runs with the caller's signal;
 * its output is checked against the contract; MonotableError → `{ ok: false, error }`, anything else → INTERNAL.
 */
export function createDispatcher<T extends MethodTable>(
  contract: T,
  handlers: Handlers<T>,
  log: (message: string, error: unknown) => void = () => {},
): Dispatch {
  const outputSchemas = new Map<string, z.ZodType>();
  return async (method, rawInput, ctx) => {
    if (typeof method !== 'string' || !Object.hasOwn(contract, method) || !Object.hasOwn(handlers, method)) {
      const error = new MonotableError('BAD_INPUT', `Unknown api method "${String(method)}".`, {
        hint: 'Call one of the methods of the contract (shared/api/contract.ts), e.g. "model.validate".',
      });
      return { ok: false, error: toApiError(error) };
    }
    const spec = contract[method]!;
    const handler = handlers[method] as Handler<typeof spec>;
    try {
      if (ctx.signal.aborted) throw new MonotableError('CANCELLED', `${method} was cancelled before it started.`, {});
      assertSafeInput(rawInput);
      const parsed = spec.input.safeParse(rawInput);
      if (!parsed.success) throw badInput(method, describeZodIssues(parsed.error));
      let badEvent: string | undefined;
      let finished = false;
      const emit = (event: unknown): unknown => {
        if (finished) return; // an event after the result would arrive after the envelope: dropped
        const checked = spec.events?.safeParse(event);
        if (!checked?.success) {
          badEvent = spec.events
            ? 'an event that does not match the contract'
            : 'an event from a method without events';
          return;
        }
        return ctx.emit(checked.data);
      };
      const result = await handler(parsed.data, {
        signal: ctx.signal,
        emit,
        ...(ctx.files ? { files: ctx.files } : {}),
      }).finally(() => {
        finished = true;
      });
      if (badEvent) {
        log(`${method} emitted ${badEvent}`, undefined);
        return { ok: false, error: internal(method, `it emitted ${badEvent}`) };
      }
      let outputSchema = outputSchemas.get(method);
      if (!outputSchema) outputSchemas.set(method, (outputSchema = outputSchemaOf(spec)));
      const output = outputSchema.safeParse(result);
      if (!output.success) {
        log(`${method} returned output that does not match the contract`, describeZodIssues(output.error));
        return { ok: false, error: internal(method, 'its result does not match the contract') };
      }
      return { ok: true, value: output.data };
    } catch (error) {
      if (isMonotableError(error)) return { ok: false, error: toApiError(error) };
      if (ctx.signal.aborted) {
        return { ok: false, error: { code: 'CANCELLED', message: `${method} was cancelled.`, details: {} } };
      }
      log(`${method} threw`, error);
      return { ok: false, error: internal(method, 'an unexpected exception') };
    }
  };
}

/** The backend's dispatcher over the whole contract; unexpected exceptions are logged here, never returned. */
export const dispatch: Dispatch = createDispatcher(contract, handlers, (message, error) => {
  console.error(`[monotable api] ${message}`, error);
});
