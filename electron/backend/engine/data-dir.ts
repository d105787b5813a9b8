import { mkdir } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { MonotableError } from '../../../shared/errors/monotable-error.js';

/**
 * The folder of the embedded engine: its state file (`engine.json`) and, on disk, its LevelDB data (`leveldb/`).
 * `$MONOTABLE_DATA_DIR` wins (tests use a temp folder); otherwise the platform's per-user data folder.
 */
export function defaultEngineDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  if (env.MONOTABLE_DATA_DIR) return env.MONOTABLE_DATA_DIR;
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Monotable', 'engine');
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Monotable', 'engine');
  return join(env.XDG_DATA_HOME || join(home, '.local', 'share'), 'monotable', 'engine');
}

/** Where LevelDB keeps the tables inside an engine folder. */
export function levelDbPath(engineDir: string): string {
  return join(engineDir, 'leveldb');
}

/** Creates the engine folder; an unwritable place is ENGINE_START_FAILED naming the folder. */
export async function ensureEngineFolder(engineDir: string): Promise<void> {
  try {
    await mkdir(engineDir, { recursive: true });
  } catch (error) {
    throw new MonotableError(
      'ENGINE_START_FAILED',
      `Cannot create the engine folder ${engineDir}: ${(error as Error).message}`,
      {
        file: engineDir,
        hint: 'Choose a writable folder with --data DIR or MONOTABLE_DATA_DIR, or use --in-memory.',
      },
    );
  }
}
