import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract } from '../../shared/api/contract.js';
import { handlers } from '../../electron/backend/api/handlers/index.js';
import type { ApiClient } from '../../shared/api/client.js';
import { TRANSPORTS, rawCall } from './transports.js';

describe('every method has a handler', () => {
  it('contract and handler table have the same names', () => {
    expect(Object.keys(handlers).sort()).toEqual(Object.keys(contract).sort());
  });
  it('every area table in shared/api/methods is in the contract, and no two areas define the same method', async () => {
    const dir = join(import.meta.dirname, '..', '..', 'shared', 'api', 'methods');
    const seen = new Map<string, string>();
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))) {
      const area = (await import(pathToFileURL(join(dir, file)).href)) as Record<string, unknown>;
      for (const table of Object.values(area).filter(
        (v): v is Record<string, unknown> => typeof v === 'object' && v !== null,
      )) {
        for (const name of Object.keys(table).filter((k) => /^[a-z]+\./.test(k))) {
          expect(seen.get(name), `${name} is defined in ${seen.get(name)} and ${file}`).toBeUndefined();
          seen.set(name, file);
        }
      }
    }
    expect([...seen.keys()].sort()).toEqual(Object.keys(contract).sort());
  });

  it('method names are noun.verb', () => {
    for (const name of Object.keys(contract)) expect(name).toMatch(/^[a-z]+(\.[a-z][A-Za-z]*)+$/);
  });
});

describe.each(TRANSPORTS)('api contract over $name', (transport) => {
  let client: ApiClient;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ client, close } = await transport.open());
  });
  afterAll(async () => close());

  it('returns ok envelopes with the typed value', async () => {
    const list = await client.call('templates.list', {});
    expect(list.ok).toBe(true);
    if (!list.ok) return;
    expect(list.value.templates.map((t) => t.name)).toContain('cruddur-messaging');
    const one = await client.call('templates.get', { name: 'cruddur-messaging' });
    expect(one.ok && one.value.template.model.tables[0]?.name).toBe('cruddur-messages');
  });

  it('model methods: validate, patterns, request, preview, indexItems, serialize, import over the same shared functions', async () => {
    const got = await client.call('templates.get', { name: 'cruddur-messaging' });
    if (!got.ok) throw new Error(got.error.message);
    const model = got.value.template.model;
    const validated = await client.call('model.validate', { model });
    expect(validated.ok && validated.value.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const patterns = await client.call('model.patterns', { model });
    expect(patterns.ok && patterns.value.patterns.find((p) => p.name === 'find-group-rows')).toMatchObject({
      operation: 'Query',
      indexName: 'message-group-sk-index',
    });
    const request = await client.call('model.request', {
      model,
      pattern: 'list-messages',
      params: { message_group_uuid: 'g1' },
    });
    expect(request).toMatchObject({
      ok: true,
      value: {
        request: { operation: 'Query', input: { TableName: 'cruddur-messages', ScanIndexForward: false, Limit: 20 } },
      },
    });
    if (request.ok)
      expect(Object.values(request.value.request.input.ExpressionAttributeValues as object)).toContainEqual({
        S: 'MSG#g1',
      });
    const missing = await client.call('model.request', { model, pattern: 'list-messages', params: {} });
    expect(missing).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    const preview = await client.call('model.preview', { model, pattern: 'list-messages' });
    if (!preview.ok) throw new Error(preview.error.message);
    expect(preview.value.preview).toMatchObject({ pattern: 'list-messages', operation: 'Query' });
    expect(preview.value.preview.items.length).toBeGreaterThan(0);
    const gsi = await client.call('model.indexItems', {
      model,
      table: 'cruddur-messages',
      index: 'message-group-sk-index',
    });
    expect(gsi.ok && gsi.value.partitions.length).toBeGreaterThan(0);
    const noTable = await client.call('model.indexItems', { model, table: 'nope' });
    expect(noTable).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const serialized = await client.call('model.serialize', { model });
    if (!serialized.ok) throw new Error(serialized.error.message);
    const imported = await client.call('model.import', { text: serialized.value.text, file: 'c.monotable.json' });
    expect(imported).toMatchObject({
      ok: true,
      value: { kind: 'monotable', notes: [], model: { name: 'cruddur-messaging' } },
    });
  });

  it('model.export: each format as text, the TTL document separately, AMBIGUOUS without a table', async () => {
    const saas = await client.call('templates.get', { name: 'multi-tenant-saas' });
    const shop = await client.call('templates.get', { name: 'online-shop' });
    if (!saas.ok || !shop.ok) throw new Error('templates missing');
    const model = saas.value.template.model;
    const created = await client.call('model.export', { model, format: 'create-table' });
    if (!created.ok) throw new Error(created.error.message);
    expect(JSON.parse(created.value.text)).toMatchObject({ TableName: 'saas-app' });
    expect(JSON.parse(created.value.timeToLive ?? '{}')).toMatchObject({
      TimeToLiveSpecification: { AttributeName: 'expires_at', Enabled: true },
    });
    const yaml = await client.call('model.export', { model, format: 'cloudformation-yaml' });
    expect(yaml.ok && yaml.value.text).toContain('AWS::DynamoDB::Table');
    const both = { ...model, tables: [...model.tables, ...shop.value.template.model.tables] };
    const ambiguous = await client.call('model.export', { model: both, format: 'create-table' });
    expect(ambiguous).toMatchObject({ ok: false, error: { code: 'AMBIGUOUS' } });
    if (!ambiguous.ok) expect(ambiguous.error.message).toContain('online-shop');
    const badFormat = await rawCall(client, 'model.export', { model, format: 'xml' });
    expect(badFormat).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', details: { path: '$.format' } } });
  });

  it('an invalid model in the input is BAD_INPUT with the path inside the model', async () => {
    const got = await client.call('templates.get', { name: 'cruddur-messaging' });
    if (!got.ok) throw new Error(got.error.message);
    const broken = JSON.parse(JSON.stringify(got.value.template.model)) as {
      tables: { partitionKey: { type: string } }[];
    };
    broken.tables[0]!.partitionKey.type = 'BOOL';
    const result = await rawCall(client, 'model.validate', { model: broken });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT', details: { path: '$.model.tables[0].partitionKey.type' } },
    });
  });

  it('maps MonotableError to an error envelope with code, message, details', async () => {
    const missing = await client.call('templates.get', { name: 'nope' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', details: { path: '$.name' } } });
    if (!missing.ok) expect(missing.error.details.hint).toContain('cruddur-messaging');
    const parsed = await client.call('model.parse', {
      text: '{"format": "monotable/1", "name": ',
      file: 'x.monotable.json',
    });
    expect(parsed).toMatchObject({
      ok: false,
      error: { code: 'PARSE_ERROR', details: { file: 'x.monotable.json', path: '1:35' } },
    });
  });

  it('every method refuses malformed and hostile input with BAD_INPUT / FORBIDDEN_KEY, never INTERNAL', async () => {
    for (const method of Object.keys(contract)) {
      for (const input of [42, 'text', null, [], { surprise: { nested: true }, model: 7, connectionId: 3 }]) {
        const result = await rawCall(client, method, input);
        expect(result.ok, `${method} accepted ${JSON.stringify(input)}`).toBe(false);
        if (!result.ok)
          expect(result.error.code, `${method} with ${JSON.stringify(input)}: ${result.error.message}`).toBe(
            'BAD_INPUT',
          );
      }
      const hostile = await rawCall(client, method, JSON.parse('{"__proto__": {"polluted": true}}'));
      expect(hostile).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_KEY' } });
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('rejects unknown methods, including prototype names', async () => {
    for (const method of ['model.nope', '__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      const result = await rawCall(client, method, {});
      expect(result).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
      if (!result.ok) expect(result.error.message).toContain('Unknown api method');
    }
  });

  it('rejects invalid input with the JSON path of the problem', async () => {
    const wrongType = await rawCall(client, 'templates.get', { name: 42 });
    expect(wrongType).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', details: { path: '$.name' } } });
    const extra = await rawCall(client, 'templates.list', { surprise: true });
    expect(extra).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    if (!extra.ok) expect(extra.error.message).toContain('"surprise"');
    const missing = await rawCall(client, 'model.parse', undefined);
    expect(missing).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', details: { path: '$' } } });
  });

  it('refuses __proto__ payloads without polluting Object.prototype', async () => {
    const hostile = JSON.parse('{"name": "cruddur-messaging", "__proto__": {"polluted": "yes"}}') as unknown;
    const result = await rawCall(client, 'templates.get', hostile);
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_KEY', details: { path: '$.__proto__' } } });
    const nested = JSON.parse(
      '{"text": "{}", "file": "a", "x": {"constructor": {"prototype": {"polluted": 1}}}}',
    ) as unknown;
    expect(await rawCall(client, 'model.parse', nested)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_KEY' } });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses absurdly deep input instead of overflowing the stack', async () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 10_000; i++) deep = { d: deep };
    const result = await rawCall(client, 'templates.get', { name: deep });
    expect(result).toMatchObject({ ok: false, error: { code: 'NESTING_TOO_DEEP' } });
  });

  it('a hostile model text is an error envelope, never a crash', async () => {
    const text = '{"format":"monotable/1","name":"m","tables":[],"__proto__":{"polluted":true}}';
    const result = await client.call('model.parse', { text });
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_KEY' } });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reports cancellation before the handler runs', async () => {
    const controller = new AbortController();
    controller.abort();
    const result = await client.call('templates.list', {}, { signal: controller.signal });
    expect(result).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
  });

  it('error envelopes are plain JSON (they cross IPC/HTTP unchanged) and carry no stack', async () => {
    const result = await rawCall(client, 'templates.get', { name: 7 });
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
    expect(JSON.stringify(result)).not.toMatch(/\bat .*\.(ts|js):\d+/);
  });
});
