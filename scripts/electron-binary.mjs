// Where the Electron binary is, decided the way node_modules/electron/index.js decides it, but without its side
// effect: that module starts a download when the binary is missing, which fails offline and under
// ELECTRON_SKIP_BINARY_DOWNLOAD. Used by `npm start` (scripts/start-desktop.mjs) and the Electron smoke test.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * @param {{ electronDir?: string, env?: Record<string, string | undefined> }} [options]
 * @returns {{ found: true, path: string } | { found: false, reason: string }}
 */
export function findElectronBinary(options = {}) {
  const env = options.env ?? process.env;
  let electronDir = options.electronDir;
  if (!electronDir) {
    try {
      electronDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
    } catch {
      return { found: false, reason: 'the electron package is not installed (node_modules/electron is missing)' };
    }
  }
  const pathFile = join(electronDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : undefined;
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    const path = join(env.ELECTRON_OVERRIDE_DIST_PATH, relative || 'electron');
    return existsSync(path)
      ? { found: true, path }
      : { found: false, reason: `ELECTRON_OVERRIDE_DIST_PATH points to ${path}, which does not exist` };
  }
  if (!relative) return { found: false, reason: `${pathFile} is missing (the binary was never downloaded)` };
  const path = join(electronDir, 'dist', relative);
  return existsSync(path) ? { found: true, path } : { found: false, reason: `${path} does not exist` };
}

/**
 * What `npm start` prints when there is no Electron binary: what is missing, how to get it, and the browser mode.
 * @param {string} reason
 * @param {string} version the installed electron package's version
 */
export function missingElectronMessage(reason, version) {
  return [
    'Monotable desktop: the Electron binary is not installed, so the desktop app cannot start.',
    `  (${reason})`,
    '',
    'To get it (needs network access to github.com):',
    `  - run \`npx install-electron\`: it downloads Electron ${version} into node_modules/electron`,
    '    (since Electron 42, `npm install` itself downloads nothing; the binary comes on first use), or',
    `  - set ELECTRON_OVERRIDE_DIST_PATH to a folder holding an unpacked Electron ${version}.`,
    '',
    'Without Electron, `npx monotable serve` gives the same UI in your browser.',
    '',
  ].join('\n');
}
