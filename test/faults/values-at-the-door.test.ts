import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Item } from '../../shared/model/attribute-value.js';
import type { Model } from '../../shared/model/schema.js';
import { serializeModel } from '../../shared/model/serialize-model.js';
import { createInProcessClient } from '../../electron/backend/api/in-process-client.js';
import { BIG, SHOP_MODEL, createShopTable, order } from '../operations/shop-model.js';
import { startApiTestEngine, type ApiTestEngine } from '../support/api-engine.js';
import { tempFolder } from '../support/temp-folder.js';

/**
 * §1 of the guards issue at the one door: values arrive exactly as given, and every write path checks DynamoDB's
 * UTF-8 byte limits before sending (the embedded engine counts characters and would accept up to 3× more).
 */
const api = createInProcessClient();
let engine: ApiTestEngine;
const cjk = (n: number) => '漢'.repeat(n); // 3 bytes each in UTF-8, 1 character for the engine

beforeAll(async () => {
  engine = await startApiTestEngine(api);
  await createShopTable(engine.client);
});
afterAll(async () => engine?.stop());

async function stored(pk: string, sk: string): Promise<Item | undefined> {
  const got = await api.call('operation.run', {
    connectionId: engine.connectionId,
    operation: 'GetItem',
    input: { TableName: 'Shop', Key: { pk: { S: pk }, sk: { S: sk } } },
  });
  if (!got.ok) throw new Error(got.error.message);
  return got.value.items[0];
}

const put = (item: Item) =>
  api.call('operation.run', {
    connectionId: engine.connectionId,
    operation: 'PutItem',
    input: { TableName: 'Shop', Item: item },
  });

describe('every write path checks sizes in UTF-8 bytes', () => {
  it('ad-hoc put / item edit: a 2,100-byte partition key and a 450 KB item are refused before sending', async () => {
    const longKey = { ...order('c', 1), pk: { S: cjk(700) } };
    expect(await put(longKey)).toMatchObject({ ok: false, error: { code: 'ITEM_TOO_LARGE' } });
    expect(await stored(cjk(700), 'ORDER#0001')).toBeUndefined();
    const longSort = { ...order('c', 2), sk: { S: cjk(350) } };
    expect(await put(longSort)).toMatchObject({ ok: false, error: { code: 'ITEM_TOO_LARGE' } });
    const big = { ...order('c', 3), bio: { S: cjk(150_000) } };
    expect(await put(big)).toMatchObject({ ok: false, error: { code: 'ITEM_TOO_LARGE', message: /450,\d+ bytes/ } });
    expect(await stored('CUST#c', 'ORDER#0003')).toBeUndefined();
    // the same item in ASCII under the limits is written and read back byte for byte
    expect(await put(order('c', 4))).toMatchObject({ ok: true });
    expect(await stored('CUST#c', 'ORDER#0004')).toEqual(order('c', 4));
  });

  it('update, delete and transactions check their keys; batch writes (imports, bulk edits) check every item', async () => {
    const key = { pk: { S: cjk(700) }, sk: { S: 'x' } };
    for (const operation of ['UpdateItem', 'DeleteItem'] as const) {
      const result = await api.call('operation.run', {
        connectionId: engine.connectionId,
        operation,
        input: {
          TableName: 'Shop',
          Key: key,
          ...(operation === 'UpdateItem' && {
            UpdateExpression: 'SET a = :a',
            ExpressionAttributeValues: { ':a': { S: 'x' } },
          }),
        },
      });
      expect(result, operation).toMatchObject({ ok: false, error: { code: 'ITEM_TOO_LARGE' } });
    }
    const batch = await api.call('item.writeBatch', {
      connectionId: engine.connectionId,
      table: 'Shop',
      puts: [order('b', 1), { ...order('b', 2), bio: { S: cjk(150_000) } }],
    });
    expect(batch).toMatchObject({ ok: false, error: { code: 'ITEM_TOO_LARGE', message: /Put 2 of 2/ } });
    expect(await stored('CUST#b', 'ORDER#0001')).toBeUndefined(); // refused as a whole, before the first request
  });

  it('attribute names over 64 KB and empty key values are refused', async () => {
    expect(await put({ ...order('n', 1), ['a'.repeat(65_536)]: { S: 'x' } })).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT', message: /attribute name/ },
    });
    expect(await put({ ...order('n', 2), sk: { S: '' } })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
  });

  it('a Query with an empty or over-long partition key value is refused as DynamoDB refuses it', async () => {
    for (const partition of ['', cjk(700)]) {
      const result = await api.call('operation.query', {
        connectionId: engine.connectionId,
        model: SHOP_MODEL,
        partition,
      });
      expect(result, `partition of ${partition.length} chars`).toMatchObject({
        ok: false,
        error: { code: 'BAD_INPUT' },
      });
    }
  });
});

describe('values arrive exactly as given', () => {
  it('binary values accept valid base64 only: nothing is "repaired" and written', async () => {
    for (const B of ['not base64!', 'aGVsbG8', 'aGVs bG8='])
      expect(await put({ ...order('b64', 1), raw: { B } }), B).toMatchObject({
        ok: false,
        error: { code: 'BAD_INPUT' },
      });
    expect(await stored('CUST#b64', 'ORDER#0001')).toBeUndefined();
  });

  it('a 38-digit number given as a pattern parameter is stored with every digit', async () => {
    const result = await api.call('operation.runPattern', {
      connectionId: engine.connectionId,
      model: SHOP_MODEL,
      pattern: 'put-order',
      params: { customer_id: 'p', order_id: '1', status: 'open', created_at: '2026', total: BIG },
    });
    if (!result.ok) throw new Error(result.error.message);
    expect((await stored('CUST#p', 'ORDER#1'))?.['total']).toEqual({ N: BIG });
  });

  it('bytes that are not UTF-8 in a model file are an error with the position, and the file is left as it was', async () => {
    const folder = await tempFolder('utf8');
    const file = join(folder, 'bad.monotable.json');
    const good = Buffer.from(serializeModel(SHOP_MODEL), 'utf8');
    const at = good.indexOf('"shop"') + 2;
    const bad = Buffer.concat([good.subarray(0, at), Buffer.from([0xff, 0xfe]), good.subarray(at)]);
    await writeFile(file, bad);
    const before = good.subarray(0, at).toString('utf8');
    const where = `${before.split('\n').length}:${at - before.lastIndexOf('\n')}`;
    const opened = await api.call('model.open', { path: file, remember: false });
    expect(opened).toMatchObject({
      ok: false,
      error: { code: 'FILE_UNREADABLE', message: new RegExp(`offset ${at}\\b`), details: { path: where } },
    });
    expect(Buffer.compare(await readFile(file), bad)).toBe(0);
  });

  it('an item nested 32 levels deep (DynamoDB accepts it) is accepted in a model file; 33 is a rules error', async () => {
    const nested = (levels: number) => {
      let value: Item[string] = { S: 'deep' };
      for (let i = 0; i < levels; i++) value = { M: { a: value } };
      return value;
    };
    const withSample = (levels: number): Model => {
      const table = SHOP_MODEL.tables[0]!;
      const entity = { ...table.entities[0]!, sampleItems: [{ ...order('d', 1), doc: nested(levels) }] };
      return { ...SHOP_MODEL, tables: [{ ...table, entities: [entity] }] };
    };
    const parsed = await api.call('model.parse', { text: serializeModel(withSample(32)) });
    if (!parsed.ok) throw new Error(parsed.error.message);
    const valid = await api.call('model.validate', { model: parsed.value.model });
    expect(valid.ok && valid.value.diagnostics.filter((d) => d.code === 'sample-nesting-too-deep')).toEqual([]);
    const deeper = await api.call('model.parse', { text: serializeModel(withSample(33)) });
    if (!deeper.ok) throw new Error(deeper.error.message);
    const invalid = await api.call('model.validate', { model: deeper.value.model });
    expect(invalid.ok && invalid.value.diagnostics.map((d) => d.code)).toContain('sample-nesting-too-deep');
  });

  it('a constant generator keeps all 38 digits (as number text); a JSON number the file cannot keep is refused', async () => {
    const table = SHOP_MODEL.tables[0]!;
    const entity = table.entities[0]!;
    const model: Model = {
      ...SHOP_MODEL,
      tables: [
        {
          ...table,
          entities: [
            {
              ...entity,
              seed: { count: 2 },
              attributes: entity.attributes.map((a) =>
                a.name === 'big'
                  ? { ...a, generator: { kind: 'constant', value: BIG } }
                  : a.name === 'tags'
                    ? { ...a, type: 'NS', generator: { kind: 'constant', value: [BIG, `-${BIG}e-100`] } }
                    : a,
              ),
            },
          ],
        },
      ],
    };
    const plan = await api.call('seed.plan', { model, sample: 2 });
    if (!plan.ok) throw new Error(plan.error.message);
    for (const { item } of plan.value.sample) {
      expect(item['big']).toEqual({ N: BIG });
      expect(item['tags']).toEqual({ NS: [BIG, `-${BIG}e-100`] });
    }
    const text = serializeModel(model).replace(`"value": "${BIG}"`, `"value": ${BIG}`);
    expect(text).toContain(`"value": ${BIG}`);
    expect(await api.call('model.parse', { text })).toMatchObject({
      ok: false,
      error: { code: 'PARSE_ERROR', message: /cannot be kept exactly/ },
    });
  });

  it('an empty key template and a reversed date range are validation errors, never INTERNAL at seed time', async () => {
    const table = SHOP_MODEL.tables[0]!;
    const entity = table.entities[0]!;
    const emptyKey: Model = {
      ...SHOP_MODEL,
      tables: [{ ...table, entities: [{ ...entity, keys: { ...entity.keys, sk: '' } }] }],
    };
    const v1 = await api.call('model.validate', { model: emptyKey });
    expect(v1.ok && v1.value.diagnostics.find((d) => d.code === 'key-template-empty')).toMatchObject({
      severity: 'error',
    });
    const reversed: Model = {
      ...SHOP_MODEL,
      tables: [
        {
          ...table,
          entities: [
            {
              ...entity,
              seed: { count: 3 },
              attributes: entity.attributes.map((a) =>
                a.name === 'created_at'
                  ? { ...a, generator: { kind: 'date-range', from: '2026-01-01', to: '2020-01-01' } }
                  : a,
              ),
            },
          ],
        },
      ],
    };
    const v2 = await api.call('model.validate', { model: reversed });
    expect(v2.ok && v2.value.diagnostics.find((d) => d.code === 'seed-date-range-reversed')).toMatchObject({
      severity: 'error',
    });
    const plan = await api.call('seed.plan', { model: reversed, sample: 1 });
    expect(plan).toMatchObject({ ok: false });
    expect(plan.ok || plan.error.code).not.toBe('INTERNAL');
  });

  it('sample item attribute names over 64 KB are a validation error', async () => {
    const table = SHOP_MODEL.tables[0]!;
    const entity = table.entities[0]!;
    const model: Model = {
      ...SHOP_MODEL,
      tables: [
        { ...table, entities: [{ ...entity, sampleItems: [{ ...order('s', 1), ['n'.repeat(65_536)]: { S: 'x' } }] }] },
      ],
    };
    const v = await api.call('model.validate', { model });
    expect(v.ok && v.value.diagnostics.find((d) => d.code === 'attribute-name-invalid')).toMatchObject({
      severity: 'error',
    });
  });
});
