import type { ApiClient } from '../../../shared/api/client.js';
import { createHttpClient } from './http-client.js';

let client: ApiClient | undefined;

/**
 * The api client of this window, made once. Browser mode (`monotable serve`): the HTTP + WebSocket client on the
 * page's own origin. The desktop app's IPC client (`window.monotable`, from the preload) slots in here as the first
 * branch when `./ipc-client.ts` lands: `if ('monotable' in window) return createIpcClient()`.
 */
export function getApiClient(): ApiClient {
  client ??= createHttpClient();
  return client;
}
