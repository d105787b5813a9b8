import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { describeInBrowser, launchBrowser } from './browser.js';

/** Chromium's temp files and folders in $TMPDIR: `.org.chromium.Chromium.*` files, `org.chromium.Chromium.*` folders. */
const CHROMIUM_TEMP = /^\.?org\.chromium\.Chromium\./;

function chromiumTempEntries(folder: string): string[] {
  return readdirSync(folder).filter((name) => CHROMIUM_TEMP.test(name));
}

/** The Chromium process this worker started with `tempFolder` as its TMPDIR (the browser, not one of its helpers). */
function browserPid(tempFolder: string): number {
  const pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  const matching = pids.filter((pid) => {
    try {
      // /proc/<pid>/stat: "pid (comm) state ppid ...", comm may hold spaces and parentheses.
      const stat = readFileSync(join('/proc', pid, 'stat'), 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const environ = readFileSync(join('/proc', pid, 'environ'), 'utf8').split('\0');
      return ppid === process.pid && environ.includes(`TMPDIR=${tempFolder}`);
    } catch {
      return false; // exited meanwhile
    }
  });
  expect(matching, 'one Chromium started by this worker with its own TMPDIR').toHaveLength(1);
  return Number(matching[0]);
}

describeInBrowser('launchBrowser: Chromium temp files', () => {
  it("go into the browser's own short temp folder, not the run's temp folder, and close() removes it", async () => {
    const browser = await launchBrowser();
    try {
      await browser.page.setContent('<p>hello</p>');
      expect(browser.tempFolder.startsWith(tmpdir())).toBe(false);
      // The SingletonSocket folder: proof that Chromium took this TMPDIR and that the socket path fitted.
      expect(chromiumTempEntries(browser.tempFolder)).not.toEqual([]);
      expect(chromiumTempEntries(tmpdir())).toEqual([]);
    } finally {
      await browser.close();
    }
    expect(existsSync(browser.tempFolder)).toBe(false);
  });

  it('are removed by close() after Chromium was killed (SIGKILL) and could not remove them itself', async () => {
    const browser = await launchBrowser();
    try {
      await browser.page.setContent('<p>hello</p>');
      const closed = new Promise<void>((resolve) => browser.context.once('close', () => resolve()));
      process.kill(browserPid(browser.tempFolder), 'SIGKILL');
      await closed;
      expect(chromiumTempEntries(browser.tempFolder)).not.toEqual([]);
    } finally {
      await browser.close();
    }
    expect(existsSync(browser.tempFolder)).toBe(false);
  });
});
