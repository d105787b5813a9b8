import { mkdtemp, realpath, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { type BrowserHandle, launchBrowser } from './browser.js';
import { type ServeHandle, startServe } from './serve.js';

/** What a suite gets from `servedBrowser`: filled in before its first test. */
export interface ServedBrowser {
  /** The root folder `monotable serve` runs in (a fresh temp folder). */
  folder: string;
  browser: BrowserHandle;
  server: ServeHandle;
}

/**
 * For the suite it is called in: a fresh temp folder, `monotable serve` rooted there and a fresh Chromium, made before
 * the first test and all removed after the last (each e2e suite owns its fixtures).
 */
export function servedBrowser(name: string): ServedBrowser {
  const served = {} as ServedBrowser;
  beforeAll(async () => {
    served.folder = await realpath(await mkdtemp(join(tmpdir(), `monotable-e2e-${name}-`)));
    served.browser = await launchBrowser();
    served.server = await startServe({ root: served.folder });
  });
  afterAll(async () => {
    await served.server?.stop();
    await served.browser?.close();
    if (served.folder) await rm(served.folder, { recursive: true, force: true });
  });
  return served;
}
