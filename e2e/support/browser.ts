import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, type Page, chromium } from 'playwright-core';
import { describe } from 'vitest';
import { SHORT_TEMP_ENV } from '../../test/support/global-setup.js';

/** Debian's Chromium: Playwright cannot download its own browsers on these machines. */
export const CHROMIUM = '/usr/bin/chromium';
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * A describe block for specs that drive Chromium: runs when /usr/bin/chromium is there; otherwise skipped with the
 * reason in its name, except under CI=true, where a missing browser fails the run instead of passing it silently.
 */
export function describeInBrowser(name: string, body: () => void): void {
  if (existsSync(CHROMIUM)) {
    describe(name, body);
  } else if (process.env.CI === 'true') {
    describe(name, () => {
      throw new Error(
        `${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium) to run the e2e specs.`,
      );
    });
  } else {
    describe.skip(`${name} (skipped: no Chromium at ${CHROMIUM}; apt-get install -y chromium)`, body);
  }
}

export interface BrowserHandle {
  context: BrowserContext;
  page: Page;
  /** Chromium's own temp folder ($TMPDIR of the browser and its helpers), removed by close(). */
  tempFolder: string;
  /** Closes the browser, then removes its profile and temp folders, also when closing failed or Chromium crashed. */
  close(): Promise<void>;
}

/**
 * Chromium, headless, with a fresh profile folder (no cookies from earlier runs) and its own temp folder, both removed
 * on close.
 *
 * Chromium writes temp files and folders (.org.chromium.Chromium.*, its SingletonSocket folder) into $TMPDIR and
 * removes them on a clean exit only; a renderer killed at the wrong moment leaves one behind, which in the run's temp
 * folder fails the leftovers check. So each browser gets a TMPDIR of its own, removed whatever Chromium left in it.
 * That folder is in the run's short temp folder (test/support/global-setup.ts), because the SingletonSocket path must
 * fit a Unix socket (107 bytes): inside the run's temp folder and the profile it did not, and Chromium failed to start.
 */
export async function launchBrowser(): Promise<BrowserHandle> {
  const profile = await mkdtemp(join(tmpdir(), 'monotable-e2e-profile-'));
  const tempFolder = await mkdtemp(join(process.env[SHORT_TEMP_ENV] ?? '/tmp', 'chromium-'));
  // Retries: a Chromium helper process still exiting may add a file while the folder is being removed.
  const removeFolders = () =>
    Promise.all([profile, tempFolder].map((f) => rm(f, { recursive: true, force: true, maxRetries: 5 })));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ARGS,
      // Chromium keeps its crash-report database under $XDG_CONFIG_HOME/chromium whatever the profile folder is;
      // pointing it into the profile keeps ~/.config untouched and lets close() remove it.
      env: { ...process.env, XDG_CONFIG_HOME: profile, TMPDIR: tempFolder },
    });
  } catch (error) {
    await removeFolders();
    throw error;
  }
  const close = async () => {
    try {
      await context.close();
    } finally {
      await removeFolders();
    }
  };
  let page: Page;
  try {
    page = context.pages()[0] ?? (await context.newPage());
  } catch (error) {
    await close().catch(() => {});
    throw error;
  }
  return { context, page, tempFolder, close };
}
