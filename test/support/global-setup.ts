import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const REPO = resolve(import.meta.dirname, '..', '..');
/**
 * Where the product keeps per-user files by default (XDG data and config); during tests they live inside the run's
 * folder. Tools' caches (XDG_CACHE_HOME, e.g. Biome's) stay where they are: `npm run lint` writes them anyway.
 */
const USER_FOLDERS = { XDG_DATA_HOME: 'user-data', XDG_CONFIG_HOME: 'user-config' };
/**
 * A second private temp folder with a short path, for paths with a length limit: Chromium puts its SingletonSocket
 * in $TMPDIR, and a Unix socket path may be at most 107 bytes, which a folder inside the run's temp folder can
 * exceed. Always under /tmp (whatever TMPDIR was), checked and removed like the run's folder (e2e/support/browser.ts
 * gives each Chromium its own TMPDIR in it).
 */
export const SHORT_TEMP_ENV = 'MONOTABLE_TEST_SHORT_TMPDIR';

/** Every entry under `dir`, relative to it, folders with a trailing slash (empty folders included). */
function entries(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? [`${prefix}${e.name}/`, ...entries(join(dir, e.name), `${prefix}${e.name}/`)]
      : [`${prefix}${e.name}`],
  );
}

/** `git status --porcelain` lines of the clone: changed tracked files and untracked files that are not ignored. */
function gitStatus(): Set<string> {
  return new Set(
    execFileSync('git', ['status', '--porcelain'], { cwd: REPO, encoding: 'utf8' }).split('\n').filter(Boolean),
  );
}

/**
 * The test run leaves the machine and the clone as it found them. Every worker and child process gets a private
 * temp folder (TMPDIR) and private per-user folders (XDG_*) inside one folder for this run, and a short private temp
 * folder (SHORT_TEMP_ENV); at the end the run fails if anything was left in them, then removes them. Python never
 * writes byte-code caches. Under CI the clone is checked too: no tracked file rewritten, no untracked file that
 * .gitignore does not cover.
 */
export default function setup(): () => void {
  const runDir = mkdtempSync(join(tmpdir(), 'monotable-test-run-'));
  process.env.TMPDIR = runDir;
  const shortDir = mkdtempSync('/tmp/mt-run-');
  process.env[SHORT_TEMP_ENV] = shortDir;
  for (const [name, folder] of Object.entries(USER_FOLDERS)) {
    process.env[name] = join(runDir, folder);
    mkdirSync(join(runDir, folder));
  }
  process.env.PYTHONDONTWRITEBYTECODE = '1';
  process.env.JITI_FS_CACHE = 'false'; // jiti (loading TypeScript configs) would keep a cache in the temp folder
  const cloneBefore = process.env.CI ? gitStatus() : undefined;

  return () => {
    const expected = new Set(Object.values(USER_FOLDERS).map((f) => `${f}/`));
    const left = [
      ...entries(runDir).filter((e) => !expected.has(e)),
      ...entries(shortDir).map((e) => `${SHORT_TEMP_ENV}/${e}`),
    ];
    const problems: string[] = [];
    for (const dir of [runDir, shortDir]) {
      try {
        // Retries: a process still exiting (a browser's helper) may add a file while the folder is being removed.
        rmSync(dir, { recursive: true, force: true, maxRetries: 5 });
      } catch (error) {
        problems.push(`could not remove ${dir}: ${(error as Error).message}`);
      }
    }
    if (left.length > 0)
      problems.push(
        `left in the temp or per-user folders (a test must remove what it creates):\n  ${left.join('\n  ')}`,
      );
    if (cloneBefore) {
      const changed = [...gitStatus()].filter((line) => !cloneBefore.has(line));
      if (changed.length > 0)
        problems.push(`changed in the clone (ignore generated files in .gitignore):\n  ${changed.join('\n  ')}`);
    }
    if (problems.length === 0) return;
    // A teardown error alone does not change vitest's exit code, so the run is marked failed here as well.
    process.exitCode = 1;
    throw new Error(`The test run did not leave things as it found them. ${problems.join('\n')}`);
  };
}
