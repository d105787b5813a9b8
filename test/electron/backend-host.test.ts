import { type ChildProcess, fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { MessageChannel } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Envelope } from '../../shared/api/define.js';
import { dispatch } from '../../electron/backend/api/dispatcher.js';
import { setEngineForker } from '../../electron/backend/engine/start-engine.js';
import { createEngineProcessProxy } from '../../electron/main/backend-host/engine-process-proxy.js';
import { serveBackend } from '../../electron/main/backend-host/host-core.js';
import type { BackendToMain, MainToBackend } from '../../electron/main/ipc/backend-messages.js';

/**
 * The desktop backend's process model without Electron: the backend host serves the real dispatcher over a
 * MessagePort; the engine is started through the backend's engine proxy by a stand-in for main that runs the real
 * engine script (here with child_process.fork, where the app uses utilityProcess.fork) and relays its messages,
 * stderr and exit. Killing that engine process must be reported and followed by a restart, like in the app.
 */
const ENGINE_CHILD = resolve(import.meta.dirname, '..', '..', 'electron', 'backend', 'engine', 'engine-child.js');

describe('desktop backend host: engine started through main, restarted after a crash', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'monotable-backend-host-'));
  const { port1: mainPort, port2: backendPort } = new MessageChannel();
  const fromBackend: BackendToMain[] = [];
  const waiters: { test: (m: BackendToMain) => boolean; resolve: (m: BackendToMain) => void }[] = [];
  const engines = new Map<string, ChildProcess>();
  let nextCall = 0;

  const toBackend = (message: MainToBackend): void => mainPort.postMessage(message);
  const next = (test: (m: BackendToMain) => boolean): Promise<BackendToMain> => {
    const seen = fromBackend.find(test);
    if (seen) {
      fromBackend.splice(fromBackend.indexOf(seen), 1);
      return Promise.resolve(seen);
    }
    return new Promise((resolve) => waiters.push({ test, resolve }));
  };
  async function call(method: string, input: unknown): Promise<Envelope<unknown>> {
    const id = `t${++nextCall}`;
    toBackend({ type: 'call', id, method, input });
    const result = await next((m) => m.type === 'result' && m.id === id);
    return (result as Extract<BackendToMain, { type: 'result' }>).envelope;
  }

  // The stand-in for main: what backend-process.ts does with utilityProcess.fork.
  function handle(message: BackendToMain): void {
    if (message.type === 'engine-fork') {
      const child = fork(ENGINE_CHILD, message.args, { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
      engines.set(message.key, child);
      child.on('spawn', () => toBackend({ type: 'engine-spawned', key: message.key, pid: child.pid! }));
      child.on('message', (m) => toBackend({ type: 'engine-message', key: message.key, message: m }));
      child.stderr?.on('data', (d: Buffer) => toBackend({ type: 'engine-stderr', key: message.key, text: String(d) }));
      child.on('exit', (code, signal) =>
        toBackend({ type: 'engine-exit', key: message.key, code: code ?? (signal ? 128 : 0), expected: false }),
      );
      return;
    }
    if (message.type === 'engine-kill') {
      engines.get(message.key)?.kill('SIGTERM');
      return;
    }
    const waiter = waiters.find((w) => w.test(message));
    if (waiter) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve(message);
    } else fromBackend.push(message);
  }

  const savedDataDir = process.env.MONOTABLE_DATA_DIR;
  beforeAll(() => {
    process.env.MONOTABLE_DATA_DIR = dataDir; // engine.status looks here, not at the user's engine
    mainPort.on('message', (m: BackendToMain) => handle(m));
    const post = (m: BackendToMain): void => backendPort.postMessage(m);
    let crashed: (code: number) => void = () => {};
    const proxy = createEngineProcessProxy(post, (code) => crashed(code));
    setEngineForker(proxy.fork);
    const { supervisor } = serveBackend(
      { post, listen: (h) => backendPort.on('message', h) },
      {
        dispatch,
        shutdown: async () => {},
        other: (m) => {
          if ('key' in m) proxy.handle(m);
        },
      },
    );
    crashed = (code) => {
      post({ type: 'engine-crashed', code, restarting: supervisor.willRestart });
      void supervisor.restart();
    };
  });

  afterAll(async () => {
    await call('engine.stop', {}).catch(() => undefined);
    for (const child of engines.values()) if (child.exitCode === null) child.kill('SIGKILL');
    setEngineForker(undefined);
    if (savedDataDir === undefined) delete process.env.MONOTABLE_DATA_DIR;
    else process.env.MONOTABLE_DATA_DIR = savedDataDir;
    mainPort.close();
    backendPort.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('announces itself, then starts the engine as a process main launched for it', async () => {
    await next((m) => m.type === 'ready');
    const started = await call('engine.start', { dataDir, inMemory: true });
    expect(started).toMatchObject({ ok: true, value: { running: true, inMemory: true, dataDir } });
    const pid = (started as { value: { pid: number } }).value.pid;
    expect([...engines.values()].map((c) => c.pid)).toContain(pid);
  });

  it('a killed engine is reported as a crash and started again the way it was started; calls work again', async () => {
    const before = (await call('engine.status', {})) as { ok: true; value: { pid: number } };
    const engine = [...engines.values()].find((c) => c.pid === before.value.pid)!;
    engine.kill('SIGKILL');
    expect(await next((m) => m.type === 'engine-crashed')).toMatchObject({ restarting: true });
    const restarted = await next((m) => m.type === 'engine-restarted' || m.type === 'engine-restart-failed');
    expect(restarted).toMatchObject({
      type: 'engine-restarted',
      endpoint: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/),
    });
    const after = (await call('engine.status', {})) as {
      ok: true;
      value: { pid: number; running: boolean; dataDir: string };
    };
    expect(after.value).toMatchObject({ running: true, dataDir });
    expect(after.value.pid).not.toBe(before.value.pid);
  });

  it('an engine stopped on request is not restarted', async () => {
    expect(await call('engine.stop', {})).toEqual({ ok: true, value: { stopped: true } });
    expect(await call('engine.status', {})).toMatchObject({ ok: true, value: { running: false } });
    expect(fromBackend.filter((m) => m.type === 'engine-crashed')).toEqual([]);
  });
});
