import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, type Page, chromium } from 'playwright-core';
import { describe } from 'vitest';

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
  close(): Promise<void>;
}

/** Chromium, headless, with a fresh profile folder (no cookies from earlier runs), removed on close. */
export async function launchBrowser(): Promise<BrowserHandle> {
  const profile = await mkdtemp(join(tmpdir(), 'monotable-e2e-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    // Chromium keeps its crash-report database under $XDG_CONFIG_HOME/chromium whatever the profile folder is;
    // pointing it into the profile keeps ~/.config untouched and lets close() remove it.
    env: { ...process.env, XDG_CONFIG_HOME: profile },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
