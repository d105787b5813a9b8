import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');

function sourceFiles(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(join(ROOT, dir), { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' || e.name === 'dist' ? [] : sourceFiles(path);
    return /\.(ts|tsx|js|mjs|cjs|jsx)$/.test(e.name) ? [path] : [];
  });
}

/** Every module specifier a file imports: static, dynamic, re-exports and require(). */
function importsOf(text: string): string[] {
  const found: string[] = [];
  const patterns = [
    /\b(?:import|export)\s[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g,
    /\bimport\s*['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const pattern of patterns) for (const match of text.matchAll(pattern)) found.push(match[1]!);
  return found;
}

function violations(dir: string, forbidden: (specifier: string, file: string) => boolean): string[] {
  return sourceFiles(dir).flatMap((file) =>
    importsOf(readFileSync(join(ROOT, file), 'utf8'))
      .filter((s) => forbidden(s, file))
      .map((s) => `${file} imports ${s}`),
  );
}

const NODE_BUILTINS = new Set([
  'fs',
  'path',
  'os',
  'child_process',
  'crypto',
  'http',
  'https',
  'net',
  'url',
  'util',
  'stream',
  'events',
  'worker_threads',
  'buffer',
  'process',
  'zlib',
]);
const DOM_ONLY = ['react', 'react-dom', '@tanstack/react-table', '@tanstack/react-virtual'];

describe('import directions (DESIGN.md)', () => {
  it('finds the sources it checks', () => {
    expect(sourceFiles('shared').length).toBeGreaterThan(10);
    expect(sourceFiles('electron/backend').length).toBeGreaterThan(5);
  });

  it('the import scanner sees every form of import', () => {
    const text = `import a from 'x1';\nimport type { B } from "x2";\nexport { c } from 'x3';\nimport 'x4';\nconst d = await import('x5');\nconst e = require("x6");\nimport {\n  f,\n} from 'x7';`;
    expect(importsOf(text).sort()).toEqual(['x1', 'x2', 'x3', 'x4', 'x5', 'x6', 'x7']);
  });

  it('shared/ imports nothing from node, electron, react or the DOM, and nothing outside shared/ (tests excepted: they run under Node)', () => {
    const bad = violations('shared', (s, file) => {
      if (/\.test\.tsx?$/.test(file)) return false;
      const bare = s.split('/')[0]!;
      if (s.startsWith('node:') || NODE_BUILTINS.has(bare) || bare === 'electron') return true;
      if (DOM_ONLY.includes(s) || s.startsWith('react')) return true;
      if (s.startsWith('.')) return !join(file, '..', s).startsWith('shared');
      return false;
    });
    expect(bad).toEqual([]);
  });

  it('renderer/ never imports electron/ or the electron package', () => {
    const bad = violations(
      'renderer',
      (s, file) =>
        s === 'electron' ||
        s.startsWith('electron/') ||
        (s.startsWith('.') && relative(ROOT, join(ROOT, file, '..', s)).startsWith('electron')),
    );
    expect(bad).toEqual([]);
  });

  it('electron/backend never imports the electron package (it runs under plain Node)', () => {
    expect(violations('electron/backend', (s) => s === 'electron' || s.startsWith('electron/'))).toEqual([]);
    expect(violations('electron/cli', (s) => s === 'electron' || s.startsWith('electron/'))).toEqual([]);
    expect(violations('electron/server', (s) => s === 'electron' || s.startsWith('electron/'))).toEqual([]);
  });

  it('renderer/ runs in a browser: no node: or Node built-in imports outside its tests', () => {
    const bad = violations('renderer', (s, file) => {
      if (/\.test\.tsx?$/.test(file)) return false;
      return s.startsWith('node:') || NODE_BUILTINS.has(s.split('/')[0]!);
    });
    expect(bad).toEqual([]);
  });
});
