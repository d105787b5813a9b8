import { ScanCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPattern } from '../../electron/backend/operations/run-pattern.js';
import type { Item } from '../../shared/model/attribute-value.js';
import type { Model } from '../../shared/model/schema.js';
import { findTemplate, TEMPLATES } from '../../shared/templates/index.js';
import { TEMPLATE_INVARIANTS } from '../../shared/templates/testing/template-invariants.js';
import { startConnectedTestEngine, type ConnectedTestEngine } from '../support/connected-engine.js';
import { createModelTables } from '../support/model-tables.js';
import { cliFolder, type CliFolder } from '../support/run-cli.js';

let engine: ConnectedTestEngine;
let folder: CliFolder;

beforeAll(async () => {
  engine = await startConnectedTestEngine();
  folder = cliFolder();
});
afterAll(async () => {
  await engine?.stop();
  folder?.remove();
});

async function scanAll(table: string): Promise<Item[]> {
  const items: Item[] = [];
  let start: Record<string, never> | undefined;
  do {
    const out = await engine.client.send(new ScanCommand({ TableName: table, ExclusiveStartKey: start }));
    items.push(...((out.Items ?? []) as Item[]));
    start = out.LastEvaluatedKey as Record<string, never> | undefined;
  } while (start);
  return items;
}

/** `monotable seed FILE --seed 42` into fresh tables of the template's model on the live engine; the table's rows. */
async function seeded(name: string, model: Model): Promise<Item[]> {
  await createModelTables(engine.client, model);
  const file = folder.writeModel(`${name}.monotable.json`, model);
  const result = await folder.cli('seed', file, '--endpoint', engine.engine.endpoint, '--seed', '42');
  expect(result.code, result.stderr).toBe(0);
  const items = await scanAll(model.tables[0]!.name);
  expect(items.length).toBeGreaterThan(100);
  return items;
}

const text = (v: Item[string] | undefined): string => (v && 'S' in v ? v.S : '');

describe('after `monotable seed`, the rows on the live engine keep each template’s domain invariants', () => {
  for (const template of TEMPLATES) {
    it(`${template.name}`, async () => {
      const model = findTemplate(template.name)!.model;
      const rows = await seeded(template.name, model);
      expect(TEMPLATE_INVARIANTS[template.name]!(rows)).toEqual([]);
    }, 60_000);
  }
});

describe('Cruddur on the live engine', () => {
  it('find-group-rows returns both users’ group rows of a conversation; an update of a missing row is refused by name', async () => {
    const model = findTemplate('cruddur-messaging')!.model;
    model.tables[0]!.name = 'cruddur-live';
    model.tables[0]!.accessPatterns.push({
      name: 'rename-other-user',
      entity: 'MessageGroup',
      kind: 'update',
      parameters: ['user_uuid', 'last_message_at', 'message_group_uuid', 'other_user_handle'].map((name) => ({ name })),
      set: ['other_user_handle'],
    });
    const rows = await seeded('cruddur-live', model);
    const group = rows.find((r) => text(r.pk).startsWith('GRP#'))!;
    const found = await runPattern(engine.connection, model, 'find-group-rows', {
      message_group_uuid: text(group.message_group_uuid),
    });
    expect(found.result.items).toHaveLength(2);
    expect(new Set(found.result.items.map((i) => text(i.user_uuid))).size).toBe(2);

    const file = folder.writeModel('cruddur-live.monotable.json', model);
    const params = (last: string) => [
      '--param',
      `user_uuid=${text(group.user_uuid)}`,
      '--param',
      `last_message_at=${last}`,
      '--param',
      `message_group_uuid=${text(group.message_group_uuid)}`,
      '--param',
      'other_user_handle=renamed',
    ];
    const endpoint = ['--endpoint', engine.engine.endpoint];
    const missing = await folder.cli(
      'run',
      file,
      'rename-other-user',
      ...params('2020-01-01T00:00:00.000Z'),
      ...endpoint,
    );
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(
      `no MessageGroup with pk "GRP#${text(group.user_uuid)}" sk "2020-01-01T00:00:00.000Z#${text(group.message_group_uuid)}"`,
    );
    expect((await scanAll('cruddur-live')).length).toBe(rows.length); // no ghost row was created
    const present = await folder.cli(
      'run',
      file,
      'rename-other-user',
      ...params(text(group.last_message_at)),
      ...endpoint,
    );
    expect(present.code, present.stderr).toBe(0);
    const after = await scanAll('cruddur-live');
    expect(
      after.find((r) => text(r.pk) === text(group.pk) && text(r.sk) === text(group.sk))!.other_user_handle,
    ).toEqual({
      S: 'renamed',
    });
  }, 60_000);

  it('update-message-group moves a seeded row to its new sort key in one transaction; the old key cannot move twice', async () => {
    const model = findTemplate('cruddur-messaging')!.model;
    model.tables[0]!.name = 'cruddur-move';
    const rows = await seeded('cruddur-move', model);
    const row = rows.find((r) => text(r.pk).startsWith('GRP#'))!;
    const params = {
      user_uuid: text(row.user_uuid),
      message_group_uuid: text(row.message_group_uuid),
      previous_last_message_at: text(row.last_message_at),
      other_user_uuid: text(row.other_user_uuid),
      other_user_display_name: text(row.other_user_display_name),
      other_user_handle: text(row.other_user_handle),
      message: 'Moved to the top',
      last_message_at: '2026-12-01T00:00:00.000Z',
      updated_at: '2026-12-01T00:00:00.500Z',
    };
    const moved = await runPattern(engine.connection, model, 'update-message-group', params);
    expect(moved.request.operation).toBe('TransactWriteItems');
    const after = await scanAll('cruddur-move');
    expect(after).toHaveLength(rows.length);
    const mine = after.filter(
      (r) => text(r.pk) === text(row.pk) && text(r.message_group_uuid) === params.message_group_uuid,
    );
    expect(mine.map((r) => text(r.sk))).toEqual([`2026-12-01T00:00:00.000Z#${params.message_group_uuid}`]);
    expect(mine[0]!.message).toEqual({ S: 'Moved to the top' });
    // list-message-groups now shows the conversation first.
    const list = await runPattern(engine.connection, model, 'list-message-groups', { user_uuid: params.user_uuid });
    expect(text(list.result.items[0]!.message_group_uuid)).toBe(params.message_group_uuid);
    await expect(runPattern(engine.connection, model, 'update-message-group', params)).rejects.toMatchObject({
      code: 'CONDITION_FAILED',
      message: `no MessageGroup with pk "${text(row.pk)}" sk "${text(row.sk)}": nothing was moved.`,
    });
    expect(await scanAll('cruddur-move')).toHaveLength(rows.length);
  }, 60_000);

  it('a put with ifNotExists refuses a taken key (create-message twice)', async () => {
    const model = findTemplate('cruddur-messaging')!.model;
    model.tables[0]!.name = 'cruddur-put';
    await createModelTables(engine.client, model);
    const pattern = model.tables[0]!.accessPatterns.find((p) => p.name === 'create-message')!;
    const params = Object.fromEntries(pattern.parameters.map((p) => [p.name, p.example!]));
    await runPattern(engine.connection, model, 'create-message', params);
    await expect(runPattern(engine.connection, model, 'create-message', params)).rejects.toMatchObject({
      code: 'CONDITION_FAILED',
      message: expect.stringMatching(/^a Message with pk "MSG#.*" sk ".*" already exists/),
    });
  }, 30_000);
});
