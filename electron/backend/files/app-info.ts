import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from './package-root.js';
import type { FileScope } from './file-scope.js';
import { realRoot } from './root-path.js';

let version: string | undefined;

/** Monotable's version, from its package.json. */
export function appVersion(): string {
  version ??= (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
  return version;
}

export async function appInfo(scope: FileScope): Promise<{
  version: string;
  mode: 'browser' | 'desktop';
  root: string;
  confined: boolean;
  initialFile?: string;
}> {
  return {
    version: appVersion(),
    mode: scope.mode,
    root: await realRoot(scope),
    confined: scope.confined,
    ...(scope.initialFile ? { initialFile: scope.initialFile } : {}),
  };
}
