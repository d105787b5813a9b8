import { describe, expect, it } from 'vitest';
import type { MainToBackend } from '../../electron/main/ipc/backend-messages.js';
import { registerIpc, senderOf } from '../../electron/main/ipc/register-ipc.js';
import { createRelay } from '../../electron/main/ipc/relay.js';
import type { DocumentState, SavePathRequest } from '../../shared/api/ipc-bridge.js';

/** main's IPC registration with a stand-in ipcMain (handle/on record their listeners) and the real relay. */
type Listener = (event: unknown, payload: unknown) => unknown;

function harness() {
  const handlers = new Map<string, Listener>();
  const listeners = new Map<string, Listener>();
  const posted: MainToBackend[] = [];
  const documents: { id: number; state: DocumentState }[] = [];
  const dialogs: { id: number; request: SavePathRequest }[] = [];
  const relay = createRelay({
    post: (m) => posted.push(m),
    deliverEvent: () => {},
    appWindows: () => new Set([3]),
    newId: () => `b${posted.length + 1}`,
  });
  registerIpc(
    {
      handle: (channel: string, listener: Listener) => void handlers.set(channel, listener),
      on: (channel: string, listener: Listener) => {
        listeners.set(channel, listener);
        return undefined as never;
      },
    } as never,
    relay,
    {
      ids: () => new Set([3]),
      setDocument: (id, state) => documents.push({ id, state }),
      chooseSavePath: async (id, request) => {
        dialogs.push({ id, request });
        return `/home/u/Downloads/${request.defaultName}`;
      },
    },
  );
  return { handlers, listeners, posted, documents, dialogs };
}

const top = { url: 'monotable://app/index.html', parent: null };
const event = (id: number, frame: unknown) => ({ sender: { id }, senderFrame: frame });

describe('main IPC registration', () => {
  it('listens on exactly the fixed channels', () => {
    const { handlers, listeners } = harness();
    expect([...handlers.keys()].sort()).toEqual(['monotable:call', 'monotable:save-path']);
    expect([...listeners.keys()].sort()).toEqual(['monotable:cancel', 'monotable:document']);
  });

  it('the sender is the frame that sent: the main frame has no parent', () => {
    expect(senderOf(event(3, top) as never)).toEqual({
      webContentsId: 3,
      frame: { url: 'monotable://app/index.html', isMainFrame: true },
    });
    expect(senderOf(event(3, { url: 'monotable://app/x', parent: top }) as never).frame?.isMainFrame).toBe(false);
    expect(senderOf(event(3, null) as never).frame).toBeNull();
  });

  it('calls from the app page reach the backend; from a subframe, another page or another webContents they do not', async () => {
    const { handlers, posted } = harness();
    const call = handlers.get('monotable:call')!;
    void call(event(3, top), { callId: 'a', method: 'templates.list', input: {} });
    expect(posted).toEqual([{ type: 'call', id: 'b1', method: 'templates.list', input: {} }]);
    for (const bad of [
      event(3, { url: 'monotable://app/index.html', parent: top }),
      event(3, { url: 'https://evil.example/', parent: null }),
      event(4, top),
      event(3, null),
    ])
      expect(await call(bad, { callId: 'b', method: 'engine.stop', input: {} })).toMatchObject({
        ok: false,
        error: { code: 'ACCESS_DENIED' },
      });
    expect(posted).toHaveLength(1);
  });

  it('save dialogs open only for the app page, with a checked request', async () => {
    const { handlers, dialogs } = harness();
    const ask = handlers.get('monotable:save-path')!;
    const request = { title: 'Export rows', defaultName: 'orders.csv', extensions: ['csv'] };
    expect(await ask(event(3, top), request)).toBe('/home/u/Downloads/orders.csv');
    expect(await ask(event(3, { url: 'https://evil.example/', parent: null }), request)).toBeNull();
    expect(await ask(event(4, top), request)).toBeNull();
    expect(await ask(event(3, top), { ...request, defaultName: '../x' })).toBeNull();
    expect(dialogs).toEqual([{ id: 3, request }]);
  });

  it('document reports are taken only from the app page, with only the known fields', () => {
    const { listeners, documents } = harness();
    const report = listeners.get('monotable:document')!;
    report(event(3, top), { dirty: true, path: '/m/a.monotable.json', title: 'a', extra: 'x' });
    report(event(3, { url: 'https://evil.example/', parent: null }), { dirty: false });
    report(event(3, top), { dirty: 'yes' });
    report(event(3, top), null);
    expect(documents).toEqual([{ id: 3, state: { dirty: true, path: '/m/a.monotable.json', title: 'a' } }]);
  });

  it('cancels from another page are ignored', () => {
    const { handlers, listeners, posted } = harness();
    void handlers.get('monotable:call')!(event(3, top), { callId: 'a', method: 'seed.run', input: {} });
    listeners.get('monotable:cancel')!(event(3, { url: 'https://evil.example/', parent: null }), { callId: 'a' });
    expect(posted.filter((m) => m.type === 'cancel')).toEqual([]);
    listeners.get('monotable:cancel')!(event(3, top), { callId: 'a' });
    expect(posted.filter((m) => m.type === 'cancel')).toEqual([{ type: 'cancel', id: 'b1' }]);
  });
});
