import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AttributeValue, Item } from '../../shared/model/attribute-value.js';
import type { Model } from '../../shared/model/schema.js';
import { ERROR_CODES } from '../../shared/errors/error-codes.js';
import { createInProcessClient } from '../../electron/backend/api/in-process-client.js';
import { SHOP_MODEL, createShopTable } from '../operations/shop-model.js';
import { startApiTestEngine, type ApiTestEngine } from '../support/api-engine.js';

/**
 * A property suite over the api contract: random items, parameters and models go through the one door
 * (validate → request → engine → read back) and must come back byte for byte; whatever is refused is refused with a
 * code from the closed set and a message, never INTERNAL. Bounded for `npm test`; deeper runs:
 * FUZZ_RUNS=2000 FUZZ_SEED=n npx vitest run test/faults/contract-fuzz.test.ts
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 60);
const SEED = Number(process.env.FUZZ_SEED ?? 20261207);
const settings = { numRuns: RUNS, seed: SEED, endOnFailure: true };

const api = createInProcessClient();
let engine: ApiTestEngine;
let serial = 0;

beforeAll(async () => {
  engine = await startApiTestEngine(api);
  await createShopTable(engine.client);
});
afterAll(async () => engine?.stop());

// ── arbitraries ────────────────────────────────────────────────────────────────────────────────────────────────

const text = fc.string({ unit: 'grapheme', maxLength: 40 });
/** DynamoDB numbers in the canonical text DynamoDB returns: up to 38 significant digits, no redundant zeros. */
const number = fc
  .tuple(
    fc.boolean(),
    fc.oneof(fc.constant('0'), fc.stringMatching(/^[1-9][0-9]{0,19}$/)),
    fc.option(fc.stringMatching(/^[0-9]{0,17}[1-9]$/), { nil: undefined }),
  )
  .map(([negative, int, fraction]) => {
    const body = fraction === undefined ? int : `${int}.${fraction}`;
    return body === '0' ? '0' : `${negative ? '-' : ''}${body}`;
  });
const bytes = fc.uint8Array({ minLength: 1, maxLength: 32 }).map((b) => Buffer.from(b).toString('base64'));
const uniqueSet = <T>(arb: fc.Arbitrary<T>) => fc.uniqueArray(arb, { minLength: 1, maxLength: 5 });
/**
 * Attribute names: any text DynamoDB allows (1+ characters), but not the table's key names, nor the three names the
 * contract's input guard refuses everywhere (`__proto__`, `constructor`, `prototype`: FORBIDDEN_KEY, a clear refusal).
 */
const attributeName = fc
  .string({ unit: 'grapheme', minLength: 1, maxLength: 12 })
  .filter((n) => !['pk', 'sk', 'gsi1pk', 'gsi1sk', 'total', '__proto__', 'constructor', 'prototype'].includes(n));

const { value: attributeValue } = fc.letrec<{ value: AttributeValue }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    text.map((S) => ({ S })),
    number.map((N) => ({ N })),
    bytes.map((B) => ({ B })),
    fc.boolean().map((BOOL) => ({ BOOL })),
    fc.constant({ NULL: true as const }),
    uniqueSet(text).map((SS) => ({ SS })),
    uniqueSet(number).map((NS) => ({ NS })),
    uniqueSet(bytes).map((BS) => ({ BS })),
    fc.array(tie('value'), { maxLength: 4 }).map((L) => ({ L })),
    fc.dictionary(attributeName, tie('value'), { maxKeys: 4 }).map((M) => ({ M })),
  ),
}));

const keyText = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 60 });
const item = fc
  .tuple(keyText, keyText, fc.dictionary(attributeName, attributeValue, { maxKeys: 6 }))
  .map(([pk, sk, rest]): Item => ({ ...rest, pk: { S: `${++serial}#${pk}` }, sk: { S: sk } }));

/** Sets come back in the engine's order; everything else must be identical. */
function normalize(value: AttributeValue): AttributeValue {
  if ('SS' in value) return { SS: [...value.SS].sort() };
  if ('NS' in value) return { NS: [...value.NS].sort() };
  if ('BS' in value) return { BS: [...value.BS].sort() };
  if ('L' in value) return { L: value.L.map(normalize) };
  if ('M' in value) return { M: Object.fromEntries(Object.entries(value.M).map(([k, v]) => [k, normalize(v)])) };
  return value;
}
const normalizeItem = (i: Item): Item => Object.fromEntries(Object.entries(i).map(([k, v]) => [k, normalize(v)]));

function expectClearRefusal(result: { ok: boolean; error?: { code: string; message: string } }, what: string): void {
  if (result.ok) return;
  expect(ERROR_CODES, what).toContain(result.error!.code);
  expect(result.error!.code, `${what}: ${result.error!.message}`).not.toBe('INTERNAL');
  expect(result.error!.message.length, what).toBeGreaterThan(10);
}

async function read(key: Item): Promise<Item | undefined> {
  const got = await api.call('operation.run', {
    connectionId: engine.connectionId,
    operation: 'GetItem',
    input: { TableName: 'Shop', Key: { pk: key['pk']!, sk: key['sk']! }, ConsistentRead: true },
  });
  if (!got.ok) throw new Error(got.error.message);
  return got.value.items[0];
}

// ── properties ────────────────────────────────────────────────────────────────────────────────────────────────

describe('contract fuzz: values through the one door come back exactly', () => {
  it('PutItem → GetItem: any well-formed item is stored and read back value for value', async () => {
    await fc.assert(
      fc.asyncProperty(item, async (written) => {
        const put = await api.call('operation.run', {
          connectionId: engine.connectionId,
          operation: 'PutItem',
          input: { TableName: 'Shop', Item: written },
        });
        if (!put.ok) throw new Error(`${put.error.code}: ${put.error.message}`);
        expect(normalizeItem((await read(written))!)).toEqual(normalizeItem(written));
      }),
      settings,
    );
  });

  it('item.writeBatch (imports, bulk edits) stores a batch of random items exactly', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(item, { minLength: 1, maxLength: 30 }), async (items) => {
        const written = await api.call('item.writeBatch', {
          connectionId: engine.connectionId,
          table: 'Shop',
          puts: items,
        });
        if (!written.ok) throw new Error(`${written.error.code}: ${written.error.message}`);
        expect(written.value).toMatchObject({ put: items.length, failed: 0 });
        for (const i of items) expect(normalizeItem((await read(i))!)).toEqual(normalizeItem(i));
      }),
      { ...settings, numRuns: Math.max(5, Math.floor(RUNS / 6)) },
    );
  });

  it('pattern parameters (text, numbers of up to 38 digits) are stored exactly by a put pattern', async () => {
    await fc.assert(
      fc.asyncProperty(keyText, keyText, text, text, number, async (customer, order, status, created, total) => {
        const params = { customer_id: `${++serial}${customer}`, order_id: order, status, created_at: created, total };
        const result = await api.call('operation.runPattern', {
          connectionId: engine.connectionId,
          model: SHOP_MODEL,
          pattern: 'put-order',
          params,
        });
        if (!result.ok) {
          // An empty rendered GSI key, for instance, is DynamoDB's refusal: clear, never INTERNAL.
          expectClearRefusal(result, 'put-order');
          return;
        }
        const stored = await read({ pk: { S: `CUST#${params.customer_id}` }, sk: { S: `ORDER#${order}` } });
        expect(stored).toMatchObject({ status: { S: status }, created_at: { S: created }, total: { N: total } });
      }),
      settings,
    );
  });

  it('map and list parameters given as JSON keep every digit of every number', async () => {
    const jsonNumber = fc.stringMatching(/^-?[1-9][0-9]{0,37}$/);
    await fc.assert(
      fc.asyncProperty(fc.array(jsonNumber, { minLength: 1, maxLength: 6 }), async (numbers) => {
        const model: Model = {
          ...SHOP_MODEL,
          tables: [
            {
              ...SHOP_MODEL.tables[0]!,
              entities: [
                {
                  ...SHOP_MODEL.tables[0]!.entities[0]!,
                  attributes: [...SHOP_MODEL.tables[0]!.entities[0]!.attributes, { name: 'doc', type: 'M' }],
                },
              ],
              accessPatterns: [
                {
                  name: 'put-doc',
                  entity: 'Order',
                  kind: 'put',
                  parameters: ['customer_id', 'order_id', 'status', 'created_at', 'total', 'doc'].map((name) => ({
                    name,
                  })),
                },
              ],
            },
          ],
        };
        const customer = `doc${++serial}`;
        const doc = `{"list":[${numbers.join(',')}],"first":${numbers[0]}}`;
        const result = await api.call('operation.runPattern', {
          connectionId: engine.connectionId,
          model,
          pattern: 'put-doc',
          params: { customer_id: customer, order_id: '1', status: 's', created_at: 'c', total: '1', doc },
        });
        if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
        const stored = await read({ pk: { S: `CUST#${customer}` }, sk: { S: 'ORDER#1' } });
        expect(stored?.['doc']).toEqual({ M: { list: { L: numbers.map((N) => ({ N })) }, first: { N: numbers[0]! } } });
      }),
      settings,
    );
  });
});

// ── refusals ──────────────────────────────────────────────────────────────────────────────────────────────────

const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    { N: '' },
    { N: 'NaN' },
    { N: '1e999' },
    { N: '123456789012345678901234567890123456789' },
    { B: 'not base64!' },
    { B: 'aGVsbG8' },
    { SS: [] },
    { NS: ['1', '1'] },
    { NS: ['x'] },
    { BS: ['%%%%'] },
    { S: 1 },
    { X: 'y' },
    { S: 'a', N: '1' },
    {},
    null,
    'plain',
    { L: [{ N: 'nope' }] },
    { M: { a: { B: '@@' } } },
  ),
  fc.string({ maxLength: 8 }).map((S) => ({ S: { S } })),
);

describe('contract fuzz: every refusal is a clear error with a code, never INTERNAL', () => {
  it('PutItem with a malformed value anywhere', async () => {
    await fc.assert(
      fc.asyncProperty(item, attributeName, hostileValue, async (base, name, bad) => {
        const result = await api.call('operation.run', {
          connectionId: engine.connectionId,
          operation: 'PutItem',
          input: { TableName: 'Shop', Item: { ...base, [name]: bad } },
        });
        expect(result.ok, JSON.stringify(bad)).toBe(false);
        expectClearRefusal(result, JSON.stringify(bad));
        expect(await read(base)).toBeUndefined();
      }),
      settings,
    );
  });

  it('keys over the UTF-8 limits, empty keys and oversize items, on every write verb', async () => {
    const oversizeKey = fc.oneof(
      fc.integer({ min: 683, max: 900 }).map((n) => ({ pk: { S: '€'.repeat(n) }, sk: { S: 's' } })), // > 2,048 bytes
      fc.integer({ min: 342, max: 600 }).map((n) => ({ pk: { S: 'p' }, sk: { S: '€'.repeat(n) } })), // > 1,024 bytes
      fc.constant({ pk: { S: '' }, sk: { S: 's' } }),
      fc.constant({ pk: { S: 'p' }, sk: { S: '' } }),
    );
    const verb = fc.constantFrom('PutItem', 'UpdateItem', 'DeleteItem', 'batch');
    await fc.assert(
      fc.asyncProperty(oversizeKey, verb, async (key, op) => {
        const result =
          op === 'batch'
            ? await api.call('item.writeBatch', { connectionId: engine.connectionId, table: 'Shop', puts: [key] })
            : await api.call('operation.run', {
                connectionId: engine.connectionId,
                operation: op,
                input: {
                  TableName: 'Shop',
                  ...(op === 'PutItem' ? { Item: key } : { Key: key }),
                  ...(op === 'UpdateItem' && {
                    UpdateExpression: 'SET a = :a',
                    ExpressionAttributeValues: { ':a': { S: 'x' } },
                  }),
                },
              });
        expect(result.ok, op).toBe(false);
        expectClearRefusal(result, op);
      }),
      settings,
    );
  });

  it('random edits to a model: validate, patterns, requests and exports answer or refuse clearly', async () => {
    const edit = fc.record({
      table: fc.string({ maxLength: 300 }),
      entity: fc.string({ maxLength: 20 }),
      key: fc.string({ maxLength: 30 }),
      attribute: fc.string({ maxLength: 20 }),
      type: fc.constantFrom('S', 'N', 'B', 'BOOL', 'M', 'L', 'SS', 'NS', 'BS', 'NULL'),
      param: fc.string({ maxLength: 50 }),
    });
    await fc.assert(
      fc.asyncProperty(edit, async (e) => {
        const table = SHOP_MODEL.tables[0]!;
        const entity = table.entities[0]!;
        const model = {
          ...SHOP_MODEL,
          tables: [
            {
              ...table,
              name: e.table,
              entities: [
                {
                  ...entity,
                  name: e.entity,
                  keys: { ...entity.keys, sk: e.key },
                  attributes: [...entity.attributes, { name: e.attribute, type: e.type }],
                },
              ],
              accessPatterns: table.accessPatterns.map((p) => ({ ...p, entity: e.entity })),
            },
          ],
        } as Model;
        const calls = [
          await api.call('model.validate', { model }),
          await api.call('model.patterns', { model }),
          await api.call('model.export', { model, format: 'create-table' }),
          await api.call('model.request', {
            model,
            pattern: 'get-order',
            params: { customer_id: e.param, order_id: e.param },
          }),
        ];
        calls.forEach((c, i) => expectClearRefusal(c as never, `call ${i} with ${JSON.stringify(e)}`));
      }),
      settings,
    );
  });
});
