import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineMethods } from '../../../shared/api/define.js';
import { MonotableError } from '../../../shared/errors/monotable-error.js';
import { modelFromValue } from '../../../shared/model/parse-model.js';
import { ModelSchema, type Model } from '../../../shared/model/schema.js';
import { createDispatcher } from './dispatcher.js';
import type { Handlers } from './handler.js';

const table = defineMethods({
  'demo.echo': { summary: 'echo', input: z.strictObject({ n: z.number() }), output: z.strictObject({ n: z.number() }) },
  'demo.progress': {
    summary: 'events',
    input: z.strictObject({ bad: z.boolean() }),
    output: z.strictObject({ done: z.literal(true) }),
    events: z.strictObject({ step: z.number() }),
  },
  'demo.broken': { summary: 'broken output', input: z.strictObject({}), output: z.strictObject({ n: z.number() }) },
  'demo.throws': {
    summary: 'throws',
    input: z.strictObject({ kind: z.enum(['monotable', 'other', 'odd-details']) }),
    output: z.strictObject({}),
  },
  'demo.late': {
    summary: 'emits after returning',
    input: z.strictObject({}),
    output: z.strictObject({}),
    events: z.strictObject({ step: z.number() }),
  },
  'demo.model': {
    summary: 'returns a model',
    input: z.strictObject({ made: z.enum(['parsed', 'by-hand', 'broken', 'extra-field']) }),
    output: z.strictObject({ model: ModelSchema }),
  },
});

const MODEL_VALUE: Model = { format: 'monotable/1', name: 'demo', tables: [] };
let returnedModel: Model | undefined;

let lateEmit: ((event: { step: number }) => void) | undefined;

const handlers: Handlers<typeof table> = {
  async 'demo.echo'({ n }) {
    return { n };
  },
  async 'demo.progress'({ bad }, ctx) {
    ctx.emit({ step: 1 });
    if (bad) (ctx.emit as (e: unknown) => void)({ step: 'two' });
    return { done: true };
  },
  async 'demo.broken'() {
    return { n: 'not a number' } as unknown as { n: number };
  },
  async 'demo.throws'({ kind }) {
    if (kind === 'monotable') throw new MonotableError('NOT_FOUND', 'no such thing', { hint: 'look elsewhere' });
    if (kind === 'odd-details') {
      const circular: Record<string, unknown> = {};
      circular.self = circular;
      throw new MonotableError('VALIDATION', 'odd', { hint: 'h', circular, big: 10n, when: new Date(0), fn: () => 1 });
    }
    throw new Error('secret /home/user/.aws/credentials detail');
  },
  async 'demo.model'({ made }) {
    const model = made === 'parsed' ? modelFromValue(structuredClone(MODEL_VALUE)) : structuredClone(MODEL_VALUE);
    returnedModel = model;
    if (made === 'broken') return { model: { ...model, tables: 'none' } } as unknown as { model: Model };
    if (made === 'extra-field') return { model, extra: 1 } as unknown as { model: Model };
    return { model };
  },
  async 'demo.late'(_input, ctx) {
    lateEmit = (e) => ctx.emit(e);
    return {};
  },
};

const logged: string[] = [];
const dispatch = createDispatcher(table, handlers, (message) => logged.push(message));
const ctx = (events: unknown[] = []) => ({
  signal: new AbortController().signal,
  emit: (e: unknown) => events.push(e),
});

describe('createDispatcher', () => {
  it('passes parsed input and returns the value', async () => {
    expect(await dispatch('demo.echo', { n: 3 }, ctx())).toEqual({ ok: true, value: { n: 3 } });
  });
  it('delivers valid events and turns invalid ones into INTERNAL', async () => {
    const events: unknown[] = [];
    expect(await dispatch('demo.progress', { bad: false }, ctx(events))).toEqual({ ok: true, value: { done: true } });
    expect(events).toEqual([{ step: 1 }]);
    const bad = await dispatch('demo.progress', { bad: true }, ctx());
    expect(bad).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });
  it('checks handler output against the contract', async () => {
    expect(await dispatch('demo.broken', {}, ctx())).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(logged.some((m) => m.includes('demo.broken'))).toBe(true);
  });
  it('passes a model ModelSchema produced as it is, and parses any other model and the rest of the output', async () => {
    const parsed = await dispatch('demo.model', { made: 'parsed' }, ctx());
    expect(parsed).toEqual({ ok: true, value: { model: MODEL_VALUE } });
    // the same object: not parsed (and so not copied) a second time
    expect(parsed.ok && (parsed.value as { model: Model }).model).toBe(returnedModel);
    const byHand = await dispatch('demo.model', { made: 'by-hand' }, ctx());
    expect(byHand).toEqual({ ok: true, value: { model: MODEL_VALUE } });
    expect(byHand.ok && (byHand.value as { model: Model }).model).not.toBe(returnedModel);
    expect(await dispatch('demo.model', { made: 'broken' }, ctx())).toMatchObject({
      ok: false,
      error: { code: 'INTERNAL' },
    });
    expect(await dispatch('demo.model', { made: 'extra-field' }, ctx())).toMatchObject({
      ok: false,
      error: { code: 'INTERNAL' },
    });
  });
  it('maps MonotableError to its code and hides other exceptions', async () => {
    expect(await dispatch('demo.throws', { kind: 'monotable' }, ctx())).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'no such thing', details: { hint: 'look elsewhere' } },
    });
    const other = await dispatch('demo.throws', { kind: 'other' }, ctx());
    expect(other).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(other)).not.toContain('credentials');
  });
  it('lists every issue with its path', async () => {
    const result = await dispatch('demo.echo', { n: 'x', extra: 1 }, ctx());
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('BAD_INPUT');
    expect((result.error.details.issues as { path: string }[]).map((i) => i.path).sort()).toEqual(['$', '$.n']);
  });
  it('error details cross as plain JSON: circular and BigInt values dropped, dates as text', async () => {
    const result = await dispatch('demo.throws', { kind: 'odd-details' }, ctx());
    expect(result).toEqual({
      ok: false,
      error: { code: 'VALIDATION', message: 'odd', details: { hint: 'h', when: '1970-01-01T00:00:00.000Z' } },
    });
  });
  it('events emitted after the result are dropped', async () => {
    const events: unknown[] = [];
    expect(await dispatch('demo.late', {}, ctx(events))).toEqual({ ok: true, value: {} });
    lateEmit!({ step: 9 });
    expect(events).toEqual([]);
  });
});
