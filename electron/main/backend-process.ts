import { randomUUID } from 'node:crypto';
import { type UtilityProcess, utilityProcess } from 'electron';
import type { HostEvent } from '../../shared/api/ipc-bridge.js';
import { type BackendToMain, isBackendMessage, type MainToBackend } from './ipc/backend-messages.js';
import { createRelay, type Relay } from './ipc/relay.js';

export interface BackendProcessOptions {
  backendHost: string;
  engineHost: string;
  /** Sends a call's event to the window that made it. */
  deliverEvent(webContentsId: number, callId: string, event: unknown): void;
  appWindows(): ReadonlySet<number>;
  /** Tells every window (engine crashed / restarted, backend restarted). */
  notify(event: HostEvent): void;
}

const MAX_RESTARTS_PER_MINUTE = 3;

/**
 * The backend in its own utilityProcess (the dispatcher and services survive window reloads), restarted when it
 * dies; the engine processes it asks for, started here as utilityProcesses (child_process.fork needs the RunAsNode
 * fuse, which the packaged app turns off) and relayed to it; calls from windows relayed through `relay`.
 */
export function startBackend(options: BackendProcessOptions) {
  let child: UtilityProcess | undefined;
  let ready = false;
  let quitting = false;
  const queue: MainToBackend[] = [];
  const engines = new Map<string, { process: UtilityProcess; killRequested: boolean }>();
  const restarts: number[] = [];
  let shutdownDone: (() => void) | undefined;

  const post = (message: MainToBackend): void => {
    if (child && ready) child.postMessage(message);
    else queue.push(message);
  };

  const relay: Relay = createRelay({
    post,
    deliverEvent: options.deliverEvent,
    appWindows: options.appWindows,
    newId: randomUUID,
  });

  function forkEngine(key: string, args: string[]): void {
    const engine = utilityProcess.fork(options.engineHost, args, {
      serviceName: 'Monotable engine',
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const entry = { process: engine, killRequested: false };
    engines.set(key, entry);
    engine.on('spawn', () => post({ type: 'engine-spawned', key, pid: engine.pid ?? -1 }));
    engine.on('message', (message: unknown) => post({ type: 'engine-message', key, message }));
    engine.stderr?.on('data', (chunk: Buffer) => post({ type: 'engine-stderr', key, text: chunk.toString() }));
    engine.on('exit', (code) => {
      engines.delete(key);
      post({ type: 'engine-exit', key, code, expected: entry.killRequested || quitting });
    });
  }

  function fromBackend(message: BackendToMain): void {
    if (relay.fromBackend(message)) return;
    switch (message.type) {
      case 'ready':
        ready = true;
        for (const queued of queue.splice(0)) child?.postMessage(queued);
        return;
      case 'shutdown-done':
        shutdownDone?.();
        return;
      case 'engine-fork':
        forkEngine(message.key, message.args);
        return;
      case 'engine-kill': {
        const engine = engines.get(message.key);
        if (engine) {
          engine.killRequested = true;
          engine.process.kill();
        }
        return;
      }
      case 'engine-crashed':
        options.notify({
          kind: 'engine-crashed',
          message: `The local engine stopped unexpectedly (exit code ${message.code}).`,
          restarting: message.restarting,
        });
        return;
      case 'engine-restarted':
        options.notify({ kind: 'engine-restarted', endpoint: message.endpoint });
        return;
      case 'engine-restart-failed':
        options.notify({ kind: 'engine-restart-failed', message: message.message });
        return;
    }
  }

  function spawn(): void {
    ready = false;
    const backend = utilityProcess.fork(options.backendHost, [], {
      serviceName: 'Monotable backend',
      stdio: 'inherit',
    });
    child = backend;
    backend.on('message', (message: unknown) => {
      if (isBackendMessage(message)) fromBackend(message);
    });
    backend.on('exit', (code) => {
      if (child !== backend) return;
      child = undefined;
      ready = false;
      shutdownDone?.();
      if (quitting) return;
      // Its engines belonged to it: stop them, the new backend starts its own when asked.
      for (const [key, engine] of engines) {
        engine.killRequested = true;
        engine.process.kill();
        engines.delete(key);
      }
      relay.backendGone(`exit code ${code}`);
      const now = Date.now();
      restarts.push(now);
      while (restarts.length > 0 && restarts[0]! < now - 60_000) restarts.shift();
      if (restarts.length > MAX_RESTARTS_PER_MINUTE) {
        options.notify({
          kind: 'backend-restarted',
          message: `The Monotable backend stopped ${restarts.length} times within a minute; it is not restarted again. Restart the app.`,
        });
        return;
      }
      options.notify({
        kind: 'backend-restarted',
        message: `The Monotable backend stopped (exit code ${code}) and has been restarted; calls in progress were ended.`,
      });
      spawn();
    });
  }

  spawn();

  return {
    relay,
    /** Stops the engine (through the backend, so that it can clean its state file), then the backend. */
    async shutdown(timeoutMs = 3000): Promise<void> {
      quitting = true;
      if (!child) return;
      const done = new Promise<void>((resolve) => {
        shutdownDone = resolve;
      });
      post({ type: 'shutdown' });
      await Promise.race([done, new Promise((resolve) => setTimeout(resolve, timeoutMs))]);
      for (const engine of engines.values()) engine.process.kill();
      child?.kill();
    },
  };
}

export type Backend = ReturnType<typeof startBackend>;
