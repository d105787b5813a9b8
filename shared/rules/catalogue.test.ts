import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const folder = new URL('./', import.meta.url);
const sources = readdirSync(folder).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
const readme = readFileSync(new URL('README.md', folder), 'utf8');

describe('the code catalogue in README.md', () => {
  it('lists every code a rule reports', () => {
    const codes = new Set<string>();
    for (const file of sources) {
      const text = readFileSync(new URL(file, folder), 'utf8');
      for (const m of text.matchAll(/report\(\s*'([a-z0-9-]+)'/g)) codes.add(m[1]!);
      for (const m of text.matchAll(/report\(\s*`\$\{what\}-([a-z-]+)`/g)) codes.add(`*-${m[1]}`);
    }
    // The seed generators' findings are built in shared/seed (planSeed refuses the same) and reported by seed-generators.ts.
    const seedGraph = readFileSync(new URL('../seed/seed-graph.ts', folder), 'utf8');
    for (const m of seedGraph.matchAll(/problem\(\s*'([a-z0-9-]+)'/g)) codes.add(m[1]!);
    expect(codes.has('seed-cycle')).toBe(true);
    expect(codes.size).toBeGreaterThan(50);
    const missing = [...codes].filter((code) =>
      code.startsWith('*-') ? !readme.includes(code.slice(1)) : !readme.includes(`\`${code}\``),
    );
    expect(missing).toEqual([]);
  });
});
