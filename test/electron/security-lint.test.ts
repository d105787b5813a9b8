import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The static security check is a real tool: Biome GritQL plugins (biome-plugins/*.grit, listed in biome.json, run by
 * `npm run lint` inside `npm test`). This test proves they catch what they must: it lints small bad and good files
 * with exactly the repository's plugin list (paths made absolute, scopes kept) in a scratch folder.
 */
const ROOT = resolve(import.meta.dirname, '..', '..');
const BIOME = join(ROOT, 'node_modules', '.bin', 'biome');

type PluginEntry = string | { path: string; includes?: string[] };

let dir: string;

function write(relative: string, text: string): void {
  mkdirSync(dirname(join(dir, relative)), { recursive: true });
  writeFileSync(join(dir, relative), text);
}

function lint(): { path: string; line: number; message: string }[] {
  let out: string;
  try {
    out = execFileSync(BIOME, ['lint', '--reporter=json', '.'], { cwd: dir, encoding: 'utf8', stdio: 'pipe' });
  } catch (error) {
    out = (error as { stdout: string }).stdout;
  }
  const report = JSON.parse(out) as {
    diagnostics: { category: string; message: string; location: { path: string; start: { line: number } } }[];
  };
  return report.diagnostics
    .filter((d) => d.category === 'plugin')
    .map((d) => ({ path: d.location.path, line: d.location.start.line, message: d.message }))
    .sort((a, b) => a.path.localeCompare(b.path) || a.line - b.line);
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'monotable-seclint-'));
  const config = JSON.parse(readFileSync(join(ROOT, 'biome.json'), 'utf8')) as { plugins: PluginEntry[] };
  const plugins = config.plugins.map((p) =>
    typeof p === 'string' ? resolve(ROOT, p) : { ...p, path: resolve(ROOT, p.path) },
  );
  writeFileSync(join(dir, 'biome.json'), JSON.stringify({ plugins }));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('static security check (Biome GritQL plugins)', () => {
  it('biome.json loads the three Electron plugins', () => {
    const config = JSON.parse(readFileSync(join(ROOT, 'biome.json'), 'utf8')) as { plugins: PluginEntry[] };
    const paths = config.plugins.map((p) => (typeof p === 'string' ? p : p.path));
    expect(paths).toEqual([
      './biome-plugins/electron-web-preferences.grit',
      './biome-plugins/electron-preload-bridge.grit',
      './biome-plugins/electron-open-external.grit',
    ]);
  });

  it('fails on insecure web preferences (bare or quoted keys), not on secure ones', () => {
    rmSync(join(dir, 'electron'), { recursive: true, force: true });
    write(
      'electron/main/window.ts',
      [
        'export const a = { nodeIntegration: true };',
        "export const b = { 'contextIsolation': false };",
        'export const c = { "webSecurity": false };',
        'export const d = { webPreferences: { sandbox: false } };',
        'export const e = { sandbox: true, contextIsolation: true, webSecurity: true, nodeIntegration: false };',
        'export const f = { mySandbox: false, nodeIntegrationDocs: true };',
        '',
      ].join('\n'),
    );
    expect(lint().map((d) => d.line)).toEqual([1, 2, 3, 4]);
  });

  it('fails on a preload exposing ipcRenderer or using a channel it did not fix', () => {
    rmSync(join(dir, 'electron'), { recursive: true, force: true });
    write(
      'electron/preload/preload.ts',
      [
        "import { contextBridge, ipcRenderer } from 'electron';",
        "import { IPC_CHANNELS } from './channels.js';",
        "contextBridge.exposeInMainWorld('a', ipcRenderer);",
        "contextBridge.exposeInMainWorld('b', { send: ipcRenderer.send });",
        'export const any = (channel: string) => ipcRenderer.invoke(channel);',
        "export const literal = () => ipcRenderer.send('whatever');",
        'export const fixed = () => ipcRenderer.invoke(IPC_CHANNELS.call, {});',
        "contextBridge.exposeInMainWorld('monotable', { call: fixed });",
        '',
      ].join('\n'),
    );
    const found = lint();
    expect(found.map((d) => d.line)).toEqual([3, 4, 5, 6]);
    expect(found[0]!.message).toMatch(/must not expose ipcRenderer/);
    expect(found[2]!.message).toMatch(/fixed channel/);
  });

  it('fails on shell.openExternal anywhere but the vetted helper', () => {
    rmSync(join(dir, 'electron'), { recursive: true, force: true });
    const call = "import { shell } from 'electron';\nexport const open = (u: string) => shell.openExternal(u);\n";
    write('electron/main/external.ts', call);
    write('electron/main/menu.ts', call);
    write('renderer/src/x.ts', call);
    expect(lint().map((d) => d.path)).toEqual(['electron/main/menu.ts', 'renderer/src/x.ts']);
  });

  it('the repository itself passes (the same check `npm run lint` makes)', () => {
    const out = execFileSync(BIOME, ['lint', '--reporter=json', 'electron', 'renderer/src/api'], {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: 'pipe',
    });
    const report = JSON.parse(out) as { diagnostics: { category: string }[] };
    expect(report.diagnostics.filter((d) => d.category === 'plugin')).toEqual([]);
  });
});
