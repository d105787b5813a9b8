import { defaultEngineDir, ensureEngineFolder, levelDbPath } from '../engine/data-dir.js';
import { findRunningEngine } from '../engine/engine-state.js';
import { startEngine } from '../engine/start-engine.js';
import type { ConnectionSpec, OpenConnection } from './connection.js';
import { EMBEDDED_CAPABILITIES } from './connection.js';
import { createEndpointClient } from './local-client.js';

const REGION = 'us-east-1';

/**
 * The embedded engine of a data folder: the one `monotable engine` (or the app) runs there, found by its state
 * file; otherwise a transient engine on that folder for the life of this connection (LevelDB allows one opener).
 */
export async function openEmbeddedConnection(spec: ConnectionSpec & { kind: 'embedded' }): Promise<OpenConnection> {
  const engineDir = spec.dataDir ?? defaultEngineDir();
  const running = await findRunningEngine(engineDir);
  let endpoint: string;
  let stopEngine: () => Promise<void> = async () => undefined;
  let how: string;
  if (running) {
    endpoint = `http://127.0.0.1:${running.port}`;
    how = running.inMemory ? 'in memory' : `data ${engineDir}`;
  } else {
    await ensureEngineFolder(engineDir);
    const engine = await startEngine({ port: 0, dataDir: levelDbPath(engineDir) });
    endpoint = engine.endpoint;
    stopEngine = () => engine.stop();
    how = `data ${engineDir}, started for this command`;
  }
  const client = createEndpointClient(endpoint, { region: REGION });
  return {
    spec,
    client,
    label: `embedded engine ${endpoint} (${how})`,
    region: REGION,
    capabilities: EMBEDDED_CAPABILITIES,
    production: spec.production === true,
    readOnly: spec.readOnly === true,
    async close() {
      client.destroy();
      await stopEngine();
    },
  };
}
