import type { EventEmitter } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HostEvent } from '../../shared/api/ipc-bridge.js';

/**
 * electron/main/windows.ts against a stand-in for the `electron` module: the window gets the secure options and the
 * app's URL, remembers its bounds, and asks before closing with unsaved changes (Save / Don't Save / Cancel).
 */
const fake = vi.hoisted(() => ({
  userData: '',
  windows: [] as FakeWindowShape[],
  answer: 0,
  prompts: 0,
  savePath: '/m/new.monotable.json' as string | undefined,
}));

interface FakeWindowShape {
  options: Record<string, unknown>;
  url?: string;
  sent: { channel: string; payload: unknown }[];
  closed: boolean;
  title: string;
  close(): void;
}

vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  let nextId = 1;
  class BrowserWindow extends Emitter {
    static getFocusedWindow = () => null;
    readonly webContents: EventEmitter & { id: number; send(channel: string, payload: unknown): void };
    url?: string;
    sent: { channel: string; payload: unknown }[] = [];
    closed = false;
    title = '';
    constructor(readonly options: Record<string, unknown>) {
      super();
      const sent = this.sent;
      this.webContents = Object.assign(new Emitter(), {
        id: nextId++,
        send: (channel: string, payload: unknown) => sent.push({ channel, payload }),
      });
      fake.windows.push(this as unknown as FakeWindowShape);
    }
    loadURL(url: string) {
      this.url = url;
      return Promise.resolve();
    }
    isDestroyed = () => this.closed;
    maximize() {}
    show() {}
    setTitle(title: string) {
      this.title = title;
    }
    getNormalBounds = () => ({ x: 10, y: 20, width: 1000, height: 700 });
    isMaximized = () => false;
    close() {
      const event = { defaultPrevented: false, preventDefault: () => (event.defaultPrevented = true) };
      this.emit('close', event);
      if (!event.defaultPrevented) {
        this.closed = true;
        this.emit('closed');
      }
    }
  }
  return {
    app: { getPath: () => fake.userData },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
    dialog: {
      showMessageBoxSync: () => {
        fake.prompts++;
        return fake.answer;
      },
      showSaveDialog: async () => ({ canceled: !fake.savePath, filePath: fake.savePath }),
    },
    BrowserWindow,
  };
});

const { createWindowManager } = await import('../../electron/main/windows.js');
const { secureWebPreferences } = await import('../../electron/main/policy/window-options.js');

const pageGone: number[] = [];
function setUp() {
  const manager = createWindowManager({
    preload: '/app/preload.cjs',
    devTools: false,
    onPageGone: (id) => pageGone.push(id),
    onDocumentPath: () => {},
  });
  manager.create();
  const window = fake.windows.at(-1)!;
  const contents = (window as unknown as { webContents: EventEmitter & { id: number } }).webContents;
  contents.emit('did-finish-load');
  return { manager, window, id: contents.id };
}
const hostEvents = (window: FakeWindowShape) =>
  window.sent.filter((s) => s.channel === 'monotable:host').map((s) => s.payload as HostEvent);
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('app windows', () => {
  fake.userData = mkdtempSync(join(tmpdir(), 'monotable-windows-'));
  afterAll(() => rmSync(fake.userData, { recursive: true, force: true }));
  beforeEach(() => {
    fake.prompts = 0;
  });

  it('open the app page with the secure web preferences', () => {
    const { window } = setUp();
    expect(window.url).toBe('monotable://app/index.html');
    expect(window.options.webPreferences).toEqual(secureWebPreferences('/app/preload.cjs', { devTools: false }));
  });

  it('a clean window closes at once and remembers its bounds', () => {
    const { window, id } = setUp();
    window.close();
    expect(window.closed).toBe(true);
    expect(fake.prompts).toBe(0);
    expect(pageGone).toContain(id);
    expect(JSON.parse(readFileSync(join(fake.userData, 'window-state.json'), 'utf8'))).toEqual({
      x: 10,
      y: 20,
      width: 1000,
      height: 700,
      maximized: false,
    });
  });

  it("unsaved changes: Cancel keeps the window, Don't Save closes it", async () => {
    const { manager, window, id } = setUp();
    manager.setDocument(id, { dirty: true, path: '/m/shop.monotable.json', title: 'shop' });
    expect(window.title).toBe('• shop — Monotable');
    fake.answer = 2;
    window.close();
    expect(fake.prompts).toBe(1);
    expect(window.closed).toBe(false);
    fake.answer = 1;
    window.close();
    await flush();
    expect(window.closed).toBe(true);
  });

  it('unsaved changes: Save asks the page to save (to a chosen path for a new model), then closes once saved', async () => {
    const { manager, window, id } = setUp();
    manager.setDocument(id, { dirty: true, title: 'untitled' });
    fake.answer = 0;
    window.close();
    await flush();
    expect(window.closed).toBe(false);
    expect(hostEvents(window)).toContainEqual({
      kind: 'command',
      command: { name: 'save', path: '/m/new.monotable.json', thenClose: true },
    });
    manager.setDocument(id, { dirty: false, path: '/m/new.monotable.json', title: 'untitled' });
    expect(window.closed).toBe(true);
  });

  it('host events wait until the page has loaded', () => {
    const { manager } = setUp();
    const window = fake.windows.at(-1)!;
    const contents = (window as unknown as { webContents: EventEmitter }).webContents;
    contents.emit('did-start-navigation', { isMainFrame: true, isSameDocument: false });
    manager.notifyAll({ kind: 'engine-restarted', endpoint: 'http://127.0.0.1:1' });
    expect(hostEvents(window)).toEqual([]);
    contents.emit('did-finish-load');
    expect(hostEvents(window)).toEqual([{ kind: 'engine-restarted', endpoint: 'http://127.0.0.1:1' }]);
  });
});
