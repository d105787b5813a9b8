import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

/** electron-builder's own loader and schema validation (app-builder-lib), run on electron-builder.yml. */
const ROOT = resolve(import.meta.dirname, '..', '..');
const require = createRequire(import.meta.url);
const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
  getConfig(dir: string, path: string, extra: null): Promise<Record<string, unknown>>;
  validateConfiguration(config: Record<string, unknown>, logger: unknown): Promise<void>;
};
const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };

async function loadConfig() {
  return getConfig(ROOT, 'electron-builder.yml', null);
}

describe('electron-builder configuration', () => {
  it("passes electron-builder's schema validation, which does reject an unknown option", async () => {
    const config = await loadConfig();
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    await expect(validateConfiguration({ ...config, notAnOption: true }, new DebugLogger(false))).rejects.toThrow(
      /notAnOption/,
    );
  });

  it('builds AppImage and deb, dmg, and nsis, with the app icon', async () => {
    const config = (await loadConfig()) as Record<string, { target?: string[]; icon?: string }>;
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.mac?.target).toEqual(['dmg']);
    expect(config.win?.target).toEqual(['nsis']);
    for (const platform of ['linux', 'mac', 'win']) {
      const icon = config[platform]?.icon;
      expect(icon).toBe('build/icon.png');
      expect(existsSync(join(ROOT, icon!))).toBe(true);
    }
    const png = readFileSync(join(ROOT, 'build', 'icon.png'));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(512); // width: macOS icons need 512 or more
  });

  it('associates .monotable.json files with the app', async () => {
    const config = (await loadConfig()) as { fileAssociations: { ext: string; name: string }[] };
    expect(config.fileAssociations).toEqual([
      expect.objectContaining({ ext: 'monotable.json', name: 'Monotable model' }),
    ]);
  });

  it('flips the hardening fuses; RunAsNode off works because nothing forks with ELECTRON_RUN_AS_NODE', async () => {
    const config = (await loadConfig()) as { electronFuses: Record<string, boolean> };
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
    const main = readFileSync(join(ROOT, 'electron', 'main', 'backend-process.ts'), 'utf8');
    expect(main).toContain('utilityProcess.fork');
    for (const file of ['backend-process.ts', 'main.ts', 'backend-host/backend-host.ts', 'backend-host/engine-host.ts'])
      expect(readFileSync(join(ROOT, 'electron', 'main', file), 'utf8'), file).not.toMatch(
        /from 'node:child_process'|process\.env\.ELECTRON_RUN_AS_NODE/,
      );
  });

  it('packs the built app (main, preload, backend, renderer) into the asar, not the sources', async () => {
    const config = parse(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as {
      files: string[];
      asar: boolean;
    };
    expect(config.asar).toBe(true);
    expect(config.files).toEqual(
      expect.arrayContaining(['package.json', 'dist/electron/**/*.js', 'dist/electron/**/*.cjs', 'dist/renderer/**/*']),
    );
    expect(config.files.some((f) => /^(electron|shared|renderer)\//.test(f))).toBe(false);
  });
});
