import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * Where the file methods may read and write, given to the dispatcher by each transport (HandlerContext.files).
 * - browser mode (`monotable serve`): `confined`, root = the folder serve was started in (or --root);
 * - desktop (Electron) and the in-process client of the CLI and tests: not confined; root is only where relative
 *   paths start and where the Open dialog opens.
 */
export interface FileScope {
  mode: 'browser' | 'desktop';
  /** Absolute folder. */
  root: string;
  /** True: a path outside `root` (after resolving `..` and symlinks) is FORBIDDEN_PATH. */
  confined: boolean;
  /** The user data folder: the autosave journal and the recent-files list live here. */
  dataDir: string;
  /** The FILE given to `monotable serve`, as an absolute path. */
  initialFile?: string;
}

/**
 * The per-user data folder of Monotable (the embedded engine's folder is its `engine/` child, see
 * engine/data-dir.ts). `$MONOTABLE_DATA_DIR` wins: tests and portable installs point it at a folder of their own.
 */
export function userDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  if (env.MONOTABLE_DATA_DIR) return resolve(env.MONOTABLE_DATA_DIR);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Monotable');
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Monotable');
  return join(env.XDG_DATA_HOME || join(home, '.local', 'share'), 'monotable');
}

/** The scope of a caller that brings none (the CLI's and the tests' in-process client): the current folder, not confined. */
export function defaultFileScope(): FileScope {
  return { mode: 'desktop', root: process.cwd(), confined: false, dataDir: userDataDir() };
}
