import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

let root: string | undefined;

/**
 * The folder of Monotable's package.json, found upward from this module: the same answer whether the code runs from
 * the TypeScript sources (tests) or from dist/ (the built CLI and server).
 */
export function packageRoot(): string {
  if (root) return root;
  let dir = import.meta.dirname;
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error(`No package.json above ${import.meta.dirname}`);
    dir = up;
  }
  root = dir;
  return dir;
}
