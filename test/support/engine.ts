import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createEndpointClient } from '../../electron/backend/connections/local-client.js';
import { startEngine, type EngineOptions, type RunningEngine } from '../../electron/backend/engine/start-engine.js';

export interface TestEngine {
  engine: RunningEngine;
  client: DynamoDBClient;
  stop(): Promise<void>;
}

/** A real in-memory dynalite on 127.0.0.1:random for one test file, with a client for it. */
export async function startTestEngine(options: EngineOptions = {}): Promise<TestEngine> {
  const engine = await startEngine({ createTableMs: 5, deleteTableMs: 5, updateTableMs: 5, ...options });
  const client = createEndpointClient(engine.endpoint);
  return {
    engine,
    client,
    async stop() {
      client.destroy();
      await engine.stop();
    },
  };
}
