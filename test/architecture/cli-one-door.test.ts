import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const CLI = join(ROOT, 'electron', 'cli');
const BACKEND = join(ROOT, 'electron', 'backend');
/** The CLI's one door: the in-process client of the api contract (electron/cli/api.ts wraps it). */
const DOOR = join(BACKEND, 'api', 'in-process-client');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    // Tests may look behind the door to check what a verb did (a state file, a table): they are not the CLI.
    return /\.(ts|js|mjs)$/.test(e.name) && !/\.test\.ts$/.test(e.name) ? [path] : [];
  });
}

/** Every module specifier: static imports and re-exports (type-only too), dynamic imports, require(). */
function specifiers(text: string): string[] {
  const patterns = [
    /\b(?:import|export)\s[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g,
    /\bimport\s*['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  return patterns.flatMap((p) => [...text.matchAll(p)].map((m) => m[1]!));
}

/** What each CLI file reaches in electron/backend, other than the door. */
function backendImports(files: string[]): string[] {
  return files.flatMap((file) =>
    specifiers(readFileSync(file, 'utf8'))
      .filter((s) => s.startsWith('.'))
      .map((s) => join(file, '..', s).replace(/\.(js|ts)$/, ''))
      .filter((target) => target.startsWith(`${BACKEND}/`) && target !== DOOR)
      .map((target) => `${relative(ROOT, file)} imports ${relative(ROOT, target)}`),
  );
}

describe('the CLI has one door into the backend (issue 6)', () => {
  it('finds the CLI sources and the door they use', () => {
    const files = sourceFiles(CLI);
    expect(files.length).toBeGreaterThan(15);
    const door = files.filter((f) =>
      specifiers(readFileSync(f, 'utf8')).some((s) => join(f, '..', s).replace(/\.js$/, '') === DOOR),
    );
    expect(door.map((f) => relative(ROOT, f))).toEqual(['electron/cli/api.ts']);
  });

  it('no file under electron/cli imports a backend service (type-only imports included)', () => {
    expect(backendImports(sourceFiles(CLI))).toEqual([]);
  });

  it('the check itself catches a service import, a type import and a dynamic one', () => {
    const fake = join(CLI, 'commands', 'fake.ts');
    const found = (text: string): string[] =>
      specifiers(text)
        .map((s) => join(fake, '..', s).replace(/\.(js|ts)$/, ''))
        .filter((t) => t.startsWith(`${BACKEND}/`) && t !== DOOR);
    expect(found("import { createTables } from '../../backend/tables/create-tables.js';")).toHaveLength(1);
    expect(found("import type { SeedProgress } from '../../backend/seed/seed-types.js';")).toHaveLength(1);
    expect(found("const m = await import('../../backend/engine/run-engine.js');")).toHaveLength(1);
    expect(found("import { createInProcessClient } from '../../backend/api/in-process-client.js';")).toEqual([]);
  });
});
