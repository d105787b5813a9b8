import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

const made: string[] = [];

// Registered when a test file first imports this module, so it runs after that file's own afterAll hooks
// (hooks run in reverse order): engines are stopped before their data folders go.
afterAll(async () => {
  for (const folder of made.splice(0)) await rm(folder, { recursive: true, force: true });
});

/** A fresh folder `monotable-PREFIX-…` in the temp directory, removed when the test file ends. */
export async function tempFolder(prefix: string): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), `monotable-${prefix}-`));
  made.push(folder);
  return folder;
}
