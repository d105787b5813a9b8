import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateTypeScript } from '../../shared/formats/code/typescript.js';
import type { Model } from '../../shared/model/schema.js';
import { TEMPLATES } from '../../shared/templates/index.js';
import { startTestEngine } from '../support/engine.js';
import { createModelTables } from '../support/model-tables.js';
import { codegenFolder, compileTypeScript } from './compile-generated.js';
import { edgeCaseModel, HOSTILE_PREFIX } from './edge-case-model.js';

/**
 * The generated TypeScript, compiled and run against the real embedded engine: the functions must read and write
 * what the model says (keys from the templates, newest first, numeric order, pages).
 */
type Fn = (client: unknown, ...args: unknown[]) => Promise<unknown>;
type Page = { items: Array<Record<string, unknown>>; lastEvaluatedKey: Record<string, unknown> | undefined };

let engine: Awaited<ReturnType<typeof startTestEngine>>;
const modules = new Map<string, Record<string, unknown>>();
const clients: Array<{ destroy(): void }> = [];

const model = (name: string): Model =>
  name === edgeCaseModel.name ? edgeCaseModel : TEMPLATES.find((t) => t.name === name)!.model;

/** The generated module's functions, bound to a document client made by its own createDocumentClient. */
function api(name: string): Record<string, (...args: unknown[]) => Promise<unknown>> {
  const mod = modules.get(name)!;
  const client = (mod.createDocumentClient as (config: unknown) => { destroy(): void })({
    endpoint: engine.engine.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  clients.push(client);
  return new Proxy(
    {},
    {
      get:
        (_t, fn: string) =>
        (...args: unknown[]) =>
          (mod[fn] as Fn)(client, ...args),
    },
  );
}

beforeAll(async () => {
  engine = await startTestEngine();
  const names = ['cruddur-messaging', 'game-leaderboard', edgeCaseModel.name];
  const folder = codegenFolder('ts-engine');
  const { status, output } = compileTypeScript(
    folder,
    Object.fromEntries(names.map((n) => [`${n}.ts`, generateTypeScript(model(n))])),
  );
  if (status !== 0) throw new Error(`generated TypeScript does not compile:\n${output}`);
  for (const name of names) {
    modules.set(name, (await import(pathToFileURL(join(folder, 'out', `${name}.js`)).href)) as Record<string, unknown>);
    await createModelTables(engine.client, model(name), { samples: true });
  }
}, 60_000);

afterAll(async () => {
  for (const c of clients) c.destroy();
  await engine?.stop();
});

describe('generated TypeScript against the embedded engine', () => {
  const GROUP = '5ae290ed-55d1-47a0-bc6d-fe2bc2700399';
  const ANDREW = '90ba9a4b-7f42-4bb7-8c5c-6d3d5b2a4f10';

  it("cruddur: lists a group's messages newest first, 20 per page, and pages on with lastEvaluatedKey", async () => {
    const cruddur = api('cruddur-messaging');
    const first = (await cruddur.listMessages!({ messageGroupUuid: GROUP })) as Page;
    expect(first.items.map((m) => m.message)).toEqual([
      'See you at the standup tomorrow!',
      'Yes, the GSI is live on the dev table.',
      'Did you push the DynamoDB changes?',
    ]);
    expect(first.lastEvaluatedKey).toBeUndefined();

    for (let i = 0; i < 22; i++) {
      await cruddur.createMessage!({
        messageGroupUuid: GROUP,
        messageUuid: `m-${i}`,
        userUuid: ANDREW,
        userDisplayName: 'Andrew Brown',
        userHandle: 'andrewbrown',
        message: `message ${i}`,
        createdAt: `2026-10-15T10:${String(i).padStart(2, '0')}:00.000Z`,
      });
    }
    const page1 = (await cruddur.listMessages!({ messageGroupUuid: GROUP })) as Page;
    expect(page1.items).toHaveLength(20);
    expect(page1.items[0]!.message).toBe('message 21');
    expect(page1.items[0]!.pk).toBe(`MSG#${GROUP}`);
    expect(page1.lastEvaluatedKey).toBeDefined();
    const page2 = (await cruddur.listMessages!({ messageGroupUuid: GROUP }, page1.lastEvaluatedKey)) as Page;
    expect(page2.items).toHaveLength(5);
    expect(page2.lastEvaluatedKey).toBeUndefined();
    const created = [...page1.items, ...page2.items].map((m) => String(m.created_at));
    expect(created).toEqual([...created].sort().reverse());
  });

  it("cruddur: finds both group rows through the GSI, lists a user's groups; create-message never overwrites", async () => {
    const cruddur = api('cruddur-messaging');
    const rows = (await cruddur.findGroupRows!({ messageGroupUuid: GROUP })) as Page;
    expect(rows.items.map((r) => r.pk).sort()).toEqual([`GRP#${ANDREW}`, 'GRP#c2f4a6c1-0f51-4d8e-9a2b-2a8f0e3c7d55']);
    const groups = (await cruddur.listMessageGroups!({ userUuid: ANDREW })) as Page;
    expect(groups.items).toHaveLength(1);
    const again = cruddur.createMessage!({
      messageGroupUuid: GROUP,
      messageUuid: 'm-3',
      userUuid: ANDREW,
      userDisplayName: 'Andrew Brown',
      userHandle: 'andrewbrown',
      message: 'overwritten?',
      createdAt: '2026-10-15T10:03:00.000Z',
    });
    await expect(again).rejects.toMatchObject({
      name: 'ItemExistsError',
      entity: 'Message',
      message: `a Message with pk "MSG#${GROUP}" sk "2026-10-15T10:03:00.000Z#m-3" already exists`,
    });
  });

  it('cruddur: updateMessageGroup moves the row to its new sort key (one transaction); a second move finds no row', async () => {
    const cruddur = api('cruddur-messaging');
    const move = {
      userUuid: ANDREW,
      messageGroupUuid: GROUP,
      previousLastMessageAt: '2026-10-14T09:42:17.000Z',
      otherUserUuid: 'c2f4a6c1-0f51-4d8e-9a2b-2a8f0e3c7d55',
      otherUserDisplayName: 'Andrew Bayko',
      otherUserHandle: 'bayko',
      message: 'message 21',
      lastMessageAt: '2026-10-15T10:21:00.000Z',
      updatedAt: '2026-10-15T10:21:00.100Z',
    };
    await cruddur.updateMessageGroup!(move);
    const groups = (await cruddur.listMessageGroups!({ userUuid: ANDREW })) as Page;
    expect(groups.items.map((g) => g.sk)).toEqual([`2026-10-15T10:21:00.000Z#${GROUP}`]);
    expect(groups.items[0]).toMatchObject({ message: 'message 21', updated_at: '2026-10-15T10:21:00.100Z' });
    await expect(cruddur.updateMessageGroup!(move)).rejects.toMatchObject({
      name: 'ItemNotFoundError',
      message: `no MessageGroup with pk "GRP#${ANDREW}" sk "2026-10-14T09:42:17.000Z#${GROUP}"`,
    });
  });

  it('leaderboard: ranks scores as numbers on the sparse GSI, and a numeric range condition works', async () => {
    const game = api('game-leaderboard');
    await game.recordScore!({
      playerId: 'p-00000009',
      playerName: 'zed',
      gameId: 'space-race',
      score: 100000,
      achievedAt: '2026-10-20T20:00:00.000Z',
    });
    const top = (await game.topScores!({ gameId: 'space-race' })) as Page;
    // As text, "100000" would sort below "74310"; the index sorts numbers.
    expect(top.items.map((s) => s.score)).toEqual([981250, 100000, 74310]);
    expect(top.items.every((s) => s.player_name !== undefined)).toBe(true);
    const atLeast = (await game.scoresAtLeast!({ gameId: 'space-race', minScore: 80000 })) as Page;
    expect(atLeast.items.map((s) => s.player_name)).toEqual(['nova_strike', 'zed']);
    expect(await game.getPlayer!({ playerId: 'p-00000009' })).toBeUndefined();
  });

  it('edge cases: reserved and dashed names, sets, maps, binary, batch-get, LSI, scan, update and delete', async () => {
    const edge = api(edgeCaseModel.name);
    const event = (n: number, status: string) => ({
      name: `e${n}`,
      class_: 'alpha',
      order: n,
      status,
      dataSize: n * 10,
      date: `2026-0${n}-01`,
      flag: n % 2 === 1,
      tags: new Set(['x', `t${n}`]),
      payload: { n },
      blob: new Uint8Array([n]),
      expires: 1_900_000_000,
    });
    for (const n of [1, 2, 3]) await edge.putEvent!(event(n, n === 2 ? 'closed' : 'open'));
    const got = (await edge.getEvent!({ name: 'e1', class_: 'alpha', order: 1 })) as Record<string, unknown>;
    expect(got).toEqual({ name: 'e1', status: 'open', 'data-size': 10 });
    const batch = (await edge.getEvents!([
      { name: 'e1', class_: 'alpha', order: 1 },
      { name: 'e3', class_: 'alpha', order: 3 },
    ])) as Array<Record<string, unknown>>;
    expect(batch.map((e) => e.name).sort()).toEqual(['e1', 'e3']);
    expect(batch.find((e) => e.name === 'e3')!.tags).toEqual(new Set(['x', 't3']));
    const open = (await edge.eventsByStatus!({ status: 'open', min: 0, max: 100 })) as Page;
    expect(open.items.map((e) => e['data-size'])).toEqual([30, 10]);
    const byDate = (await edge.eventsByDate!({ name: 'e2', class_: 'alpha', since: '2026-01-01' })) as Page;
    expect(byDate.items).toEqual([{ key: 'EVT#e2#alpha', order: 2, date: '2026-02-01' }]);
    const flagged = (await edge.flaggedEvents!({ tag: 't3' })) as Page;
    expect(flagged.items.map((e) => e.name)).toEqual(['e3']);
    const updated = (await edge.setStatus!({
      name: 'e1',
      class_: 'alpha',
      order: 1,
      status: 'closed',
      flag: false,
    })) as Record<string, unknown>;
    expect(updated).toMatchObject({ status: 'closed', flag: false, payload: { n: 1 } });
    await edge.delete_!({ name: 'e1', class_: 'alpha', order: 1 });
    expect(await edge.getEvent!({ name: 'e1', class_: 'alpha', order: 1 })).toBeUndefined();
    // An update changes an existing item only: the deleted one is not brought back as a ghost.
    await expect(
      edge.setStatus!({ name: 'e1', class_: 'alpha', order: 1, status: 'x', flag: true }),
    ).rejects.toMatchObject({ name: 'ItemNotFoundError', message: expect.stringMatching(/^no Event with /) });
    expect(await edge.getEvent!({ name: 'e1', class_: 'alpha', order: 1 })).toBeUndefined();
  });

  it('edge cases: quotes, a backtick, ${, a backslash and an emoji in a key template survive into the stored key', async () => {
    const edge = api(edgeCaseModel.name);
    await edge.putQuote!({ id: 'q1', said: 'hi' });
    expect(await edge.getQuote!({ id: 'q1' })).toEqual({ pk: `${HOSTILE_PREFIX}q1`, id: 'q1', said: 'hi' });
  });
});
