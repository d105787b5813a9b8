import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The NoSQL Workbench interop corpus, copied into the repository (`test/fixtures/nosql-workbench`, sources and licences in its README). */
export const WORKBENCH_CORPUS = resolve(import.meta.dirname, '../fixtures/nosql-workbench');

/** Every `.json` file under `dir` (any depth), as sorted absolute paths. */
export function workbenchCorpusFiles(dir = WORKBENCH_CORPUS): string[] {
  return readdirSync(dir)
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? workbenchCorpusFiles(path) : name.endsWith('.json') ? [path] : [];
    })
    .sort();
}
