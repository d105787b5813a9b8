import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The import directions are Biome rules (noRestrictedImports and noNodejsModules in biome.json, run by `npm run
// lint`); docs/decisions/0004-lint-format-imports.md says why. These tests prove the rules bite: they lint probe
// files laid out like the repository with the repository's own biome.json, and they keep the configuration in step
// with the folders (every shared/ folder has a layer; every CLI exception still needs to be one).

const ROOT = join(import.meta.dirname, '..', '..');
const BIOME = join(ROOT, 'node_modules', '.bin', 'biome');

interface Override {
  includes: string[];
}
const config = JSON.parse(readFileSync(join(ROOT, 'biome.json'), 'utf8')) as { overrides: Override[] };

/** The shared/ layers, lowest first, in the order biome.json gives them an override. */
const layers = config.overrides.flatMap((o) => {
  const match = /^shared\/([a-z-]+)\/\*\*$/.exec(o.includes[0] ?? '');
  return match ? [match[1]!] : [];
});

interface Probe {
  path: string;
  source: string;
  allowed: boolean;
}

const probes: Probe[] = [
  // shared/: pure TypeScript, layered.
  { path: 'shared/keys/probe.ts', source: '../model/schema.js', allowed: true },
  { path: 'shared/keys/probe.ts', source: '../errors/monotable-error.js', allowed: true },
  { path: 'shared/keys/probe.ts', source: 'zod', allowed: true },
  { path: 'shared/keys/probe.ts', source: '../patterns/resolve.js', allowed: false },
  { path: 'shared/model/probe.ts', source: '../keys/template.js', allowed: false },
  { path: 'shared/patterns/probe.ts', source: '../templates/index.js', allowed: false },
  { path: 'shared/rules/probe.ts', source: '../templates/index.js', allowed: false },
  { path: 'shared/rules/probe.ts', source: '../patterns/resolve.js', allowed: true },
  { path: 'shared/templates/probe.ts', source: '../seed/plan-seed.js', allowed: true },
  { path: 'shared/seed/probe.ts', source: '../templates/index.js', allowed: false },
  { path: 'shared/formats/code/probe.ts', source: '../../patterns/resolve.js', allowed: true },
  { path: 'shared/formats/code/probe.ts', source: '../../api/contract.js', allowed: false },
  { path: 'shared/api/methods/probe.ts', source: '../../formats/export.js', allowed: true },
  { path: 'shared/model/probe.ts', source: 'node:fs', allowed: false },
  { path: 'shared/model/probe.ts', source: 'fs', allowed: false },
  { path: 'shared/model/probe.ts', source: 'electron', allowed: false },
  { path: 'shared/model/probe.ts', source: 'react', allowed: false },
  { path: 'shared/model/probe.ts', source: 'react-dom/client', allowed: false },
  { path: 'shared/model/probe.ts', source: '@aws-sdk/client-dynamodb', allowed: false },
  { path: 'shared/api/probe.ts', source: '../../electron/backend/api/dispatcher.js', allowed: false },
  { path: 'shared/formats/code/probe.ts', source: '../../../test/support/env.js', allowed: false },
  // electron/backend: plain Node, never the electron package, never its callers.
  { path: 'electron/backend/api/probe.ts', source: '../../../shared/api/contract.js', allowed: true },
  { path: 'electron/backend/api/probe.ts', source: 'node:fs', allowed: true },
  { path: 'electron/backend/api/probe.ts', source: 'electron', allowed: false },
  { path: 'electron/backend/api/probe.ts', source: 'electron/main', allowed: false },
  { path: 'electron/backend/api/probe.ts', source: '../../cli/main.js', allowed: false },
  { path: 'electron/backend/probe.ts', source: '../server/serve.js', allowed: false },
  { path: 'electron/backend/tables/probe.ts', source: '../../main/window.js', allowed: false },
  // electron/cli: the backend only through the in-process api client.
  { path: 'electron/cli/commands/probe.ts', source: '../../backend/api/in-process-client.js', allowed: true },
  { path: 'electron/cli/commands/probe.ts', source: '../../backend/tables/drift.js', allowed: false },
  { path: 'electron/cli/commands/probe.ts', source: 'electron', allowed: false },
  // electron/server: browser mode runs under plain Node too.
  { path: 'electron/server/probe.ts', source: 'electron', allowed: false },
  // renderer/: shared/, its own files and browser packages.
  { path: 'renderer/src/features/grid/probe.tsx', source: '../../../../shared/api/client.js', allowed: true },
  { path: 'renderer/src/features/grid/probe.tsx', source: '../../components/button.js', allowed: true },
  { path: 'renderer/src/features/grid/probe.tsx', source: 'react', allowed: true },
  {
    path: 'renderer/src/features/grid/probe.tsx',
    source: '../../../../electron/backend/api/dispatcher.js',
    allowed: false,
  },
  { path: 'renderer/src/app/probe.tsx', source: '../../../test/support/env.js', allowed: false },
  { path: 'renderer/src/app/probe.tsx', source: 'node:path', allowed: false },
  { path: 'renderer/src/app/probe.tsx', source: 'electron', allowed: false },
  { path: 'renderer/src/app/probe.tsx', source: '@aws-sdk/client-dynamodb', allowed: false },
];

interface Diagnostic {
  category: string;
  location: { path: string };
}

let dir: string;
let flagged: Map<string, string[]>;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'monotable-imports-'));
  copyFileSync(join(ROOT, 'biome.json'), join(dir, 'biome.json'));
  cpSync(join(ROOT, 'biome-plugins'), join(dir, 'biome-plugins'), { recursive: true }); // biome.json's GritQL plugins
  probes.forEach((probe, i) => {
    const file = join(dir, probe.path.replace(/(\.tsx?)$/, `-${i}$1`));
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `import * as imported from '${probe.source}';\n\nexport const used = imported;\n`);
  });
  const run = spawnSync(BIOME, ['lint', '--vcs-enabled=false', '--reporter=json', '--max-diagnostics=none', '.'], {
    cwd: dir,
    encoding: 'utf8',
  });
  const report = JSON.parse(run.stdout) as { diagnostics: Diagnostic[] };
  flagged = new Map();
  for (const d of report.diagnostics) {
    const list = flagged.get(d.location.path) ?? [];
    list.push(d.category);
    flagged.set(d.location.path, list);
  }
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('import directions (Biome rules in biome.json, docs/architecture.md)', () => {
  it.each(probes.map((p, i) => [i, p.path, p.source, p.allowed ? 'allowed' : 'refused'] as const))(
    'probe %i: %s importing %s is %s',
    (i) => {
      const probe = probes[i]!;
      const path = probe.path.replace(/(\.tsx?)$/, `-${i}$1`);
      const categories = flagged.get(path) ?? [];
      const importRules = categories.filter((c) => /noRestrictedImports|noNodejsModules/.test(c));
      if (probe.allowed) expect(categories).toEqual([]);
      else expect(importRules.length).toBeGreaterThan(0);
    },
  );

  it('gives every folder of shared/ a layer, so no folder escapes the layering', () => {
    const folders = readdirSync(join(ROOT, 'shared'), { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name);
    expect([...layers].sort()).toEqual(folders.sort());
    expect(layers.slice(0, 3)).toEqual(['errors', 'model', 'keys']);
  });

  it('keeps no source file directly in shared/, outside every layer', () => {
    const loose = readdirSync(join(ROOT, 'shared')).filter((name) => /\.(ts|tsx|js|mjs)$/.test(name));
    expect(loose).toEqual([]);
  });

  it('lists as CLI exceptions only files that still import backend services directly (remove them as they move to the api)', () => {
    const exceptions = config.overrides
      .flatMap((o) => o.includes)
      .filter((p) => p.startsWith('!electron/cli/'))
      .map((p) => p.slice(1));
    for (const file of exceptions) {
      const text = readFileSync(join(ROOT, file), 'utf8');
      const direct = [...text.matchAll(/from '([^']*\/backend\/[^']*)'/g)]
        .map((m) => m[1]!)
        .filter((s) => !s.endsWith('/backend/api/in-process-client.js'));
      expect(direct, `${file} no longer needs its exception in biome.json`).not.toEqual([]);
    }
  });
});
