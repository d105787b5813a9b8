import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateTypeScript } from '../../shared/formats/code/typescript.js';
import { camelCase, uniqueNames } from '../../shared/formats/code/names.js';
import { parameterInfos, type AttributeKind } from '../../shared/formats/code/parameter-kinds.js';
import type { Model } from '../../shared/model/schema.js';
import { buildBatchGetRequest, buildRequest } from '../../shared/patterns/build-request.js';
import { resolveAll } from '../../shared/patterns/resolve.js';
import { hasErrors } from '../../shared/model/diagnostic.js';
import { TEMPLATES } from '../../shared/templates/index.js';
import { codegenFolder, compileTypeScript } from './compile-generated.js';
import { edgeCaseModel } from './edge-case-model.js';

/**
 * Every generated TypeScript function, run through the real SDK (DynamoDBDocumentClient's marshalling included), must
 * send exactly the low-level request Monotable's buildRequest builds. The request is taken at the SDK's build step and
 * answered there, so transactions, which the embedded engine lacks, are checked too.
 */
const MODELS: Model[] = [...TEMPLATES.map((t) => t.model), edgeCaseModel];
const modules = new Map<string, Record<string, unknown>>();

beforeAll(async () => {
  const folder = codegenFolder('ts-requests');
  const { status, output } = compileTypeScript(
    folder,
    Object.fromEntries(MODELS.map((m) => [`${m.name}.ts`, generateTypeScript(m)])),
  );
  if (status !== 0) throw new Error(`generated TypeScript does not compile:\n${output}`);
  for (const m of MODELS)
    modules.set(
      m.name,
      (await import(pathToFileURL(join(folder, 'out', `${m.name}.js`)).href)) as Record<string, unknown>,
    );
}, 60_000);

const VALUES: Record<AttributeKind, { text: string; native: unknown }> = {
  S: { text: 'text', native: 'text' },
  N: { text: '42', native: 42 },
  B: { text: 'aGk=', native: new Uint8Array([104, 105]) },
  BOOL: { text: 'true', native: true },
  NULL: { text: 'null', native: null },
  SS: { text: '["blue","red"]', native: new Set(['blue', 'red']) },
  NS: { text: '[1,2]', native: new Set([1, 2]) },
  BS: { text: '["aGk="]', native: new Set([new Uint8Array([104, 105])]) },
  L: { text: '[]', native: [] },
  M: { text: '{"a":"b"}', native: { a: 'b' } },
};

/** Binary as base64, as buildRequest writes it. */
function normalize(value: unknown): unknown {
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  if (Array.isArray(value)) return value.map(normalize);
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k, normalize(v)]),
    );
  return value;
}

function recordingClient(
  mod: Record<string, unknown>,
  sent: Array<{ operation: string; input: unknown }>,
): { destroy(): void } {
  const client = (mod.createDocumentClient as (config: unknown) => DynamoDBClient)({
    region: 'us-east-1',
    endpoint: 'http://127.0.0.1:9',
    credentials: { accessKeyId: 'k', secretAccessKey: 's' },
  });
  client.middlewareStack.add(
    (_next, context) => async (args) => {
      sent.push({ operation: String(context.commandName).replace(/Command$/, ''), input: normalize(args.input) });
      return { output: { $metadata: {} } as never, response: {} };
    },
    { step: 'build', name: 'recordRequest' },
  );
  return client;
}

describe('generated TypeScript requests', () => {
  it.each(MODELS.map((m) => [m.name, m] as const))(
    '%s: every function sends the request buildRequest builds',
    async (_name, model) => {
      const mod = modules.get(model.name)!;
      const sent: Array<{ operation: string; input: unknown }> = [];
      const client = recordingClient(mod, sent);
      const all = resolveAll(model);
      const functionNames = uniqueNames(['createDocumentClient', ...all.map((p) => p.name)], camelCase).slice(1);
      const expected: unknown[] = [];
      for (const [i, resolved] of all.entries()) {
        if (hasErrors(resolved.diagnostics)) continue;
        const infos = parameterInfos(resolved);
        const propertyNames = uniqueNames(
          infos.map((info) => info.parameter.name),
          camelCase,
        );
        const text = Object.fromEntries(infos.map((info) => [info.parameter.name, VALUES[info.kind].text]));
        const native = Object.fromEntries(infos.map((info, j) => [propertyNames[j]!, VALUES[info.kind].native]));
        const fn = mod[functionNames[i]!] as (client: unknown, ...args: unknown[]) => Promise<unknown>;
        if (resolved.operation === 'BatchGetItem') {
          await fn(client, [native]);
          expected.push(buildBatchGetRequest(resolved, [text]));
        } else {
          await fn(client, native);
          const request = buildRequest(resolved, text);
          if (request.operation === 'UpdateItem') request.input['ReturnValues'] = 'ALL_NEW';
          expected.push(request);
        }
      }
      client.destroy();
      expect(sent.length).toBe(all.filter((p) => !hasErrors(p.diagnostics)).length);
      expect(sent).toEqual(expected);
    },
  );
});
