import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findElectronBinary, missingElectronMessage } from '../../scripts/electron-binary.mjs';

const ROOT = resolve(import.meta.dirname, '..', '..');
const scratch = mkdtempSync(join(tmpdir(), 'monotable-electron-bin-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('finding the Electron binary without downloading it', () => {
  it('missing path.txt: not found, with the reason', () => {
    const dir = join(scratch, 'no-path');
    mkdirSync(dir);
    expect(findElectronBinary({ electronDir: dir, env: {} })).toEqual({
      found: false,
      reason: `${join(dir, 'path.txt')} is missing (the binary was never downloaded)`,
    });
  });

  it('path.txt naming a binary that is not there: not found', () => {
    const dir = join(scratch, 'no-dist');
    mkdirSync(dir);
    writeFileSync(join(dir, 'path.txt'), 'electron');
    expect(findElectronBinary({ electronDir: dir, env: {} })).toMatchObject({ found: false });
  });

  it('a binary where path.txt says, or under ELECTRON_OVERRIDE_DIST_PATH: found', () => {
    const dir = join(scratch, 'ok');
    mkdirSync(join(dir, 'dist'), { recursive: true });
    writeFileSync(join(dir, 'path.txt'), 'electron');
    writeFileSync(join(dir, 'dist', 'electron'), '');
    expect(findElectronBinary({ electronDir: dir, env: {} })).toEqual({
      found: true,
      path: join(dir, 'dist', 'electron'),
    });
    expect(findElectronBinary({ electronDir: dir, env: { ELECTRON_OVERRIDE_DIST_PATH: join(dir, 'dist') } })).toEqual({
      found: true,
      path: join(dir, 'dist', 'electron'),
    });
    expect(
      findElectronBinary({ electronDir: dir, env: { ELECTRON_OVERRIDE_DIST_PATH: join(scratch, 'nowhere') } }),
    ).toMatchObject({ found: false });
  });
});

describe('npm start without an Electron binary', () => {
  it('says plainly what is missing, how to get it, and points to `npx monotable serve`; exits 1 without building', () => {
    const result = spawnSync(process.execPath, [join(ROOT, 'scripts', 'start-desktop.mjs')], {
      cwd: ROOT,
      encoding: 'utf8',
      // A folder without Electron: the check must fail here even on a machine that has the binary.
      env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: join(scratch, 'nowhere') },
    });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    const version = (createRequire(import.meta.url)('electron/package.json') as { version: string }).version;
    expect(result.stderr).toBe(
      missingElectronMessage(
        `ELECTRON_OVERRIDE_DIST_PATH points to ${join(scratch, 'nowhere', 'electron')}, which does not exist`,
        version,
      ),
    );
    expect(result.stderr).toContain('the Electron binary is not installed');
    expect(result.stderr).toContain('npx install-electron');
    expect(result.stderr).toContain('npx monotable serve');
  });

  it('package.json wires start, build:desktop and package, and points Electron at the built main', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      main: string;
      scripts: Record<string, string>;
    };
    expect(pkg.main).toBe('dist/electron/main/main.js');
    expect(pkg.scripts.start).toBe('node scripts/start-desktop.mjs');
    expect(pkg.scripts['build:desktop']).toContain('tsconfig.desktop.json');
    expect(pkg.scripts.package).toContain('electron-builder --config electron-builder.yml');
  });
});
