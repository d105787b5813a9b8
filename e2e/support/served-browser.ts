import { mkdtemp, realpath, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { type BrowserHandle, launchBrowser } from './browser.js';
import { type ServeHandle, type StartServeOptions, startServe } from './serve.js';

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

/** What a suite gets from `browserWithServers`: a folder and a browser, and servers started by each test. */
export interface BrowserWithServers {
  /** A fresh temp folder for the tests' roots and data folders. */
  folder: string;
  browser: BrowserHandle;
  /** Starts `monotable serve` (stopped after the test that started it). */
  serve(options: StartServeOptions): Promise<ServeHandle>;
}

/**
 * For suites whose tests each start their own server(s) (another root, a file to open, a restart): a fresh temp
 * folder and Chromium for the suite; every server a test started is stopped after it.
 */
export function browserWithServers(name: string): BrowserWithServers {
  const servers: ServeHandle[] = [];
  const suite = {
    async serve(options: StartServeOptions) {
      const server = await startServe(options);
      servers.push(server);
      return server;
    },
  } as BrowserWithServers;
  beforeAll(async () => {
    suite.folder = await realpath(await mkdtemp(join(tmpdir(), `monotable-e2e-${name}-`)));
    suite.browser = await launchBrowser();
  });
  afterEach(async () => {
    for (const server of servers.splice(0)) await server.stop();
  });
  afterAll(async () => {
    await suite.browser?.close();
    if (suite.folder) await rm(suite.folder, { recursive: true, force: true });
  });
  return suite;
}
