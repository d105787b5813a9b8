import { afterEach, describe, expect, it } from 'vitest';
import type { DocumentState, HostEvent, MonotableBridge } from '../../../shared/api/ipc-bridge.js';
import { installDesktopIntegration } from './desktop-integration.js';
import { fileState } from '../files/file-state.js';
import { getDocument } from '../state/model-store.js';

/** The page's side of the desktop menus over a stand-in bridge: the real document store and file functions. */
function fakeBridge() {
  const listeners: ((e: HostEvent) => void)[] = [];
  const reports: DocumentState[] = [];
  const bridge: MonotableBridge = {
    invoke: async () => ({ ok: false, error: { code: 'NETWORK', message: 'no backend in this test', details: {} } }),
    subscribe: () => () => {},
    cancel: () => {},
    onHostEvent: (listener) => {
      listeners.push(listener);
      return () => listeners.splice(listeners.indexOf(listener), 1);
    },
    reportDocument: (state) => reports.push(state),
    chooseSavePath: async () => undefined,
  };
  return { bridge, reports, emit: (e: HostEvent) => listeners.forEach((l) => l(e)) };
}

const g = globalThis as { monotable?: MonotableBridge };
let uninstall: () => void = () => {};
afterEach(() => {
  uninstall();
  delete g.monotable;
});

describe('desktop integration in the page', () => {
  it('File > New from Template opens the template, and the document is reported to main', async () => {
    const fake = fakeBridge();
    g.monotable = fake.bridge;
    uninstall = installDesktopIntegration();
    expect(fake.reports[0]).toEqual({ dirty: false });
    fake.emit({ kind: 'command', command: { name: 'new-from-template', template: 'cruddur-messaging' } });
    await new Promise((r) => setTimeout(r, 0));
    expect(getDocument().model.name).toBe('cruddur-messaging');
    expect(fake.reports.at(-1)).toMatchObject({ title: 'cruddur-messaging' });
    expect(fake.reports.at(-1)).not.toHaveProperty('path');
  });

  it('an engine crash shows in the status notice', () => {
    const fake = fakeBridge();
    g.monotable = fake.bridge;
    uninstall = installDesktopIntegration();
    fake.emit({
      kind: 'engine-crashed',
      message: 'The local engine stopped unexpectedly (exit code 9).',
      restarting: true,
    });
    expect(fileState.get().notice).toEqual({
      kind: 'error',
      text: 'The local engine stopped unexpectedly (exit code 9). Restarting it…',
    });
  });
});
