import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll } from 'vitest';

const REPO = resolve(import.meta.dirname, '../..');

const created: string[] = [];

// The folders go when the test file ends; KEEP_CODEGEN=1 keeps them to look at the generated code.
afterAll(() => {
  if (process.env.KEEP_CODEGEN !== '1')
    for (const folder of created.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** A fresh folder inside the repository (so generated code resolves the repository's node_modules). */
export function codegenFolder(prefix: string): string {
  const parent = join(REPO, '.tmp', 'codegen-test');
  mkdirSync(parent, { recursive: true });
  const folder = mkdtempSync(join(parent, `${prefix}-`));
  created.push(folder);
  return folder;
}

/**
 * Compiles generated TypeScript modules with the strictest settings a user might have, emitting JavaScript to
 * `out/`. Returns tsc's output (empty when there are no errors) and the exit status.
 */
export function compileTypeScript(folder: string, files: Record<string, string>): { status: number; output: string } {
  for (const [name, text] of Object.entries(files)) writeFileSync(join(folder, name), text);
  writeFileSync(
    join(folder, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        strict: true,
        target: 'ES2022',
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        types: ['node'],
        skipLibCheck: true,
        noUnusedLocals: true,
        noUnusedParameters: true,
        noUncheckedIndexedAccess: true,
        exactOptionalPropertyTypes: true,
        noImplicitReturns: true,
        outDir: 'out',
      },
      include: ['*.ts'],
    }),
  );
  try {
    const output = execFileSync(join(REPO, 'node_modules', '.bin', 'tsc'), ['-p', join(folder, 'tsconfig.json')], {
      encoding: 'utf8',
    });
    return { status: 0, output };
  } catch (error) {
    const failed = error as { status: number; stdout: string; stderr: string };
    return { status: failed.status, output: `${failed.stdout}${failed.stderr}` };
  }
}
