import type { Envelope } from '../../shared/api/define.js';
import { createInProcessClient } from '../../electron/backend/api/in-process-client.js';
import type { ApiClient } from '../../shared/api/client.js';
import { openIpcTransport } from './ipc-transport.js';

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
  // The desktop app's path: renderer client → preload bridge → main relay (sender check) → backend host.
  { name: 'ipc', open: () => openIpcTransport() },
];
