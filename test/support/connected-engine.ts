import {
  openConnection,
  type ConnectionSpec,
  type OpenConnection,
} from '../../electron/backend/connections/connection.js';
import type { EngineOptions } from '../../electron/backend/engine/start-engine.js';
import { startTestEngine, type TestEngine } from './engine.js';

export interface ConnectedTestEngine extends TestEngine {
  /** An endpoint connection to the engine, as `monotable ... --endpoint URL` opens one. */
  connection: OpenConnection;
}

type EndpointSettings = Omit<ConnectionSpec & { kind: 'endpoint' }, 'kind' | 'url'>;

/** `startTestEngine` plus an endpoint connection to it; `stop` closes the connection, then the engine. */
export async function startConnectedTestEngine(
  options: { engine?: EngineOptions; connection?: EndpointSettings } = {},
): Promise<ConnectedTestEngine> {
  const engine = await startTestEngine(options.engine);
  const connection = await openConnection({ ...options.connection, kind: 'endpoint', url: engine.engine.endpoint });
  return {
    ...engine,
    connection,
    async stop() {
      await connection.close();
      await engine.stop();
    },
  };
}
