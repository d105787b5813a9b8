import type { ApiClient } from '../../shared/api/client.js';
import type { EngineOptions } from '../../electron/backend/engine/start-engine.js';
import { startTestEngine, type TestEngine } from './engine.js';

export interface ApiTestEngine extends TestEngine {
  /** The connection to the engine, opened through the API (`connection.open`) as the app opens one. */
  connectionId: string;
}

/** `startTestEngine` plus an endpoint connection opened through `api`; `stop` closes the connection, then the engine. */
export async function startApiTestEngine(api: ApiClient, options: EngineOptions = {}): Promise<ApiTestEngine> {
  const engine = await startTestEngine(options);
  const opened = await api.call('connection.open', { kind: 'endpoint', url: engine.engine.endpoint });
  if (!opened.ok) {
    await engine.stop();
    throw new Error(opened.error.message);
  }
  const connectionId = opened.value.connectionId;
  return {
    ...engine,
    connectionId,
    async stop() {
      await api.call('connection.close', { connectionId });
      await engine.stop();
    },
  };
}
