import type { ApiClient } from '../../../shared/api/client.js';
import { createHttpClient } from './http-client.js';
import { createIpcClient, desktopBridge } from './ipc-client.js';

let client: ApiClient | undefined;

/**
 * The api client of this window, made once. The desktop app: the IPC client over `window.monotable` (set by the
 * preload). Browser mode (`monotable serve`): the HTTP + WebSocket client on the page's own origin.
 */
export function getApiClient(): ApiClient {
  client ??= desktopBridge() ? createIpcClient() : createHttpClient();
  return client;
}
