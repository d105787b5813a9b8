#!/usr/bin/env node
// `npm start`: builds the CLI/backend, the renderer and the desktop main + preload, then starts Electron on this
// folder (package.json "main"). Arguments after `--` go to the app (e.g. `npm start -- model.monotable.json`).
// Without an Electron binary it says so, how to get one, and that `npx monotable serve` offers the same UI.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findElectronBinary, missingElectronMessage } from './electron-binary.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const electronVersion = (pkg.devDependencies?.electron ?? 'the pinned version').replace(/^[\^~]/, '');

const binary = findElectronBinary();
if (!binary.found) {
  process.stderr.write(missingElectronMessage(binary.reason, electronVersion));
  process.exit(1);
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
for (const script of ['build:node', 'build:ui', 'build:desktop']) {
  if (!pkg.scripts?.[script]) continue;
  const result = spawnSync(npm, ['run', '--silent', script], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    process.stderr.write(`npm start: \`npm run ${script}\` failed; the desktop app was not started.\n`);
    process.exit(result.status ?? 1);
  }
}

const child = spawn(binary.path, [root, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
