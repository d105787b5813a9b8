import { type ChildProcess, fork } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Envelope } from '../../shared/api/define.js';
import type { BackendToMain, MainToBackend } from '../../electron/main/ipc/backend-messages.js';

/**
 * The built desktop entries (`npm run build:desktop`, run by `npm test` before vitest): the preload bundle in a
 * sandbox-like context, and the two utilityProcess entries as real processes, with Electron's parentPort emulated
 * over Node IPC (support/parent-port-shim.mjs). This test plays main: it relays the engine as backend-process.ts does.
 */
const ROOT = resolve(import.meta.dirname, '..', '..');
const DIST = join(ROOT, 'dist', 'electron');
const SHIM = join(import.meta.dirname, 'support', 'parent-port-shim.mjs');
const built = existsSync(join(DIST, 'preload', 'preload.cjs')) && existsSync(join(DIST, 'main', 'main.js'));

function forkEntry(entry: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  return fork(join(DIST, 'main', 'backend-host', entry), args, {
    execArgv: ['--import', SHIM],
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
    env,
  });
}

describe('built desktop entries', () => {
  it('npm run build:desktop has produced them', () => {
    expect(built, 'run `npm run build:desktop` first').toBe(true);
  });

  it('the preload is one CommonJS file that requires only electron and exposes only the bridge', () => {
    const code = readFileSync(join(DIST, 'preload', 'preload.cjs'), 'utf8');
    const required: string[] = [];
    const exposed: { key: string; api: Record<string, unknown> }[] = [];
    const channels: string[] = [];
    const ipcRenderer = {
      invoke: (channel: string) => channels.push(channel),
      send: (channel: string) => channels.push(channel),
      on: (channel: string) => channels.push(channel),
    };
    const electron = {
      contextBridge: {
        exposeInMainWorld: (key: string, api: Record<string, unknown>) => exposed.push({ key, api }),
      },
      ipcRenderer,
    };
    const module = { exports: {} };
    runInNewContext(code, {
      require: (name: string) => {
        required.push(name);
        if (name !== 'electron') throw new Error(`a sandboxed preload cannot require ${name}`);
        return electron;
      },
      module,
      exports: module.exports,
      TypeError,
      Error,
      Promise,
      Object,
      Array,
      Set,
      Map,
      JSON,
    });
    expect(required).toEqual(['electron']);
    expect(exposed).toHaveLength(1);
    expect(exposed[0]!.key).toBe('monotable');
    expect(Object.keys(exposed[0]!.api).sort()).toEqual([
      'cancel',
      'chooseSavePath',
      'invoke',
      'onHostEvent',
      'reportDocument',
      'subscribe',
    ]);
    expect(Object.values(exposed[0]!.api)).not.toContain(ipcRenderer);
    expect(channels.sort()).toEqual(['monotable:event', 'monotable:host']); // the two listeners, at load
  });

  describe.skipIf(!built)('backend-host.js and engine-host.js as processes', () => {
    // made in beforeAll: a describe body runs even when the block is skipped, and then no afterAll removes it
    let dataDir = '';
    let backend: ChildProcess;
    const engines = new Map<string, ChildProcess>();
    const inbox: BackendToMain[] = [];
    const waiters: { test: (m: BackendToMain) => boolean; resolve: (m: BackendToMain) => void }[] = [];
    const next = (test: (m: BackendToMain) => boolean): Promise<BackendToMain> => {
      const seen = inbox.find(test);
      if (seen) {
        inbox.splice(inbox.indexOf(seen), 1);
        return Promise.resolve(seen);
      }
      return new Promise((resolve) => waiters.push({ test, resolve }));
    };
    const post = (m: MainToBackend): void => void backend.send(m);
    let calls = 0;
    async function call(method: string, input: unknown): Promise<Envelope<unknown>> {
      const id = `c${++calls}`;
      post({ type: 'call', id, method, input });
      return ((await next((m) => m.type === 'result' && m.id === id)) as { envelope: Envelope<unknown> }).envelope;
    }

    beforeAll(() => {
      dataDir = mkdtempSync(join(tmpdir(), 'monotable-desktop-build-'));
      const env = { ...process.env, MONOTABLE_DATA_DIR: dataDir };
      backend = forkEntry('backend-host.js', [], env);
      backend.on('message', (m: BackendToMain) => {
        if (m.type === 'engine-fork') {
          const engine = forkEntry('engine-host.js', m.args, env);
          engines.set(m.key, engine);
          engine.on('spawn', () => post({ type: 'engine-spawned', key: m.key, pid: engine.pid! }));
          engine.on('message', (message) => post({ type: 'engine-message', key: m.key, message }));
          engine.stderr?.on('data', (d: Buffer) => post({ type: 'engine-stderr', key: m.key, text: String(d) }));
          engine.on('exit', (code) => post({ type: 'engine-exit', key: m.key, code: code ?? 1, expected: false }));
          return;
        }
        if (m.type === 'engine-kill') {
          engines.get(m.key)?.kill('SIGTERM');
          return;
        }
        const waiter = waiters.find((w) => w.test(m));
        if (waiter) {
          waiters.splice(waiters.indexOf(waiter), 1);
          waiter.resolve(m);
        } else inbox.push(m);
      });
    });

    afterAll(() => {
      for (const child of [backend, ...engines.values()]) if (child?.exitCode === null) child.kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
    });

    it('the backend announces itself and answers calls through the dispatcher, in the desktop file scope', async () => {
      await next((m) => m.type === 'ready');
      const templates = (await call('templates.list', {})) as { ok: true; value: { templates: { name: string }[] } };
      expect(templates.value.templates.map((t) => t.name)).toContain('cruddur-messaging');
      expect(await call('app.info', {})).toMatchObject({ ok: true, value: { mode: 'desktop', confined: false } });
    });

    it('starts the engine in the engine entry main launched for it; shutdown stops it', async () => {
      const started = await call('engine.start', { dataDir, inMemory: true });
      expect(started).toMatchObject({
        ok: true,
        value: { running: true, endpoint: expect.stringMatching(/^http:\/\/127/) },
      });
      const engine = [...engines.values()][0]!;
      expect((started as { value: { pid: number } }).value.pid).toBe(engine.pid);
      const exited = new Promise((resolve) => engine.once('exit', resolve));
      post({ type: 'shutdown' });
      await next((m) => m.type === 'shutdown-done');
      await exited;
      expect(engine.exitCode ?? engine.signalCode).not.toBeNull();
    });
  });
});
