import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';

/**
 * The Electron-facing wiring of the security policies (electron/main/security.ts, external.ts) against a stand-in
 * for the `electron` module: the real one cannot load without its binary. It checks that each event and handler
 * is connected to its pure decision, which the other tests cover on their own.
 */
const fake = vi.hoisted(() => ({
  appListeners: new Map<string, (...args: unknown[]) => void>(),
  sandboxEnabled: false,
  opened: [] as string[],
}));

vi.mock('electron', () => ({
  app: {
    enableSandbox: () => {
      fake.sandboxEnabled = true;
    },
    on: (event: string, listener: (...args: unknown[]) => void) => fake.appListeners.set(event, listener),
  },
  shell: {
    openExternal: async (url: string) => {
      fake.opened.push(url);
    },
  },
}));

const { hardenAllWebContents, hardenSession } = await import('../../electron/main/security.js');

class FakeContents extends EventEmitter {
  openHandler?: (details: { url: string }) => { action: string };
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.openHandler = handler;
  }
}

function navigationEvent(url: string) {
  return {
    url,
    prevented: false,
    preventDefault() {
      this.prevented = true;
    },
  };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('security wiring', () => {
  let contents: FakeContents;
  beforeEach(() => {
    fake.opened.length = 0;
    fake.appListeners.clear();
    hardenAllWebContents();
    contents = new FakeContents();
    fake.appListeners.get('web-contents-created')!({}, contents);
  });

  it('turns the sandbox on for every renderer', () => {
    expect(fake.sandboxEnabled).toBe(true);
  });

  it('navigation away from the app is prevented; a vetted link goes to the browser; the app itself may reload', async () => {
    for (const event of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
      const away = navigationEvent('https://evil.example/');
      contents.emit(event, away);
      expect(away.prevented, event).toBe(true);
      const self = navigationEvent('monotable://app/index.html');
      contents.emit(event, self);
      expect(self.prevented, event).toBe(false);
    }
    const docs = navigationEvent('https://docs.aws.amazon.com/amazondynamodb/');
    contents.emit('will-navigate', docs);
    await flush();
    expect(docs.prevented).toBe(true);
    expect(fake.opened).toEqual(['https://docs.aws.amazon.com/amazondynamodb/']);
  });

  it('new windows are denied; only vetted links reach shell.openExternal', async () => {
    expect(contents.openHandler!({ url: 'https://github.com/architect/dynalite' })).toEqual({ action: 'deny' });
    expect(contents.openHandler!({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(contents.openHandler!({ url: 'monotable://app/index.html' })).toEqual({ action: 'deny' });
    await flush();
    expect(fake.opened).toEqual(['https://github.com/architect/dynalite']);
  });

  it('webviews are never attached', () => {
    const attach = navigationEvent('');
    contents.emit('will-attach-webview', attach);
    expect(attach.prevented).toBe(true);
  });

  it('the session denies permissions (clipboard writes of the app excepted), device pickers and downloads', () => {
    const handlers: Record<string, (...args: never[]) => unknown> = {};
    const sessionEvents = new EventEmitter();
    const session = {
      setPermissionRequestHandler: (h: never) => (handlers.request = h),
      setPermissionCheckHandler: (h: never) => (handlers.check = h),
      setDevicePermissionHandler: (h: never) => (handlers.device = h),
      on: (event: string, listener: (...args: unknown[]) => void) => sessionEvents.on(event, listener),
    };
    hardenSession(session as never);
    const answers: boolean[] = [];
    const request = handlers.request as unknown as (
      c: unknown,
      p: string,
      cb: (ok: boolean) => void,
      d: { requestingUrl: string },
    ) => void;
    request({}, 'media', (ok) => answers.push(ok), { requestingUrl: 'monotable://app/index.html' });
    request({}, 'clipboard-sanitized-write', (ok) => answers.push(ok), { requestingUrl: 'monotable://app/index.html' });
    request({}, 'clipboard-sanitized-write', (ok) => answers.push(ok), { requestingUrl: 'https://evil.example/' });
    expect(answers).toEqual([false, true, false]);
    const check = handlers.check as unknown as (c: unknown, p: string, origin: string) => boolean;
    expect(check({}, 'geolocation', 'monotable://app')).toBe(false);
    expect((handlers.device as unknown as () => boolean)()).toBe(false);
    const download = navigationEvent('');
    sessionEvents.emit('will-download', download);
    expect(download.prevented).toBe(true);
    let picked: unknown = 'not called';
    const hid = navigationEvent('');
    sessionEvents.emit('select-hid-device', hid, {}, (id?: string) => {
      picked = id;
    });
    expect(hid.prevented).toBe(true);
    expect(picked).toBeUndefined();
  });
});
