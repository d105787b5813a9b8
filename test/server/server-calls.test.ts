import { mkdir, mkdtemp, realpath, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createDispatcher } from '../../electron/backend/api/dispatcher.js';
import type { Handlers } from '../../electron/backend/api/handler.js';
import { startServer } from '../../electron/server/start-server.js';
import { defineMethods } from '../../shared/api/define.js';
import { MonotableError } from '../../shared/errors/monotable-error.js';
import { cruddurMessaging } from '../../shared/templates/cruddur-messaging.js';
import { rawCall } from '../api/transports.js';
import { openHttpSession } from '../api/http-session.js';
import { rawRequest } from './raw-http.js';

/** Two methods that exercise the transport itself: many ordered events, and a call that runs until cancelled. */
const streaming = defineMethods({
  'test.count': {
    summary: 'Emits n events, then returns.',
    input: z.strictObject({ n: z.number().int() }),
    output: z.strictObject({ sent: z.number() }),
    events: z.strictObject({ i: z.number() }),
  },
  'test.wait': {
    summary: 'Runs until its signal aborts.',
    input: z.strictObject({}),
    output: z.strictObject({}),
    events: z.strictObject({ started: z.literal(true) }),
  },
});
let sawAbort = false;
const handlers: Handlers<typeof streaming> = {
  async 'test.count'({ n }, ctx) {
    for (let i = 0; i < n; i++) ctx.emit({ i });
    return { sent: n };
  },
  async 'test.wait'(_input, ctx) {
    ctx.emit({ started: true });
    await new Promise<never>((_resolve, reject) => {
      ctx.signal.addEventListener('abort', () => {
        sawAbort = true;
        reject(new MonotableError('CANCELLED', 'test.wait was cancelled.'));
      });
    });
    return {};
  },
};

let folder: string;
beforeAll(async () => {
  folder = await realpath(await mkdtemp(join(tmpdir(), 'monotable-calls-')));
  await mkdir(join(folder, 'root'));
});
afterAll(() => rm(folder, { recursive: true, force: true }));

describe('calls over HTTP + WebSocket', () => {
  it('events arrive over the socket in order, all before the call resolves', async () => {
    const server = await startServer({
      root: join(folder, 'root'),
      dataDir: join(folder, 'data'),
      dispatch: createDispatcher(streaming, handlers),
    });
    const { client } = await openHttpSession(server.url);
    try {
      for (const n of [1, 500]) {
        const seen: number[] = [];
        const result = await rawCall(
          client,
          'test.count',
          { n },
          { onEvent: (e) => seen.push((e as { i: number }).i) },
        );
        expect(result).toEqual({ ok: true, value: { sent: n } });
        expect(seen).toEqual(Array.from({ length: n }, (_, i) => i));
      }
      const [a, b] = [[], []] as number[][];
      await Promise.all([
        rawCall(client, 'test.count', { n: 50 }, { onEvent: (e) => a!.push((e as { i: number }).i) }),
        rawCall(client, 'test.count', { n: 80 }, { onEvent: (e) => b!.push((e as { i: number }).i) }),
      ]);
      expect([a!.length, b!.length]).toEqual([50, 80]);
    } finally {
      client.close();
      await server.close();
    }
  });

  it('aborting the signal cancels the running call on the server', async () => {
    const server = await startServer({
      root: join(folder, 'root'),
      dataDir: join(folder, 'data'),
      dispatch: createDispatcher(streaming, handlers),
    });
    const { client } = await openHttpSession(server.url);
    try {
      const controller = new AbortController();
      sawAbort = false;
      const result = await rawCall(
        client,
        'test.wait',
        {},
        { signal: controller.signal, onEvent: () => controller.abort() },
      );
      expect(result).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
      expect(sawAbort).toBe(true);
    } finally {
      client.close();
      await server.close();
    }
  });

  it('an unreachable server is a NETWORK error saying to restart monotable serve', async () => {
    const server = await startServer({ root: join(folder, 'root'), dataDir: join(folder, 'data') });
    const { client } = await openHttpSession(server.url);
    await server.close();
    const result = await client.call('templates.list', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'NETWORK' } });
    if (!result.ok) expect(result.error.message).toContain('monotable serve');
    client.close();
  });

  it('the journal outlives the server: written, read back after a restart, cleared', async () => {
    const options = { root: join(folder, 'root'), dataDir: join(folder, 'data') };
    const path = join(folder, 'root', 'draft.monotable.json');
    const edited = { ...cruddurMessaging, name: 'edited-before-the-kill' };
    const first = await startServer(options);
    const before = await openHttpSession(first.url);
    expect(await before.client.call('journal.write', { path, model: edited })).toMatchObject({ ok: true });
    before.client.close();
    await first.close();

    const second = await startServer(options);
    try {
      const stale = await rawRequest(second.port, {
        method: 'POST',
        path: '/api/call',
        headers: {
          'Content-Type': 'application/json',
          Cookie: before.cookie.replace(/^[^=]+/, `monotable_${second.port}`),
        },
        body: JSON.stringify({ id: 'x', method: 'journal.read', input: { path } }),
      });
      expect(stale.status).toBe(401); // sessions do not outlive the server; the new url must be opened
      const after = await openHttpSession(second.url);
      const read = await after.client.call('journal.read', { path: 'draft.monotable.json' });
      expect(read.ok && read.value.journal?.model).toEqual(edited);
      expect(await after.client.call('journal.clear', { path })).toEqual({ ok: true, value: { cleared: true } });
      expect(await after.client.call('journal.read', { path })).toEqual({ ok: true, value: { journal: null } });
      after.client.close();
    } finally {
      await second.close();
    }
  });

  it('a port in use is PORT_IN_USE', async () => {
    const first = await startServer({ root: join(folder, 'root'), dataDir: join(folder, 'data') });
    try {
      await expect(startServer({ root: join(folder, 'root'), port: first.port })).rejects.toMatchObject({
        code: 'PORT_IN_USE',
      });
    } finally {
      await first.close();
    }
  });
});
