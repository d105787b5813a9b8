import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generatePython } from '../../shared/formats/code/python.js';
import { parameterInfos, type AttributeKind } from '../../shared/formats/code/parameter-kinds.js';
import { snakeCase, uniqueNames } from '../../shared/formats/code/names.js';
import { buildBatchGetRequest, buildRequest } from '../../shared/patterns/build-request.js';
import { resolveAll } from '../../shared/patterns/resolve.js';
import type { Model } from '../../shared/model/schema.js';
import { hasErrors } from '../../shared/model/diagnostic.js';
import { TEMPLATES } from '../../shared/templates/index.js';
import { codegenFolder } from './compile-generated.js';
import { edgeCaseModel } from './edge-case-model.js';
import { commandWorks, hasTool } from '../support/tools.js';

const cruddur = TEMPLATES.find((t) => t.name === 'cruddur-messaging')!.model;
const MODELS = [...TEMPLATES.map((t) => t.model), edgeCaseModel];

function pyCompile(source: string): { status: number | null; stderr: string } {
  const file = join(codegenFolder('py'), 'generated.py');
  writeFileSync(file, source);
  const run = spawnSync('python3', ['-m', 'py_compile', file], { encoding: 'utf8' });
  return { status: run.status, stderr: run.stderr };
}

function functionSource(source: string, name: string): string {
  const start = source.indexOf(`\ndef ${name}(`);
  expect(start, `def ${name}`).toBeGreaterThan(0);
  const end = source.indexOf('\n\n\n', start + 1);
  return source.slice(start, end < 0 ? undefined : end);
}

describe('generatePython', () => {
  it('writes list_messages as a Table.query on pk = f"MSG#{message_group_uuid}", newest first, limit 20, with paging', () => {
    const fn = functionSource(generatePython(cruddur), 'list_messages');
    expect(fn).toContain(
      'def list_messages(message_group_uuid: str, *, exclusive_start_key: dict | None = None, dynamodb=None) -> dict:',
    );
    expect(fn).toContain(
      '    """The latest 20 messages of a conversation, newest first.\n\n    Query cruddur-messages where pk = MSG#{message_group_uuid}, newest first, limit 20.',
    );
    expect(fn).toContain('"KeyConditionExpression": "#k0 = :v0"');
    expect(fn).toContain('"#k0": "pk"');
    expect(fn).toContain('":v0": f"MSG#{message_group_uuid}"');
    expect(fn).toContain('"ScanIndexForward": False');
    expect(fn).toContain('"Limit": 20');
    expect(fn).toContain('kwargs["ExclusiveStartKey"] = exclusive_start_key');
    expect(fn).toContain('.Table(TABLE_NAMES["cruddur-messages"]).query(**kwargs)');
  });

  it('renames Python keywords and leaves out a pattern with errors, saying why', () => {
    const source = generatePython(edgeCaseModel);
    expect(source).toContain('def events_by_date(name: str, class_: str, since: str,');
    expect(source).toContain('"key": f"EVT#{name}#{class_}"');
    expect(source).toContain('# broken: not generated, the pattern has errors:');
    expect(source).not.toContain('def broken(');
  });

  it('is valid Python for every template and the edge-case model (py_compile)', () => {
    for (const model of MODELS) expect(pyCompile(generatePython(model)), model.name).toEqual({ status: 0, stderr: '' });
  });

  it('fails py_compile when the code is broken (the check can fail)', () => {
    const broken = generatePython(cruddur).replace('def list_messages(', 'def list_messages((');
    expect(pyCompile(broken).status).not.toBe(0);
  });
});

const TEST_VALUES: Record<AttributeKind, { template: string; python: unknown }> = {
  S: { template: 'text', python: 'text' },
  N: { template: '42', python: '42' },
  B: { template: 'aGk=', python: 'aGk=' },
  BOOL: { template: 'true', python: true },
  NULL: { template: 'null', python: null },
  SS: { template: '["blue","red"]', python: ['blue', 'red'] },
  NS: { template: '[1,2]', python: ['1', '2'] },
  BS: { template: '["aGk="]', python: ['aGk='] },
  L: { template: '[]', python: [] },
  M: { template: '{"a":"b"}', python: { a: 'b' } },
};

/**
 * Runs every generated function (boto3 is not installable here, so against a recording stub of it) and compares the
 * request each one makes with the request Monotable's own buildRequest makes for the same parameter values.
 */
const hasPython = hasTool('python3', commandWorks('python3', ['--version']), 'apt-get install python3');

describe.runIf(hasPython)('generated Python at run time', () => {
  it.each(MODELS.map((m) => [m.name, m] as const))(
    '%s: every function sends the request buildRequest builds',
    (_name, model: Model) => {
      const folder = codegenFolder('py-run');
      const file = join(folder, 'generated.py');
      writeFileSync(file, generatePython(model));
      const patterns = resolveAll(model).filter((p) => !hasErrors(p.diagnostics));
      const functionNames = uniqueNames(
        resolveAll(model).map((p) => p.name),
        snakeCase,
      );
      const calls: unknown[] = [];
      const expected: unknown[] = [];
      for (const resolved of patterns) {
        const infos = parameterInfos(resolved);
        const values = infos.map((info) => {
          const sample = TEST_VALUES[info.kind];
          const example = info.kind === 'S' || info.kind === 'N' ? info.parameter.example : undefined;
          return {
            name: info.parameter.name,
            type: info.kind,
            template: example ?? sample.template,
            python: example ?? sample.python,
          };
        });
        const params = Object.fromEntries(values.map((v) => [v.name, v.template]));
        const fn = functionNames[resolveAll(model).findIndex((p) => p.name === resolved.name)];
        if (resolved.operation === 'BatchGetItem') {
          calls.push({
            function: fn,
            keys: [Object.fromEntries(values.map((v) => [v.name, { type: v.type, value: v.python }]))],
          });
          expected.push(buildBatchGetRequest(resolved, [params]));
        } else {
          calls.push({ function: fn, args: values.map((v) => ({ type: v.type, value: v.python })) });
          expected.push(buildRequest(resolved, params));
        }
      }
      // -B: importing the boto3 stub must not write a __pycache__ into the repository.
      const output = execFileSync('python3', ['-B', resolve(import.meta.dirname, 'run-generated.py'), file], {
        input: JSON.stringify(calls),
        encoding: 'utf8',
      });
      const actual = JSON.parse(output) as Array<{ operation: string; input: Record<string, unknown> }>;
      expect(actual).toHaveLength(patterns.length);
      actual.forEach((request, i) => {
        const want = expected[i] as { operation: string; input: Record<string, unknown> };
        if (want.operation === 'UpdateItem') want.input['ReturnValues'] = 'ALL_NEW';
        expect(request, patterns[i]!.name).toEqual(want);
      });
    },
  );
});

describe.runIf(spawnSync('python3', ['--version']).status === 0)('generated Python: refused write conditions', () => {
  // The stub answers a write with the error botocore raises when DynamoDB refuses its condition.
  const script = `
import importlib.util, os, sys
sys.path.insert(0, os.path.join(${JSON.stringify(import.meta.dirname)}, "boto3-stub"))
import boto3
spec = importlib.util.spec_from_file_location("generated", sys.argv[1])
module = importlib.util.module_from_spec(spec)
spec.loader.exec_module(module)

class ClientError(Exception):
    def __init__(self, response):
        super().__init__(response["Error"]["Code"])
        self.response = response

def refuse_update(self, **kwargs):
    raise ClientError({"Error": {"Code": "ConditionalCheckFailedException"}})

def refuse_transaction(self, **kwargs):
    raise ClientError({"Error": {"Code": "TransactionCanceledException"},
                       "CancellationReasons": [{"Code": "ConditionalCheckFailed"}, {"Code": "None"}]})

boto3._Table.update_item = refuse_update
boto3._Client.transact_write_items = refuse_transaction
calls = {"update_order_status": ("c-1", "o-1", "PAID"),
         "update_message_group": ("u-1", "g-1", "2026-01-01", "u-2", "Bo", "bo", "hi", "2026-02-01", "2026-02-01")}
for name, args in calls.items():
    if not hasattr(module, name):
        continue
    try:
        getattr(module, name)(*args)
    except module.ItemNotFoundError as error:
        print(type(error).__name__, error.entity, str(error))
`;

  it('an update of a missing item raises ItemNotFoundError naming the item; so does a key move of a missing row', () => {
    const folder = codegenFolder('py-refused');
    const shop = join(folder, 'shop.py');
    const cruddur = join(folder, 'cruddur.py');
    const runner = join(folder, 'refuse.py');
    writeFileSync(shop, generatePython(TEMPLATES.find((t) => t.name === 'online-shop')!.model));
    writeFileSync(cruddur, generatePython(TEMPLATES.find((t) => t.name === 'cruddur-messaging')!.model));
    writeFileSync(runner, script);
    expect(execFileSync('python3', [runner, shop], { encoding: 'utf8' }).trim()).toBe(
      'ItemNotFoundError Order no Order with PK "CUSTOMER#c-1" SK "ORDER#o-1"',
    );
    expect(execFileSync('python3', [runner, cruddur], { encoding: 'utf8' }).trim()).toBe(
      'ItemNotFoundError MessageGroup no MessageGroup with pk "GRP#u-1" sk "2026-01-01#g-1"',
    );
  });
});
