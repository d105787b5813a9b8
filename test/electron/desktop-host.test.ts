import { afterEach, describe, expect, it } from 'vitest';
import type { HostEvent, MonotableBridge } from '../../shared/api/ipc-bridge.js';
import { installDesktopHost } from '../../renderer/src/api/desktop-host.js';
import { reportDocument } from '../../renderer/src/api/ipc-client.js';

function fakeBridge() {
  const listeners: ((e: HostEvent) => void)[] = [];
  const reports: unknown[] = [];
  const bridge: MonotableBridge = {
    invoke: async () => ({ ok: true, value: null }),
    subscribe: () => () => {},
    cancel: () => {},
    onHostEvent: (listener) => {
      listeners.push(listener);
      return () => listeners.splice(listeners.indexOf(listener), 1);
    },
    reportDocument: (state) => reports.push(state),
    chooseSavePath: async () => undefined,
  };
  return { bridge, reports, emit: (e: HostEvent) => listeners.forEach((l) => l(e)), listeners };
}

const g = globalThis as { monotable?: MonotableBridge };
afterEach(() => {
  delete g.monotable;
});

describe('desktop host commands in the page', () => {
  it('routes each menu command to its handler and notices to the status handler', async () => {
    const fake = fakeBridge();
    g.monotable = fake.bridge;
    const calls: string[] = [];
    const off = installDesktopHost({
      newFromTemplate: (t) => void calls.push(`new ${t}`),
      open: (p) => void calls.push(`open ${p}`),
      import: (p) => void calls.push(`import ${p}`),
      save: async (p) => void calls.push(`save ${p}`),
      export: () => void calls.push('export'),
      theme: (t) => void calls.push(`theme ${t}`),
      notice: (e) => void calls.push(`notice ${e.kind}`),
    });
    fake.emit({ kind: 'command', command: { name: 'new-from-template', template: 'cruddur-messaging' } });
    fake.emit({ kind: 'command', command: { name: 'open', path: '/m/a.monotable.json' } });
    fake.emit({ kind: 'command', command: { name: 'import', path: '/m/w.json' } });
    fake.emit({ kind: 'command', command: { name: 'save', path: '/m/a.monotable.json', thenClose: true } });
    fake.emit({ kind: 'command', command: { name: 'export' } });
    fake.emit({ kind: 'command', command: { name: 'theme', theme: 'dark' } });
    fake.emit({ kind: 'engine-crashed', message: 'exit 9', restarting: true });
    await new Promise((r) => setTimeout(r, 0));
    expect(calls).toEqual([
      'notice engine-crashed',
      'new cruddur-messaging',
      'open /m/a.monotable.json',
      'import /m/w.json',
      'save /m/a.monotable.json',
      'export',
      'theme dark',
    ]);
    off();
    expect(fake.listeners).toHaveLength(0);
  });

  it('in a browser (no bridge) installing and reporting do nothing', () => {
    expect(g.monotable).toBeUndefined();
    const off = installDesktopHost({
      newFromTemplate: () => {},
      open: () => {},
      import: () => {},
      save: () => {},
      export: () => {},
      theme: () => {},
      notice: () => {},
    });
    expect(() => off()).not.toThrow();
    expect(() => reportDocument({ dirty: true })).not.toThrow();
  });

  it('reportDocument reaches the bridge in the desktop app', () => {
    const fake = fakeBridge();
    g.monotable = fake.bridge;
    reportDocument({ dirty: true, path: '/m/a.monotable.json' });
    expect(fake.reports).toEqual([{ dirty: true, path: '/m/a.monotable.json' }]);
  });
});
