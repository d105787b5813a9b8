import { type ChildProcess, fork } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { HostEvent } from '../../shared/api/ipc-bridge.js';

/**
 * Main's process manager (electron/main/backend-process.ts) with the built backend and engine entries as real
 * processes. Only `utilityProcess.fork` is a stand-in: it forks the entry with Node and Electron's parentPort
 * emulated (support/parent-port-shim.mjs), with the same events (spawn, message, exit) and methods.
 */
const DIST = resolve(import.meta.dirname, '..', '..', 'dist', 'electron', 'main', 'backend-host');
const SHIM = join(import.meta.dirname, 'support', 'parent-port-shim.mjs');
const built = existsSync(join(DIST, 'backend-host.js'));

const children = vi.hoisted(() => [] as { entry: string; child: ChildProcess }[]);

vi.mock('electron', () => ({
  utilityProcess: {
    fork(modulePath: string, args: string[], options: { stdio?: unknown }) {
      const child = fork(modulePath, args, {
        execArgv: ['--import', SHIM],
        serialization: 'advanced',
        stdio: ['ignore', 'ignore', Array.isArray(options.stdio) ? 'pipe' : 'inherit', 'ipc'],
      });
      children.push({ entry: modulePath, child });
      const proc = Object.assign(new EventEmitter(), {
        get pid() {
          return child.pid;
        },
        stderr: child.stderr,
        postMessage: (message: unknown) => child.connected && child.send(message as never),
        kill: () => child.kill('SIGTERM'),
      });
      child.on('spawn', () => proc.emit('spawn'));
      child.on('message', (message) => proc.emit('message', message));
      child.on('exit', (code, signal) => proc.emit('exit', code ?? (signal ? 1 : 0)));
      return proc;
    },
  },
}));

const { startBackend } = await import('../../electron/main/backend-process.js');

describe.skipIf(!built)('main process manager with real backend and engine processes', () => {
  // made in beforeAll: a describe body runs even when the block is skipped, and then no afterAll removes it
  let dataDir = '';
  const notices: HostEvent[] = [];
  const delivered: unknown[] = [];
  let backend: ReturnType<typeof startBackend>;
  const savedDataDir = process.env.MONOTABLE_DATA_DIR;
  const sender = { webContentsId: 1, frame: { url: 'monotable://app/index.html', isMainFrame: true } };
  let nextId = 0;
  const call = (method: string, input: unknown) =>
    backend.relay.call(sender, { callId: `c${++nextId}`, method, input });
  const noticed = async (kind: HostEvent['kind']) => {
    await vi.waitFor(() => expect(notices.map((n) => n.kind)).toContain(kind), { timeout: 20_000, interval: 50 });
    return notices.find((n) => n.kind === kind)!;
  };

  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'monotable-backend-process-'));
    process.env.MONOTABLE_DATA_DIR = dataDir; // inherited by the forked entries
    backend = startBackend({
      backendHost: join(DIST, 'backend-host.js'),
      engineHost: join(DIST, 'engine-host.js'),
      deliverEvent: (_id, callId, event) => delivered.push({ callId, event }),
      appWindows: () => new Set([1]),
      notify: (event) => notices.push(event),
    });
  });

  afterAll(async () => {
    await backend?.shutdown(3000);
    for (const { child } of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    if (savedDataDir === undefined) delete process.env.MONOTABLE_DATA_DIR;
    else process.env.MONOTABLE_DATA_DIR = savedDataDir;
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('relays a window call to the backend process (queued until it is ready)', async () => {
    const listed = await call('templates.list', {});
    expect(listed).toMatchObject({ ok: true });
  });

  it('starts the engine in its own process; when that dies, the window hears of it and it runs again', async () => {
    const started = (await call('engine.start', { dataDir, inMemory: true })) as { ok: true; value: { pid: number } };
    expect(started.ok).toBe(true);
    const engine = children.find((c) => c.child.pid === started.value.pid);
    expect(engine?.entry).toBe(join(DIST, 'engine-host.js'));
    engine!.child.kill('SIGKILL');
    expect(await noticed('engine-crashed')).toMatchObject({ restarting: true });
    expect(await noticed('engine-restarted')).toMatchObject({
      endpoint: expect.stringMatching(/^http:\/\/127\.0\.0\.1:/),
    });
    const status = (await call('engine.status', {})) as { ok: true; value: { running: boolean; pid: number } };
    expect(status.value.running).toBe(true);
    expect(status.value.pid).not.toBe(started.value.pid);
  });

  it('when the backend process dies, calls in flight end with INTERNAL, the window hears of it, and it restarts', async () => {
    const backendChild = children.filter((c) => c.entry.endsWith('backend-host.js')).at(-1)!.child;
    backendChild.kill('SIGSTOP'); // the call below is then surely in flight when the process dies
    const pending = call('templates.list', {});
    backendChild.kill('SIGKILL');
    expect(await pending).toMatchObject({
      ok: false,
      error: { code: 'INTERNAL', message: expect.stringContaining('templates.list did not finish') },
    });
    expect(await noticed('backend-restarted')).toMatchObject({ message: expect.stringContaining('restarted') });
    expect(await call('templates.list', {})).toMatchObject({ ok: true });
    // Its engine went with it (main stops the engines of a dead backend); the new backend has none until asked.
    const engines = children.filter((c) => c.entry.endsWith('engine-host.js')).map((c) => c.child);
    await vi.waitFor(() => expect(engines.every((e) => e.exitCode !== null || e.signalCode !== null)).toBe(true), {
      timeout: 10_000,
    });
    expect(await call('engine.status', {})).toMatchObject({ ok: true, value: { running: false } });
  });
});
