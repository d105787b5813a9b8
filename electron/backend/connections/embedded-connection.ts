import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { MonotableError } from '../../../shared/errors/monotable-error.js';
import { defaultEngineDir, ensureEngineFolder, levelDbPath } from '../engine/data-dir.js';
import { engineStatus, ensureEngine } from '../engine/engine-manager.js';
import { findRunningEngine } from '../engine/engine-state.js';
import { startEngine } from '../engine/start-engine.js';
import { sleep } from '../retry/backoff.js';
import type { ConnectionSpec, OpenConnection } from './connection.js';
import { EMBEDDED_CAPABILITIES } from './connection.js';
import { createEndpointClient } from './local-client.js';

const REGION = 'us-east-1';
/** How long a found engine endpoint is trusted before the folder's engine is looked up again. */
const RECHECK_MS = 1_000;
/** How long `revive` keeps trying to reach (or start) the engine again. */
const REVIVE_TRIES = 15;
const REVIVE_PAUSE_MS = 200;

/** The endpoint of the engine now running on this folder (this backend's, or another process's), if any. */
async function runningEndpoint(engineDir: string): Promise<string | undefined> {
  if (engineDir === defaultEngineDir()) {
    const status = await engineStatus();
    return status.running ? status.endpoint : undefined;
  }
  const running = await findRunningEngine(engineDir);
  return running ? `http://127.0.0.1:${running.port}` : undefined;
}

interface FollowedEngine {
  /** The endpoint for the next request (looked up again when stale). */
  resolve(): Promise<string>;
  /** The endpoint last found, for labels. */
  now(): string;
  /** Look the engine up again before the next request (a request could not reach it). */
  stale(): void;
}

/**
 * The endpoint of a folder's engine, looked up again (at most every RECHECK_MS, or at once after a request could not
 * reach it) so that a connection outlives its engine: when the engine is started again after a crash or a kill (on
 * another port), the same connection id reaches it, and open results can go on with Load more. While no engine
 * runs, the last endpoint is kept, so a request fails with "does not answer" and the message says what to do.
 */
function followEngine(engineDir: string, first: string): FollowedEngine {
  let endpoint = first;
  let checked = Date.now();
  let lookup: Promise<void> | undefined;
  return {
    async resolve() {
      if (Date.now() - checked >= RECHECK_MS) {
        lookup ??= runningEndpoint(engineDir)
          .then((found) => {
            if (found) endpoint = found;
          })
          .catch(() => undefined)
          .finally(() => {
            checked = Date.now();
            lookup = undefined;
          });
        await lookup;
      }
      return endpoint;
    },
    now: () => endpoint,
    stale() {
      checked = 0;
    },
  };
}

const UNREACHABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE']);

function unreachable(error: unknown): boolean {
  const e = error as { code?: string; name?: string };
  return UNREACHABLE.has(e.code ?? '') || e.name === 'TimeoutError';
}

/**
 * The embedded engine of a data folder: the one `monotable engine` (or the app) runs there, found by its state
 * file; otherwise a transient engine on that folder for the life of this connection (LevelDB allows one opener).
 */
export async function openEmbeddedConnection(spec: ConnectionSpec & { kind: 'embedded' }): Promise<OpenConnection> {
  const engineDir = spec.dataDir ?? defaultEngineDir();
  const running = await findRunningEngine(engineDir);
  if (!running) return openTransient(spec, engineDir);
  const follow = followEngine(engineDir, `http://127.0.0.1:${running.port}`);
  const how = running.inMemory ? 'in memory' : `data ${engineDir}`;
  const client = createEndpointClient(follow.resolve, { region: REGION });
  // A request that cannot reach the engine makes the next one look it up again (it may be back on another port).
  client.middlewareStack.add(
    (next) => async (args) => {
      try {
        return await next(args);
      } catch (error) {
        if (unreachable(error)) follow.stale();
        throw error;
      }
    },
    { step: 'initialize', name: 'monotableFollowEngine' },
  );
  const answers = async (): Promise<boolean> => {
    follow.stale();
    const probe = createEndpointClient(await follow.resolve(), { region: REGION, maxAttempts: 1 });
    try {
      await probe.send(new ListTablesCommand({ Limit: 1 }), { abortSignal: AbortSignal.timeout(2_000) });
      return true;
    } catch (error) {
      return !unreachable(error);
    } finally {
      probe.destroy();
    }
  };
  return {
    spec,
    client,
    // A getter: the engine may have come back on another port since the connection opened.
    get label() {
      return `embedded engine ${follow.now()} (${how})`;
    },
    region: REGION,
    capabilities: EMBEDDED_CAPABILITIES,
    production: spec.production === true,
    readOnly: spec.readOnly === true,
    async revive() {
      for (let attempt = 0; attempt < REVIVE_TRIES; attempt++) {
        if (await answers()) return attempt > 0;
        // The engine is gone (stopped, crashed, killed): start it again on the same folder. Until this backend has
        // seen its engine exit, it still reports it running; the next try starts it.
        await ensureEngine({ dataDir: engineDir, ...(running.inMemory ? { inMemory: true } : {}) }).catch(
          () => undefined,
        );
        await sleep(REVIVE_PAUSE_MS);
      }
      throw new MonotableError(
        'ENGINE_START_FAILED',
        `The embedded engine of ${engineDir} does not answer and could not be started again.`,
        { file: engineDir, hint: `Run \`monotable engine --data ${engineDir}\` to see why it does not start.` },
      );
    },
    async close() {
      client.destroy();
    },
  };
}

/** No engine runs on the folder: one is started for the life of this connection (a CLI command). */
async function openTransient(spec: ConnectionSpec & { kind: 'embedded' }, engineDir: string): Promise<OpenConnection> {
  await ensureEngineFolder(engineDir);
  const engine = await startEngine({ port: 0, dataDir: levelDbPath(engineDir) });
  const client = createEndpointClient(engine.endpoint, { region: REGION });
  return {
    spec,
    client,
    label: `embedded engine ${engine.endpoint} (data ${engineDir}, started for this command)`,
    region: REGION,
    capabilities: EMBEDDED_CAPABILITIES,
    production: spec.production === true,
    readOnly: spec.readOnly === true,
    async close() {
      client.destroy();
      await engine.stop();
    },
  };
}
