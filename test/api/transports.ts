import type { Envelope } from '../../shared/api/define.js';
import { createInProcessClient } from '../../electron/backend/api/in-process-client.js';
import type { ApiClient } from '../../shared/api/client.js';
import { mkdir, mkdtemp, realpath, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../electron/server/start-server.js';
import { openHttpSession } from './http-session.js';
import { openIpcTransport } from './ipc-transport.js';

/** One way of reaching the backend. The contract suite runs against each; adding HTTP or IPC is one entry here. */
export interface Transport {
  name: string;
  /** True when `open` gives a `root`: the file methods are confined to it (the file-method suite runs only then). */
  confinesFiles?: boolean;
  /** `root`: a fresh temp folder the transport removes on close, the only folder its file methods may touch. */
  open(): Promise<{ client: ApiClient; root?: string; close(): Promise<void> }>;
}

/** Untyped access for tests that send what a hostile or buggy caller would. */
export function rawCall(
  client: ApiClient,
  method: string,
  input: unknown,
  options?: { signal?: AbortSignal; onEvent?: (e: unknown) => void },
): Promise<Envelope<unknown>> {
  return (client.call as (m: string, i: unknown, o?: unknown) => Promise<Envelope<unknown>>)(method, input, options);
}

export const TRANSPORTS: Transport[] = [
  {
    name: 'in-process',
    confinesFiles: true,
    async open() {
      const folder = await realpath(await mkdtemp(join(tmpdir(), 'monotable-inproc-')));
      const root = join(folder, 'root');
      await mkdir(root);
      const files = { mode: 'desktop' as const, root, confined: true, dataDir: join(folder, 'data') };
      return {
        client: createInProcessClient(undefined, files),
        root,
        close: () => rm(folder, { recursive: true, force: true }),
      };
    },
  },
  {
    name: 'http',
    confinesFiles: true,
    async open() {
      const folder = await realpath(await mkdtemp(join(tmpdir(), 'monotable-http-')));
      const root = join(folder, 'root');
      await mkdir(root);
      const server = await startServer({ root, dataDir: join(folder, 'data'), port: 0 });
      const { client } = await openHttpSession(server.url);
      return {
        client,
        root,
        async close() {
          client.close();
          await server.close();
          await rm(folder, { recursive: true, force: true });
        },
      };
    },
  },
  // The desktop app's path: renderer client → preload bridge → main relay (sender check) → backend host.
  {
    name: 'ipc',
    async open() {
      const folder = await realpath(await mkdtemp(join(tmpdir(), 'monotable-ipc-')));
      const root = join(folder, 'root');
      await mkdir(root);
      const { client, close } = await openIpcTransport({
        files: { mode: 'desktop', root, confined: true, dataDir: join(folder, 'data') },
      });
      return {
        client,
        root,
        async close() {
          await close();
          await rm(folder, { recursive: true, force: true });
        },
      };
    },
  },
];
