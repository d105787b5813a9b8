import type { Envelope } from '../../shared/api/define.js';
import { createInProcessClient } from '../../electron/backend/api/in-process-client.js';
import type { ApiClient } from '../../shared/api/client.js';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../electron/server/start-server.js';
import { openHttpSession } from './http-session.js';

/** One way of reaching the backend. The contract suite runs against each; adding HTTP or IPC is one entry here. */
export interface Transport {
  name: string;
  open(): Promise<{ client: ApiClient; close(): Promise<void> }>;
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
    async open() {
      return { client: createInProcessClient(), close: async () => {} };
    },
  },
  {
    name: 'http',
    async open() {
      const folder = await mkdtemp(join(tmpdir(), 'monotable-http-'));
      const server = await startServer({ root: folder, dataDir: join(folder, '.data'), port: 0 });
      const { client } = await openHttpSession(server.url);
      return {
        client,
        async close() {
          client.close();
          await server.close();
          await rm(folder, { recursive: true, force: true });
        },
      };
    },
  },
];
