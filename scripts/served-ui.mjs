// What the UI scripts share (bench/ui-*.mjs, scripts/ui-screenshots.mjs): `monotable serve` on a folder with its own
// data folder, and Debian's Chromium with the flags this machine needs. Build first: `npm run build:node && npm run
// build:ui`.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const REPO = join(import.meta.dirname, '..');

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * Debian's Chromium, headless, with CHROMIUM_ARGS (and any extra flags). Its temp files (.org.chromium.Chromium.*, the
 * SingletonSocket folder, which a killed Chromium leaves behind) go into a TMPDIR of its own, removed when the
 * browser closes or crashes, or when this process exits. Under /tmp: the socket path must fit 107 bytes.
 */
export async function launchChromium(extraArgs = []) {
  const temp = mkdtempSync('/tmp/mt-chromium-');
  const remove = () => rmSync(temp, { recursive: true, force: true, maxRetries: 5 });
  process.once('exit', remove);
  try {
    const browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: [...CHROMIUM_ARGS, ...extraArgs],
      env: { ...process.env, TMPDIR: temp },
    });
    browser.once('disconnected', () => {
      remove();
      process.off('exit', remove);
    });
    return browser;
  } catch (error) {
    remove();
    process.off('exit', remove);
    throw error;
  }
}

/** Starts `monotable serve` rooted at `root` (opening `file` if given); resolves with its url and a stop function. */
export async function serve(root, file) {
  const data = await mkdtemp(join(tmpdir(), 'monotable-ui-data-'));
  const args = [join(REPO, 'bin', 'monotable.js'), 'serve', '--port', '0', '--root', root, ...(file ? [file] : [])];
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, MONOTABLE_DATA_DIR: data },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const m = /^url: (\S+)$/m.exec(out);
      if (m) resolve(m[1]);
    });
    child.once('exit', (code) => reject(new Error(`monotable serve exited with ${code}: ${out}`)));
  });
  return {
    url,
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      await rm(data, { recursive: true, force: true });
    },
  };
}
