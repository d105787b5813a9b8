import { describe, expect, it } from 'vitest';
import { createEngineSupervisor } from '../../electron/main/backend-host/host-core.js';
import type { BackendToMain, MainToBackend } from '../../electron/main/ipc/backend-messages.js';
import { createRelay } from '../../electron/main/ipc/relay.js';
import { createRestartBudget } from '../../electron/main/restart-budget.js';
import { APP_ENTRY_URL } from '../../electron/main/policy/app-origin.js';
import type { IpcSender } from '../../electron/main/policy/sender-check.js';
import { createBridge, type PreloadIpc } from '../../electron/preload/bridge.js';
import type { HostEvent } from '../../shared/api/ipc-bridge.js';

const windowA: IpcSender = { webContentsId: 1, frame: { url: APP_ENTRY_URL, isMainFrame: true } };
const windowB: IpcSender = { webContentsId: 2, frame: { url: APP_ENTRY_URL, isMainFrame: true } };

function relayUnderTest() {
  const posted: MainToBackend[] = [];
  const delivered: { webContentsId: number; callId: string; event: unknown }[] = [];
  let next = 0;
  const relay = createRelay({
    post: (m) => posted.push(m),
    deliverEvent: (webContentsId, callId, event) => delivered.push({ webContentsId, callId, event }),
    appWindows: () => new Set([1, 2]),
    newId: () => `b${++next}`,
  });
  return { relay, posted, delivered };
}

describe('main relay', () => {
  it('forwards a trusted call under its own id and routes events and the result back to the caller', async () => {
    const { relay, posted, delivered } = relayUnderTest();
    const result = relay.call(windowA, { callId: 'c1', method: 'seed.start', input: { n: 1 } });
    expect(posted).toEqual([{ type: 'call', id: 'b1', method: 'seed.start', input: { n: 1 } }]);
    relay.fromBackend({ type: 'event', id: 'b1', event: { written: 5 } });
    relay.fromBackend({ type: 'result', id: 'b1', envelope: { ok: true, value: 42 } });
    expect(await result).toEqual({ ok: true, value: 42 });
    expect(delivered).toEqual([{ webContentsId: 1, callId: 'c1', event: { written: 5 } }]);
    expect(relay.inFlight).toBe(0);
  });

  it('refuses untrusted senders without posting anything to the backend', async () => {
    const { relay, posted } = relayUnderTest();
    const foreign: IpcSender = { webContentsId: 1, frame: { url: 'https://evil.example/', isMainFrame: true } };
    const sub: IpcSender = { webContentsId: 1, frame: { url: APP_ENTRY_URL, isMainFrame: false } };
    const stranger: IpcSender = { webContentsId: 99, frame: { url: APP_ENTRY_URL, isMainFrame: true } };
    for (const sender of [foreign, sub, stranger, { webContentsId: 1, frame: null }]) {
      const envelope = await relay.call(sender, { callId: 'c', method: 'engine.stop', input: {} });
      expect(envelope).toMatchObject({ ok: false, error: { code: 'ACCESS_DENIED' } });
      relay.cancel(sender, { callId: 'c' });
    }
    expect(posted).toEqual([]);
  });

  it('refuses malformed payloads and a call id already running in that window', async () => {
    const { relay } = relayUnderTest();
    for (const payload of [null, 'x', { method: 'a.b' }, { callId: '', method: 'a.b' }, { callId: 'c', method: 1 }])
      expect(await relay.call(windowA, payload)).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    void relay.call(windowA, { callId: 'same', method: 'engine.status', input: {} });
    expect(await relay.call(windowA, { callId: 'same', method: 'engine.status', input: {} })).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT' },
    });
    // The same id in another window is another call.
    void relay.call(windowB, { callId: 'same', method: 'engine.status', input: {} });
    expect(relay.inFlight).toBe(2);
  });

  it('a window cancels only its own calls', () => {
    const { relay, posted } = relayUnderTest();
    void relay.call(windowA, { callId: 'c1', method: 'seed.start', input: {} });
    relay.cancel(windowB, { callId: 'c1' });
    expect(posted.filter((m) => m.type === 'cancel')).toEqual([]);
    relay.cancel(windowA, { callId: 'c1' });
    expect(posted.filter((m) => m.type === 'cancel')).toEqual([{ type: 'cancel', id: 'b1' }]);
  });

  it('a reloaded window has its calls cancelled and ended; late results are dropped', async () => {
    const { relay, posted, delivered } = relayUnderTest();
    const a = relay.call(windowA, { callId: 'c1', method: 'seed.start', input: {} });
    const b = relay.call(windowB, { callId: 'c1', method: 'engine.status', input: {} });
    relay.dropWindow(1);
    expect(await a).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    expect(posted).toContainEqual({ type: 'cancel', id: 'b1' });
    relay.fromBackend({ type: 'event', id: 'b1', event: 'late' });
    relay.fromBackend({ type: 'result', id: 'b2', envelope: { ok: true, value: 'b' } });
    expect(await b).toEqual({ ok: true, value: 'b' });
    expect(delivered).toEqual([]);
  });

  it('when the backend process dies, every call in flight ends with INTERNAL naming its method', async () => {
    const { relay } = relayUnderTest();
    const a = relay.call(windowA, { callId: 'c1', method: 'seed.start', input: {} });
    const own = relay.callFromMain('templates.list', {});
    relay.backendGone('exit code 9');
    expect(await a).toMatchObject({
      ok: false,
      error: { code: 'INTERNAL', message: expect.stringContaining('seed.start') },
    });
    expect(await own).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(relay.inFlight).toBe(0);
  });
});

function fakeIpc() {
  const sent: { channel: string; payload: unknown }[] = [];
  let onEvent: (payload: unknown) => void = () => {};
  let onHost: (payload: unknown) => void = () => {};
  const ipc: PreloadIpc = {
    call: async (payload) => {
      sent.push({ channel: 'call', payload });
      return { ok: true, value: 'done' };
    },
    cancel: (payload) => sent.push({ channel: 'cancel', payload }),
    reportDocument: (payload) => sent.push({ channel: 'document', payload }),
    chooseSavePath: async (payload) => {
      sent.push({ channel: 'save-path', payload });
      return '/home/u/Downloads/orders.csv';
    },
    onEvent: (listener) => {
      onEvent = listener;
    },
    onHost: (listener) => {
      onHost = listener;
    },
  };
  return { ipc, sent, event: (p: unknown) => onEvent(p), host: (p: unknown) => onHost(p) };
}

describe('preload bridge', () => {
  it('exposes exactly the six bridge functions', () => {
    const bridge = createBridge(fakeIpc().ipc);
    expect(Object.keys(bridge).sort()).toEqual([
      'cancel',
      'chooseSavePath',
      'invoke',
      'onHostEvent',
      'reportDocument',
      'subscribe',
    ]);
    for (const value of Object.values(bridge)) expect(typeof value).toBe('function');
  });

  it('asks main for a save path with only a plain file name and plain extensions', async () => {
    const { ipc, sent } = fakeIpc();
    const bridge = createBridge(ipc);
    const request = { title: 'Export rows', defaultName: 'orders.csv', extensions: ['csv'] };
    expect(await bridge.chooseSavePath({ ...request, extra: 1 } as never)).toBe('/home/u/Downloads/orders.csv');
    expect(sent).toEqual([{ channel: 'save-path', payload: request }]);
    for (const bad of [
      { ...request, defaultName: '../../.bashrc' },
      { ...request, defaultName: '/etc/passwd' },
      { ...request, defaultName: '.profile' },
      { ...request, extensions: ['c/v'] },
      { ...request, extensions: 'csv' },
      null,
    ])
      await expect(bridge.chooseSavePath(bad as never)).rejects.toThrow(TypeError);
    expect(sent).toHaveLength(1);
  });

  it('checks call ids and listeners from the page', async () => {
    const bridge = createBridge(fakeIpc().ipc);
    await expect(bridge.invoke('engine.status', {}, '')).rejects.toThrow(TypeError);
    await expect(bridge.invoke('engine.status', {}, 'x'.repeat(129))).rejects.toThrow(TypeError);
    expect(() => bridge.subscribe('c', 'not a function' as never)).toThrow(TypeError);
    expect(() => bridge.cancel(42 as never)).toThrow(TypeError);
    expect(() => bridge.reportDocument({} as never)).toThrow(TypeError);
  });

  it('routes events to the call that subscribed, until it unsubscribes', () => {
    const { ipc, event } = fakeIpc();
    const bridge = createBridge(ipc);
    const got: unknown[] = [];
    const off = bridge.subscribe('c1', (e) => got.push(e));
    event({ callId: 'c1', event: 1 });
    event({ callId: 'c2', event: 2 });
    event('garbage');
    off();
    event({ callId: 'c1', event: 3 });
    expect(got).toEqual([1]);
  });

  it('refuses hostile structure before IPC, with the same codes as the dispatcher', async () => {
    const { ipc, sent } = fakeIpc();
    const bridge = createBridge(ipc);
    const hostile = JSON.parse('{"__proto__": {"polluted": true}}') as unknown;
    expect(await bridge.invoke('model.validate', { model: hostile }, 'c1')).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN_KEY' },
    });
    expect(sent).toEqual([]);
  });

  it('keeps host events that arrive before the page listens (a file given at launch), then delivers them', () => {
    const { ipc, host } = fakeIpc();
    const bridge = createBridge(ipc);
    host({ kind: 'command', command: { name: 'open', path: '/m/a.monotable.json' } });
    const got: HostEvent[] = [];
    bridge.onHostEvent((e) => got.push(e));
    host({ kind: 'engine-restarted', endpoint: 'http://127.0.0.1:1' });
    expect(got.map((e) => e.kind)).toEqual(['command', 'engine-restarted']);
  });

  it('reports the document with only the known fields', () => {
    const { ipc, sent } = fakeIpc();
    createBridge(ipc).reportDocument({ dirty: true, path: '/a.monotable.json', title: 'a', extra: 1 } as never);
    expect(sent).toEqual([{ channel: 'document', payload: { dirty: true, path: '/a.monotable.json', title: 'a' } }]);
  });
});

describe('restart budget', () => {
  it('allows three restarts within a minute, then none until the oldest is a minute old', () => {
    const budget = createRestartBudget(3, 60_000);
    expect([0, 10, 20, 30].map((t) => budget.take(t))).toEqual([true, true, true, false]);
    expect(budget.take(59_999)).toBe(false);
    expect(budget.take(60_000)).toBe(true);
  });
});

describe('engine supervisor', () => {
  it('restarts the engine with the last engine.start input, at most three times a minute, never after engine.stop', async () => {
    const dispatched: unknown[] = [];
    const posted: BackendToMain[] = [];
    let clock = 0;
    const supervisor = createEngineSupervisor(
      async (method, input) => {
        dispatched.push({ method, input });
        return { ok: true, value: { endpoint: 'http://127.0.0.1:1' } };
      },
      (m) => posted.push(m),
      () => clock,
    );
    expect(supervisor.willRestart).toBe(false);
    expect(await supervisor.restart()).toBeUndefined();
    supervisor.noteCall('engine.start', { dataDir: '/d', inMemory: true }, { ok: true, value: {} });
    expect(supervisor.willRestart).toBe(true);
    for (let i = 0; i < 3; i++) await supervisor.restart();
    expect(dispatched).toEqual(Array(3).fill({ method: 'engine.start', input: { dataDir: '/d', inMemory: true } }));
    expect(await supervisor.restart()).toBeUndefined();
    expect(posted.map((m) => m.type)).toEqual([
      'engine-restarted',
      'engine-restarted',
      'engine-restarted',
      'engine-restart-failed',
    ]);
    expect(supervisor.willRestart).toBe(false);
    clock = 120_000;
    supervisor.noteCall('engine.start', { dataDir: '/e' }, { ok: true, value: {} });
    supervisor.noteCall('engine.stop', {}, { ok: true, value: { stopped: true } });
    expect(await supervisor.restart()).toBeUndefined();
  });
});
