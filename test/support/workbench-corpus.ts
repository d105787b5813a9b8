import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The NoSQL Workbench interop corpus, next to the checkout (`../shared/interop/nosql-workbench` from the repo root). */
export const WORKBENCH_CORPUS = resolve(import.meta.dirname, '../../../shared/interop/nosql-workbench');

/** Every `.json` file under `dir` (any depth), as sorted absolute paths. */
export function workbenchCorpusFiles(dir = WORKBENCH_CORPUS): string[] {
  return readdirSync(dir)
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? workbenchCorpusFiles(path) : name.endsWith('.json') ? [path] : [];
    })
    .sort();
}
